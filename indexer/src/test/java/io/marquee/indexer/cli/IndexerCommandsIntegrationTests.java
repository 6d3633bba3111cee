package io.marquee.indexer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.indexer.IndexerProperties;
import io.marquee.indexer.IndexerTestProperties;
import io.marquee.indexer.audit.AuditRollover;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.DeadLetters;
import io.marquee.indexer.pipeline.QueueConsumer;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.indexer.prominence.RankingSchedule;
import io.marquee.indexer.reindex.Reindexer;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ElasticsearchTest
class IndexerCommandsIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        IndexerTestProperties.register(registry, IndexerCommandsIntegrationTests.class);
    }

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final IndexerCommands commands;
    private final MovieIndexAdmin admin;

    IndexerCommandsIntegrationTests(MovieLoader loader, MovieIndexAdmin admin, IndexerProperties properties, QueueConsumer consumer,
            AuditRollover rollover, Reindexer reindexer, DeadLetters deadLetters, CatalogueRanking ranking, RankingSchedule schedule) {
        this.admin = admin;
        this.commands = new IndexerCommands(loader, admin, properties, consumer, rollover, reindexer, deadLetters, ranking, schedule,
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @BeforeEach
    void emptyCluster() {
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
    }

    @Test
    void loadsADirectoryAndExitsZero() throws URISyntaxException {
        commands.run(new DefaultApplicationArguments("load", fixtures().toString()));

        assertThat(commands.getExitCode()).isZero();
        assertThat(text()).contains("files: 3, records read: 8, indexed: 8")
                .containsPattern("ranked t-indexercommandsintegrationtests-movies-write: 8 movies, \\d+ people");
    }

    @Test
    void ranksTheCatalogueAgainOnCommandAndFindsNothingToChangeTwice() throws URISyntaxException {
        commands.run(new DefaultApplicationArguments("load", fixtures().toString()));
        output.reset();

        commands.run(new DefaultApplicationArguments("prominence"));

        assertThat(commands.getExitCode()).isZero();
        assertThat(text()).containsPattern("ranked t-indexercommandsintegrationtests-movies-write: 8 movies, \\d+ people, 0 rewritten");
    }

    @Test
    void exitsZeroWhenRecordsAreRejected() throws URISyntaxException {
        commands.run(new DefaultApplicationArguments("load", fixtures().resolveSibling("fixtures-bad").toString()));

        assertThat(commands.getExitCode()).isZero();
        assertThat(text()).contains("rejected: 3");
    }

    @Test
    void exitsOneWhenAFileCannotBeRead() {
        commands.run(new DefaultApplicationArguments("load", "/no/such/movies.json"));

        assertThat(commands.getExitCode()).isEqualTo(IndexerCommands.UNREADABLE);
        assertThat(text()).contains("unreadable /no/such/movies.json");
    }

    @Test
    void explainsUsage() {
        commands.run(new DefaultApplicationArguments("frobnicate"));

        assertThat(commands.getExitCode()).isEqualTo(IndexerCommands.USAGE);
        assertThat(text()).contains("unknown command 'frobnicate'").contains("usage: indexer load");
    }

    @Test
    void bootstrapsTheIndex() {
        commands.run(new DefaultApplicationArguments("bootstrap"));

        assertThat(commands.getExitCode()).isZero();
        assertThat(text()).contains("read alias t-indexercommandsintegrationtests-movies -> t-indexercommandsintegrationtests-movies-v1");
    }

    @Test
    void reindexesFromTheLiveIndexRollsBackAndPrunes() throws URISyntaxException {
        commands.run(new DefaultApplicationArguments("load", fixtures().toString()));

        commands.run(new DefaultApplicationArguments("reindex", "--from", "index", "--flip"));
        assertThat(commands.getExitCode()).isZero();
        assertThat(text()).contains("gate passed: t-indexercommandsintegrationtests-movies-v2 holds 8 movies (expected 8), green")
                .contains("flipped t-indexercommandsintegrationtests-movies and t-indexercommandsintegrationtests-movies-write from "
                        + "t-indexercommandsintegrationtests-movies-v1 to t-indexercommandsintegrationtests-movies-v2");

        commands.run(new DefaultApplicationArguments("rollback"));
        commands.run(new DefaultApplicationArguments("prune", "--keep=1"));
        commands.run(new DefaultApplicationArguments("status"));
        assertThat(commands.getExitCode()).isZero();
        assertThat(text()).contains("rolled back").contains("kept t-indexercommandsintegrationtests-movies-v2 (previous (rollback target))")
                .containsPattern("t-indexercommandsintegrationtests-movies-v1 +1 +8 .* live")
                .contains("no reindex in progress");
    }

    @Test
    void refusesAnUnknownReindexSource() {
        commands.run(new DefaultApplicationArguments("reindex", "--from", "ftp"));

        assertThat(commands.getExitCode()).isEqualTo(IndexerCommands.USAGE);
        assertThat(text()).contains("--from must be s3 or index, not 'ftp'");
    }

    @Test
    void refusesARollbackWithNothingToReturnTo() {
        commands.run(new DefaultApplicationArguments("bootstrap"));
        commands.run(new DefaultApplicationArguments("rollback"));

        assertThat(commands.getExitCode()).isEqualTo(IndexerCommands.REFUSED);
        assertThat(text()).contains("nothing to roll back to");
    }

    private Path fixtures() throws URISyntaxException {
        return Path.of(getClass().getClassLoader().getResource("fixtures").toURI());
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
