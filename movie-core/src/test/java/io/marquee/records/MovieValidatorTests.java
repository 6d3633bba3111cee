package io.marquee.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovieValidatorTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsADatasetRecord() {
        RecordResult result = validate("""
                {"title": " Top Gun ", "year": 1986, "cast": ["Tom Cruise", "Kelly McGillis"], "genres": ["Action"],
                 "href": "Top_Gun", "extract": "Top Gun is a 1986 film.", "thumbnail": "https://x/y.jpg",
                 "thumbnail_width": 220, "thumbnail_height": 326}""");

        assertThat(result).isInstanceOfSatisfying(RecordResult.Valid.class, valid -> {
            assertThat(valid.facts().title()).isEqualTo("Top Gun");
            assertThat(valid.facts().cast()).containsExactly("Tom Cruise", "Kelly McGillis");
            assertThat(valid.facts().thumbnailWidth()).isEqualTo(220);
            assertThat(valid.droppedEntries()).isZero();
        });
    }

    @Test
    void dropsJunkCastEntriesAndCountsThem() {
        RecordResult result = validate("""
                {"title": "Winter Day Dreams", "year": 2010, "cast": ["Franny", ")", "  ", "Franny"], "genres": []}""");

        assertThat(result).isInstanceOfSatisfying(RecordResult.Valid.class, valid -> {
            assertThat(valid.facts().cast()).containsExactly("Franny");
            assertThat(valid.droppedEntries()).isEqualTo(2);
        });
    }

    @Test
    void treatsMissingListsAsEmpty() {
        assertThat(validate("{\"title\": \"A\", \"year\": 2000}")).isInstanceOf(RecordResult.Valid.class);
    }

    @Test
    void rejectsMissingOrBlankTitle() {
        assertRejected("{\"year\": 2000}", "title is missing");
        assertRejected("{\"title\": \"  \", \"year\": 2000}", "title is blank");
        assertRejected("{\"title\": 42, \"year\": 2000}", "title must be a string, not the number 42");
    }

    @Test
    void rejectsOverlongTitle() {
        assertRejected("{\"title\": \"" + "x".repeat(513) + "\", \"year\": 2000}", "title is longer than 512 characters");
    }

    @Test
    void rejectsYearOutsideRangeOrOfWrongType() {
        assertRejected("{\"title\": \"A\", \"year\": 1869}", "year 1869 is outside 1870–2100");
        assertRejected("{\"title\": \"A\", \"year\": 2101}", "year 2101 is outside 1870–2100");
        assertRejected("{\"title\": \"A\", \"year\": \"1999\"}", "year must be an integer, not the string \"1999\"");
        assertRejected("{\"title\": \"A\", \"year\": 1999.5}", "year must be an integer, not the number 1999.5");
        assertRejected("{\"title\": \"A\"}", "year is missing");
    }

    @Test
    void rejectionsCarryACodeAndTheFieldTheyConcern() throws Exception {
        assertThat(rejection("{\"title\": \"A\", \"year\": 1869}")).extracting(RecordResult.Rejected::code, RecordResult.Rejected::field)
                .containsExactly(RejectionCode.OUT_OF_RANGE, "year");
        assertThat(rejection("{\"year\": 2000}")).extracting(RecordResult.Rejected::code, RecordResult.Rejected::field)
                .containsExactly(RejectionCode.MISSING, "title");
        assertThat(rejection("[1]")).extracting(RecordResult.Rejected::code, RecordResult.Rejected::field)
                .containsExactly(RejectionCode.NOT_AN_OBJECT, null);
    }

    private static RecordResult.Rejected rejection(String json) throws Exception {
        return (RecordResult.Rejected) MovieValidator.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), 1, 1);
    }

    @Test
    void rejectsListsOfTheWrongType() {
        assertRejected("{\"title\": \"A\", \"year\": 2000, \"cast\": \"Tom Cruise\"}",
                "cast must be an array of strings, not the string \"Tom Cruise\"");
        assertRejected("{\"title\": \"A\", \"year\": 2000, \"genres\": [\"Drama\", 7]}", "genres must contain only strings, not the number 7");
    }

    @Test
    void rejectsListsLongerThanAnyMovieNeeds() {
        String cast = "[" + "\"Extra\",".repeat(MovieValidator.MAX_CAST_ENTRIES) + "\"One Too Many\"]";
        assertRejected("{\"title\": \"A\", \"year\": 2000, \"cast\": " + cast + "}", "cast has 501 entries, more than the 500 allowed");
        String genres = "[" + "\"Drama\",".repeat(MovieValidator.MAX_GENRE_ENTRIES) + "\"Crime\"]";
        assertRejected("{\"title\": \"A\", \"year\": 2000, \"genres\": " + genres + "}", "genres has 51 entries, more than the 50 allowed");
        String longest = "[" + "\"Extra\",".repeat(MovieValidator.MAX_CAST_ENTRIES - 1) + "\"Last\"]";
        assertThat(validate("{\"title\": \"A\", \"year\": 2000, \"cast\": " + longest + "}")).isInstanceOf(RecordResult.Valid.class);
    }

    @Test
    void rejectsOptionalFieldsOfTheWrongType() {
        assertRejected("{\"title\": \"A\", \"year\": 2000, \"thumbnail_width\": \"220\"}",
                "thumbnail_width must be a non-negative integer, not the string \"220\"");
        assertRejected("{\"title\": \"A\", \"year\": 2000, \"extract\": {}}", "extract must be a string, not an object");
    }

    @Test
    void rejectsNonObjects() {
        assertRejected("[1, 2]", "record is not a JSON object but an array");
    }

    private void assertRejected(String record, String reason) {
        assertThat(validate(record)).isInstanceOfSatisfying(RecordResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    private RecordResult validate(String record) {
        try {
            JsonNode node = json.readTree(record);
            return MovieValidator.validate(node, 1, 1);
        }
        catch (Exception ex) {
            throw new IllegalArgumentException(ex);
        }
    }
}
