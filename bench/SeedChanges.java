import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes N distinct standard.added change events to tc260.changes (the contract's example, docs/kafka-contract.md,
 * with its own id, key and title each), so the notifier has a realistic store to serve. Needs kafka-clients on the
 * classpath (the deploy module's broker.classpath has it).
 *
 *   java -cp <broker classpath> bench/SeedChanges.java <bootstrap> <count>
 */
public class SeedChanges {
    private static final String TEMPLATE = """
            {"id":"%1$s","type":"standard.added","standardKey":"title:%2$s",
             "state":{"key":"title:%2$s","origin":"title:%2$s","previousKeys":[],"ids":[],"title":"%3$s",
              "titles":["%3$s"],"kind":"COMMENT_DRAFT_NOTICE","stage":"COMMENT_DRAFT",
              "stageHistory":[{"stage":"COMMENT_DRAFT","since":"%4$s"}],"commentStart":"2026-03-05",
              "commentEnd":"2026-05-04","attachments":[],"sourceUrls":["https://www.tc260.org.cn/portal/suggestion/b%5$d"],
              "itemKeys":["portal.suggestion:b%5$d"],"firstSeen":"%4$s","lastSeen":"%4$s","version":1},
             "changes":[{"field":"title","from":null,"to":"%3$s"},{"field":"stage","from":null,"to":"COMMENT_DRAFT"},
              {"field":"commentStart","from":null,"to":"2026-03-05"},{"field":"commentEnd","from":null,"to":"2026-05-04"}],
             "detectedAt":"%4$s","sourceUrls":["https://www.tc260.org.cn/portal/suggestion/b%5$d"]}""";

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        int count = Integer.parseInt(args[1]);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                String id = UUID.nameUUIDFromBytes(("bench-change-" + i).getBytes(StandardCharsets.UTF_8)).toString();
                String title = "数据安全技术 基准测试标准第" + (i + 1) + "部分";
                String key = title.replace(" ", "");
                String json = TEMPLATE.formatted(id, key, title, start.plusSeconds(60L * i), i).replace("\n", "");
                ProducerRecord<String, String> r = new ProducerRecord<>("tc260.changes", "title:" + key, json);
                r.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
                r.headers().add("ce_type", "org.tc260watch.standard.added".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
        System.out.println("SEEDED " + count);
    }
}
