package io.marquee.indexer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import io.marquee.indexer.IndexerProperties;
import io.marquee.indexer.audit.AuditRollover;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.indexer.ingest.MovieFile;
import io.marquee.indexer.load.LoadReport;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.DeadLetters;
import io.marquee.indexer.pipeline.QueueConsumer;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.indexer.prominence.RankingSchedule;
import io.marquee.indexer.reindex.LeaseHeldException;
import io.marquee.indexer.reindex.Reindexer;
import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * Runs the command named by the first argument and sets the process exit code:
 * 0 done (rejected records are reported, not errors), 1 a file could not be read, 2 bad usage,
 * 3 documents Elasticsearch would not take even after retries, 4 refused (another reindex holds the lease, or the
 * verification gate failed; the aliases are unchanged).
 */
public class IndexerCommands implements ApplicationRunner, ExitCodeGenerator {

    static final int OK = 0;
    static final int UNREADABLE = 1;
    static final int USAGE = 2;
    static final int WRITE_FAILED = 3;
    static final int REFUSED = 4;

    private static final String USAGE_TEXT = """
            usage: indexer load <file-or-directory>...   load movie files (JSON array, NDJSON, single object; .gz too), then rank
                   indexer prominence                    rank the live index again: every person's and movie's prominence
                   indexer bootstrap                     install templates and create movies-v1 behind the aliases
                   indexer consume                       consume S3 event notifications from SQS until stopped
                   indexer status                        movie indices, their aliases and roles, any reindex in progress
                   indexer reindex [--from s3|index] [--flip] [--dry-run] [--tolerance N]
                                                         build movies-v<N+1> (from S3 by default), verify it, and flip to it
                   indexer flip [--tolerance N]          verify the built candidate again and flip the aliases to it
                   indexer rollback                      flip the aliases back to the previous index
                   indexer prune --keep K                delete versions beyond the newest K (never live, previous or candidate)
                   indexer dlq list [--max N]            show dead letters (default 20): when, why, which objects; they stay
                   indexer dlq replay [--max N]          move dead letters (default all) back to the ingest queue
            """;

    private final MovieLoader loader;
    private final MovieIndexAdmin admin;
    private final IndexerProperties properties;
    private final QueueConsumer consumer;
    private final AuditRollover rollover;
    private final Reindexer reindexer;
    private final DeadLetters deadLetters;
    private final CatalogueRanking ranking;
    private final RankingSchedule rankingSchedule;
    private final PrintStream out;
    private int exitCode = OK;

    public IndexerCommands(MovieLoader loader, MovieIndexAdmin admin, IndexerProperties properties, QueueConsumer consumer,
            AuditRollover rollover, Reindexer reindexer, DeadLetters deadLetters, CatalogueRanking ranking, RankingSchedule rankingSchedule,
            PrintStream out) {
        this.ranking = ranking;
        this.rankingSchedule = rankingSchedule;
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.reindexer = reindexer;
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
                rankingSchedule.start();
                consumer.start();
            }
            case "prominence" -> rank();
            case "status", "reindex", "flip", "rollback", "prune" -> operate(words.get(0), options(args.getSourceArgs()));
            case "dlq" -> deadLetters(words.size() > 1 ? words.get(1) : "", options(args.getSourceArgs()));
            default -> usage("unknown command '" + words.get(0) + "'");
        }
    }

    private void operate(String command, Options options) {
        try {
            Reindexer.Report report = switch (command) {
                case "status" -> reindexer.status();
                case "reindex" -> reindexer.reindex(Reindexer.Source.parse(options.value("from").orElse("s3")), options.flag("flip"),
                        options.flag("dry-run"), options.value("tolerance").map(Long::parseLong));
                case "flip" -> reindexer.flip(options.value("tolerance").map(Long::parseLong));
                case "rollback" -> reindexer.rollback();
                default -> reindexer.prune(Integer.parseInt(options.value("keep").orElseThrow(
                        () -> new IllegalArgumentException("prune needs --keep K"))));
            };
            new ReindexReports(admin.names()).lines(report).forEach(out::println);
            if (!report.succeeded()) {
                exitCode = REFUSED;
            }
        }
        catch (LeaseHeldException ex) {
            out.println(ex.getMessage());
            exitCode = REFUSED;
        }
        catch (IllegalArgumentException ex) {
            usage(ex.getMessage());
        }
    }

    private void deadLetters(String action, Options options) {
        try {
            int max = options.value("max").map(Integer::parseInt).orElse("list".equals(action) ? 20 : Integer.MAX_VALUE);
            switch (action) {
                case "list" -> {
                    List<DeadLetters.Letter> letters = deadLetters.peek(max);
                    out.println(letters.size() + " dead letter(s)" + (letters.size() == max ? " shown (there may be more)" : ""));
                    for (DeadLetters.Letter letter : letters) {
                        out.println("- " + letter.messageId() + " sent " + letter.sentAt() + ": " + letter.reason());
                        letter.objects().forEach(object -> out.println("    " + object));
                    }
                }
                case "replay" -> out.println("moved " + deadLetters.replay(max) + " dead letter(s) back to the ingest queue");
                default -> usage("dlq needs list or replay");
            }
        }
        catch (IllegalArgumentException ex) {
            usage(ex.getMessage());
        }
    }

    /** The {@code --name value}, {@code --name=value} and {@code --flag} options after the command word. */
    static Options options(String[] sourceArgs) {
        List<String> words = Arrays.asList(sourceArgs);
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                continue;
            }
            String name = word.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            }
            else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--") && TAKES_VALUE.contains(name)) {
                values.put(name, words.get(++i));
            }
            else {
                values.put(name, "");
            }
        }
        return new Options(values);
    }

    private static final List<String> TAKES_VALUE = List.of("from", "tolerance", "keep", "max");

    /** Parsed command options. */
    record Options(java.util.Map<String, String> values) {

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
        }

        boolean flag(String name) {
            return values.containsKey(name);
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
        LoadReports.lines(report).forEach(out::println);
        missing.forEach(m -> out.println("  unreadable " + m));
        if (report.indexed() > 0 || report.deleted() > 0) {
            rank();
        }
        if (!missing.isEmpty() || !report.unreadable().isEmpty()) {
            exitCode = UNREADABLE;
        }
        else if (!report.failures().isEmpty() || !report.unwritten().isEmpty()) {
            exitCode = WRITE_FAILED;
        }
    }

    private void rank() {
        admin.bootstrap();
        CatalogueRanking.Ranked ranked = ranking.rank(admin.names().writeAlias(), () -> {
        });
        out.println("ranked " + ranked.index() + ": " + ranked.movies() + " movies, " + ranked.people() + " people, " + ranked.rewritten()
                + " rewritten with new prominence scores (" + ranked.outcome().stale() + " newer meanwhile, " + ranked.outcome().failures().size()
                + " failed) in " + ranked.took().toMillis() + " ms");
        if (!ranked.complete()) {
            ranked.outcome().failures().forEach(f -> out.println("  failed " + f.id() + ": " + f.reason()));
            exitCode = WRITE_FAILED;
        }
    }

    private void usage(String problem) {
        out.println("indexer: " + problem);
        out.print(USAGE_TEXT);
        exitCode = USAGE;
    }
}
