package io.marquee.indexer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import io.marquee.indexer.IndexerProperties;
import io.marquee.indexer.audit.AuditRollover;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.indexer.ingest.MovieFile;
import io.marquee.indexer.load.LoadReport;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.QueueConsumer;
import io.marquee.schema.MovieIndexAdmin;

/**
 * Runs the command named by the first argument and sets the process exit code:
 * 0 done (rejected records are reported, not errors), 1 a file could not be read, 2 bad usage,
 * 3 documents Elasticsearch would not take even after retries.
 */
public class IndexerCommands implements ApplicationRunner, ExitCodeGenerator {

    static final int OK = 0;
    static final int UNREADABLE = 1;
    static final int USAGE = 2;
    static final int WRITE_FAILED = 3;

    private static final String USAGE_TEXT = """
            usage: indexer load <file-or-directory>...   load movie files (JSON array, NDJSON, single object; .gz too)
                   indexer bootstrap                     install templates and create movies-v1 behind the aliases
                   indexer consume                       consume S3 event notifications from SQS until stopped
            """;

    private final MovieLoader loader;
    private final MovieIndexAdmin admin;
    private final IndexerProperties properties;
    private final QueueConsumer consumer;
    private final AuditRollover rollover;
    private final PrintStream out;
    private int exitCode = OK;

    public IndexerCommands(MovieLoader loader, MovieIndexAdmin admin, IndexerProperties properties, QueueConsumer consumer,
            AuditRollover rollover, PrintStream out) {
        this.consumer = consumer;
        this.rollover = rollover;
        this.loader = loader;
        this.admin = admin;
        this.properties = properties;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            usage("no command given");
            return;
        }
        switch (words.get(0)) {
            case "load" -> load(words.subList(1, words.size()));
            case "bootstrap" -> out.println("read alias " + admin.names().readAlias() + " -> " + admin.bootstrap().index());
            case "consume" -> {
                admin.bootstrap();
                rollover.start();
                consumer.start();
            }
            default -> usage("unknown command '" + words.get(0) + "'");
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private void load(List<String> paths) {
        if (paths.isEmpty()) {
            usage("load needs a file or directory");
            return;
        }
        List<MovieFile> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            try {
                files.addAll(LocalMovieFiles.at(Path.of(path)));
            }
            catch (RuntimeException ex) {
                missing.add(path + ": " + ex.getMessage());
            }
        }
        LoadReport report = loader.load(files, properties.provider());
        out.print(report.describe());
        missing.forEach(m -> out.println("  unreadable " + m));
        if (!missing.isEmpty() || !report.unreadable().isEmpty()) {
            exitCode = UNREADABLE;
        }
        else if (!report.failures().isEmpty()) {
            exitCode = WRITE_FAILED;
        }
    }

    private void usage(String problem) {
        out.println("indexer: " + problem);
        out.print(USAGE_TEXT);
        exitCode = USAGE;
    }
}
