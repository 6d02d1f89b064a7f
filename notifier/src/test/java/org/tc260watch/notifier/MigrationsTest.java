package org.tc260watch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout of the Flyway migrations (see notifier/README.md, "Database"): portable ones in {@code db/migration}, the
 * rest as one file per supported database in {@code db/vendor/<db-kind>}. Whether the SQL really runs is for the ITs,
 * which run on H2 and on PostgreSQL.
 */
class MigrationsTest {

    /** Database kinds the notifier is built and tested for. */
    static final List<String> VENDORS = List.of("h2", "postgresql");

    /** SHA-256 of V1__init.sql as released for H2: existing H2 files carry its Flyway checksum. */
    static final String RELEASED_H2_V1_SHA256 = "013d5ce62d3e0fa8999dbc5bf7f3f3caf66c7a96a54304691bede41e36afbe78";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Test
    void theReleasedH2BaselineIsUnchangedByteForByte() throws Exception {
        try (InputStream in = resource("db/vendor/h2/V1__init.sql").openStream()) {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertThat(sha256).as("db/vendor/h2/V1__init.sql must stay as released").isEqualTo(RELEASED_H2_V1_SHA256);
        }
    }

    @Test
    void flywayReadsTheCommonFolderAndTheFolderOfTheBuiltDatabaseKind() throws IOException {
        Properties config = new Properties();
        try (InputStream in = resource("application.properties").openStream()) {
            config.load(in);
        }
        assertThat(config.getProperty("quarkus.datasource.db-kind")).isEqualTo("h2");
        assertThat(config.getProperty("quarkus.flyway.locations"))
                .isEqualTo("db/migration,db/vendor/${quarkus.datasource.db-kind}");
    }

    @Test
    void everyVendorHasTheSameVersionsAndNoneClashesWithAPortableOne() {
        Map<String, String> common = versions("db/migration");
        Map<String, Set<String>> perVendor = new TreeMap<>();
        for (String vendor : VENDORS) {
            Map<String, String> own = versions("db/vendor/" + vendor);
            perVendor.put(vendor, own.keySet());
            assertThat(own.keySet()).as("versions in both db/migration and db/vendor/" + vendor)
                    .doesNotContainAnyElementsOf(common.keySet());
        }
        Set<String> expected = perVendor.get(VENDORS.get(0));
        assertThat(expected).as("db/vendor/h2").contains("1");
        for (String vendor : VENDORS) {
            assertThat(perVendor.get(vendor)).as("versions in db/vendor/" + vendor + " (one file per vendor, always)")
                    .isEqualTo(expected);
        }
        assertThat(common).as("portable migrations").containsKey("2");
    }

    /** Version → file name of the versioned migrations in one folder; fails on a duplicate version. */
    private static Map<String, String> versions(String folder) {
        Map<String, String> byVersion = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(resource(folder).toURI()))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = VERSIONED.matcher(name);
                assertThat(m.matches()).as(folder + "/" + name + " is named V<version>__<description>.sql").isTrue();
                String version = normalise(m.group(1));
                String clash = byVersion.put(version, name);
                assertThat(clash).as("two migrations with version " + version + " in " + folder).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return byVersion;
    }

    /** Flyway's notion of equal versions: 1, 1.0, 1_0 and 01 are one version. */
    private static String normalise(String version) {
        List<String> parts = new ArrayList<>(Stream.of(version.split("[._]"))
                .map(p -> new BigInteger(p).toString()).toList());
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }

    private static URL resource(String name) {
        URL url = MigrationsTest.class.getClassLoader().getResource(name);
        assertThat(url).as(name + " on the classpath").isNotNull();
        return url;
    }
}
