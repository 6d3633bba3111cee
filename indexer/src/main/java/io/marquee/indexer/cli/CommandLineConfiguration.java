package io.marquee.indexer.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.indexer.IndexerProperties;
import io.marquee.indexer.audit.AuditRollover;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.DeadLetters;
import io.marquee.indexer.pipeline.QueueConsumer;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.indexer.prominence.RankingSchedule;
import io.marquee.indexer.reindex.Reindexer;

/** The command line on the process's standard output: the one place the indexer is handed a terminal. */
@Configuration(proxyBeanMethods = false)
class CommandLineConfiguration {

    @Bean
    @ConditionalOnProperty(name = "marquee.indexer.cli.enabled", havingValue = "true", matchIfMissing = true)
    IndexerCommands indexerCommands(MovieLoader loader, MovieIndexAdmin admin, IndexerProperties properties, QueueConsumer consumer,
            AuditRollover rollover, Reindexer reindexer, DeadLetters deadLetters, CatalogueRanking ranking, RankingSchedule rankingSchedule) {
        return new IndexerCommands(loader, admin, properties, consumer, rollover, reindexer, deadLetters, ranking, rankingSchedule, System.out);
    }
}
