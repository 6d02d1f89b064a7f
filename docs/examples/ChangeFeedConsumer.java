import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints each change on tc260.changes: id, type, subject (the standard key) and title, tab-separated.
 * Usage: java -cp 'kafka_2.13-4.1.1/libs/*' ChangeFeedConsumer.java [bootstrap servers] [group id]
 */
public class ChangeFeedConsumer {

    public static void main(String[] args) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args.length > 1 ? args[1] : "change-feed-example");
        // Only what the differ committed: never a change of an aborted transaction.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("tc260.changes"));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String title;
                    try {
                        // Source changes (source.*) have no state, hence no title.
                        title = json.readTree(record.value()).path("state").path("title").asText("-");
                    } catch (Exception e) {
                        title = "(unreadable value: " + e.getMessage() + ")";
                    }
                    System.out.println(header(record, "ce_id") + "\t" + header(record, "ce_type") + "\t"
                            + header(record, "ce_subject") + "\t" + title);
                }
                // After handling: a crash before this line means those records come again (at-least-once),
                // with the same ce_id, so a consumer that stores changes de-duplicates on it.
                consumer.commitSync();
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
