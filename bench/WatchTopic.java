import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints "epoch-millis key" for each record of a topic as soon as a read_committed consumer sees it (from the end of
 * the topic at start; no consumer group): when the differ's transaction that wrote a change committed, give or take
 * the consumer's fetch wait (fetch.max.wait.ms 10). Prints WATCHING when it is at the end.
 *
 *   java -cp <kafka-clients> bench/WatchTopic.java <bootstrap> <topic>
 */
public class WatchTopic {
    public static void main(String[] args) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(args[1]).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.out.println("WATCHING");
            System.out.flush();
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    System.out.println(System.currentTimeMillis() + " " + r.key());
                }
                System.out.flush();
            }
        }
    }
}
