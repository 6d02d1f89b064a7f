package org.tc260watch.differ.topology;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tc260watch.differ.config.DifferConfig;
import org.tc260watch.events.Topics;

/**
 * Creates the pipeline's topics when they are missing (the differ owns the state and change topics; creating the
 * input topics too lets it start before the scraper), with the compaction and retention each needs.
 */
@ApplicationScoped
public class TopicBootstrap {

    private final String bootstrapServers;
    private final DifferConfig config;

    TopicBootstrap(@ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
            DifferConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** Partition counts the topology must match: its merged streams must be co-partitioned with these topics. */
    public record Layout(int sourcePartitions, int standardPartitions) {
    }

    /**
     * @return the partition counts of {@link Topics#SCRAPE_RUNS} and {@link DifferTopology#COMMANDS_TOPIC} (the
     *         configured count if the broker cannot say)
     */
    public Layout ensureTopics() {
        int partitions = config.topics().partitions();
        long timeoutMs = config.topics().createTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 10_000)))) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = List.of(
                            new NewTopic(Topics.SNAPSHOTS, partitions, (short) -1),
                            new NewTopic(Topics.SCRAPE_RUNS, partitions, (short) -1),
                            // The public history of changes: kept, not compacted.
                            new NewTopic(Topics.CHANGES, partitions, (short) -1)
                                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                            // Items gone, from the source gate back to the standards; consumed at once.
                            new NewTopic(DifferTopology.COMMANDS_TOPIC, partitions, (short) -1),
                            // Latest state per standard.
                            new NewTopic(Topics.STANDARDS, partitions, (short) -1)
                                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                    Log.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
                } catch (ExecutionException e) {
                    // Another service may have created one at the same moment; describing below tells what exists.
                    Log.warnf("creating topics: %s", e.getCause().getMessage());
                }
            }
            var described = admin.describeTopics(List.of(Topics.SCRAPE_RUNS, DifferTopology.COMMANDS_TOPIC))
                    .allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
            return new Layout(described.get(Topics.SCRAPE_RUNS).partitions().size(),
                    described.get(DifferTopology.COMMANDS_TOPIC).partitions().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Layout(partitions, partitions);
        } catch (ExecutionException | TimeoutException e) {
            Log.errorf("Kafka at %s did not answer (%s); assuming %d partitions for %s and %s", bootstrapServers,
                    e.getMessage(), partitions, Topics.SCRAPE_RUNS, DifferTopology.COMMANDS_TOPIC);
            return new Layout(partitions, partitions);
        }
    }
}
