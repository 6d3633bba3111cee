package io.marquee.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.marquee.testsupport.data.SharedDataset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document ids are derived from {@link TextFolding#identity}, so its single-pass implementation must give exactly what
 * the regular-expression one ({@link RegexTextFolding}) gave, on every input: awkward strings built to exercise each
 * rule, random strings over an alphabet of the characters the rules treat specially, and every text of the dataset.
 */
class TextFoldingEquivalenceTests {

    private static final String ALPHABET = "aAeEiIvVxXzZ09 .'’‘`´&:-–_,!?éÉèñÑüøØæÆœßłŁđðþıħĦ\u0301\u0308\u20DD"
            + "İΣσςΟΔΑ ⅫⅣ½²①ﬁＡ\t\n\u00A0\u2028" + new String(Character.toChars(0x1D400)) + new String(Character.toChars(0x1D165))
            + "\uD800\uDC00\uDBFF";

    @Test
    void foldsAwkwardTextAsTheReferenceDoes() {
        List<String> awkward = List.of("", " ", ".", "A.", "A.B", "A.B.", "A.B.C.D. x", "xA.B.", "1A.B.", ".A.B.", "'A.B.'", "É.T.", "e.t.e.",
                "Ⅻ", "ΟΔΟΣ", "ΟΔΟΣ.Α", "ΟΔΟΣ'Α", "İstanbul", "ﬁle", "½ & ½", "&&", "Ghostbusters II", "ii iii iv xx xxi", "I. II. III.",
                "x\u0301.y\u0301.", "\uD835\uDC00.\uD835\uDC01.", "\uDC00.A.B.", "A.\uD800B.C.", "Jr.", "L.A. Confidential", "O'Brien's",
                "Mission: Impossible – Ghost Protocol", "  lots   of\tspace  ");
        awkward.forEach(TextFoldingEquivalenceTests::assertSame);
    }

    @Test
    void foldsRandomTextAsTheReferenceDoes() {
        SplittableRandom random = new SplittableRandom(20261122);
        int[] alphabet = ALPHABET.codePoints().toArray();
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSame(text.toString());
        }
    }

    @Test
    void foldsEveryTextOfTheDatasetAsTheReferenceDoes() throws IOException {
        Path directory = SharedDataset.require();
        ObjectMapper json = new ObjectMapper();
        long texts = 0;
        for (Path file : SharedDataset.files(directory)) {
            for (JsonNode movie : read(json, file)) {
                List<String> values = new ArrayList<>();
                values.add(movie.path("title").asText(""));
                values.add(movie.path("extract").asText(""));
                movie.path("cast").forEach(name -> values.add(name.asText("")));
                movie.path("genres").forEach(genre -> values.add(genre.asText("")));
                values.forEach(TextFoldingEquivalenceTests::assertSame);
                texts += values.size();
            }
        }
        assertThat(texts).isGreaterThan(SharedDataset.RECORDS);
    }

    private static JsonNode read(ObjectMapper json, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return json.readTree(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
        }
    }

    private static void assertSame(String text) {
        assertThat(TextFolding.identity(text)).as("identity of %s", escaped(text)).isEqualTo(RegexTextFolding.identity(text));
        assertThat(TextFolding.fold(text)).as("fold of %s", escaped(text)).isEqualTo(RegexTextFolding.fold(text));
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder("\"");
        text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return escaped.append('"').toString();
    }
}
