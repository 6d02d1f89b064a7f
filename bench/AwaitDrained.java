import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group's committed offsets (every 50 ms) until it has consumed every record of the input topics
 * and none of its offsets (inputs and its own repartition topics) moved for 3 s. Prints when the group first
 * committed (and how many input records it had committed by then), when it last committed, and the offsets written
 * to every other tc260* topic (outputs, the differ's repartition and changelog topics; transaction markers take an
 * offset each, too):
 *   DRAINED first=<epoch ms> last=<epoch ms> inputs-at-first=<n> inputs=<n> other-topics=<offsets>
 *
 *   java -cp <kafka-clients> bench/AwaitDrained.java <bootstrap> <group> <timeout s> <input topic>...
 */
public class AwaitDrained {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        String group = args[1];
        long deadline = System.currentTimeMillis() + 1000L * Integer.parseInt(args[2]);
        List<String> inputs = List.of(args).subList(3, args.length);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(inputs).allTopicNames().get().forEach((topic, d) -> d.partitions()
                    .forEach(part -> latest.put(new TopicPartition(topic, part.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            Long first = null;
            long atFirst = 0;
            long lastChange = 0;
            Map<TopicPartition, Long> previous = Map.of();
            while (System.currentTimeMillis() < deadline) {
                long now = System.currentTimeMillis();
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().entrySet()) {
                    if (e.getValue() != null) {
                        committed.put(e.getKey(), e.getValue().offset());
                    }
                }
                long inputsDone = ends.keySet().stream().mapToLong(tp -> committed.getOrDefault(tp, 0L)).sum();
                if (first == null && !committed.isEmpty()) {
                    first = now;
                    atFirst = inputsDone;
                }
                if (!committed.equals(previous)) {
                    lastChange = now;
                    previous = committed;
                }
                if (inputsDone >= total && now - lastChange >= 3000) {
                    System.out.printf("DRAINED first=%d last=%d inputs-at-first=%d inputs=%d other-topics=%d%n",
                            first, lastChange, atFirst, total, offsetsOfOtherTopics(admin, inputs));
                    return;
                }
                Thread.sleep(50);
            }
            System.out.println("TIMEOUT committed=" + previous + " ends=" + ends);
            System.exit(1);
        }
    }

    private static long offsetsOfOtherTopics(Admin admin, List<String> inputs) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        List<String> others = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith("tc260") && !inputs.contains(t)).toList();
        admin.describeTopics(others).allTopicNames().get().forEach((topic, d) -> d.partitions()
                .forEach(part -> latest.put(new TopicPartition(topic, part.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }
}
