package io.marquee.indexer.pipeline;

import org.junit.jupiter.api.Test;

import io.marquee.movie.MovieJson;
import io.marquee.localservers.aws.S3EventNotifications;

import static org.assertj.core.api.Assertions.assertThat;

class S3EventMessagesTests {

    private final S3EventMessages messages = new S3EventMessages(MovieJson.objectMapper());

    @Test
    void readsAnS3NotificationWithItsEncodedKey() {
        String body = S3EventNotifications.objectCreated("eu-west-1", "ingest", "incoming/wikipedia/Léon (1994) & more.json", 42, "\"abc\"",
                "v1");

        S3EventMessages.Parsed parsed = messages.parse(body);

        assertThat(parsed).isInstanceOfSatisfying(S3EventMessages.Events.class, events -> assertThat(events.events()).singleElement()
                .satisfies(event -> {
                    assertThat(event.created()).isTrue();
                    assertThat(event.bucket()).isEqualTo("ingest");
                    assertThat(event.key()).isEqualTo("incoming/wikipedia/Léon (1994) & more.json");
                    assertThat(event.versionId()).isEqualTo("v1");
                    assertThat(event.etag()).isEqualTo("abc");
                    assertThat(event.sequencer()).isNotBlank();
                }));
    }

    @Test
    void decodesKeysAsS3EncodesThem() {
        assertThat(S3EventMessages.decodeKey("incoming/p/my+file%281%29.json")).isEqualTo("incoming/p/my file(1).json");
    }

    @Test
    void readsRemovalsAndSnsEnvelopes() {
        String removal = S3EventNotifications.objectRemoved("us-east-1", "ingest", "incoming/p/x.json", null);

        assertThat(messages.parse(S3EventNotifications.inSnsEnvelope(removal)))
                .isInstanceOfSatisfying(S3EventMessages.Events.class, e -> assertThat(e.events().get(0).removed()).isTrue());
    }

    @Test
    void recognisesTheTestEvent() {
        assertThat(messages.parse(S3EventNotifications.testEvent("ingest"))).isInstanceOf(S3EventMessages.TestEvent.class);
    }

    @Test
    void setsAsideWhatIsNotAnS3Event() {
        assertThat(messages.parse("hello")).isInstanceOfSatisfying(S3EventMessages.Unrecognised.class,
                u -> assertThat(u.reason()).startsWith("not JSON"));
        assertThat(messages.parse("[1]")).isInstanceOf(S3EventMessages.Unrecognised.class);
        assertThat(messages.parse("{\"Records\": []}")).isInstanceOf(S3EventMessages.Unrecognised.class);
        assertThat(messages.parse("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\"}]}"))
                .isInstanceOfSatisfying(S3EventMessages.Unrecognised.class, u -> assertThat(u.reason()).contains("lacks"));
    }
}
