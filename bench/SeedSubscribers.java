import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes N confirmed subscriptions of everything (no filters, language both) into a stopped notifier's H2 file, as
 * e2e/NotifierCrashIT does: the notifier must have started once (Flyway made the schema) and be stopped (H2 file lock).
 * Addresses are <mode>-1@example.org … <mode>-N@example.org (instant-1@…, weekly-1@…).
 *
 *   java -cp notifier/target/quarkus-app/lib/main/com.h2database.h2-*.jar bench/SeedSubscribers.java \
 *       <data dir>/notifier <count> INSTANT|DAILY|WEEKLY
 */
public class SeedSubscribers {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "");
                PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO subscription (id, email, status, filters, delivery_mode, language, confirmed_at,
                            created_at, updated_at)
                        VALUES (?, ?, 'ACTIVE', '{}', ?, 'BOTH', ?, ?, ?)""")) {
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 1; i <= count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, args[2].toLowerCase() + "-" + i + "@example.org");
                insert.setString(3, args[2]);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        System.out.println("SEEDED " + count + " " + args[2]);
    }
}
