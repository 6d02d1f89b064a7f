package org.tc260watch.deploy.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the code of one service says about how it is deployed: its HTTP port, the environment variables it reads, the
 * Kafka topics it names, and what its Dockerfile builds.
 *
 * @param envNames every variable the service reads: {@code ${NAME}} references in application.properties, and the
 *                 environment form of every property it defines there or in a {@code @ConfigMapping}
 *                 ({@code differ.topics.partitions} ↔ {@code DIFFER_TOPICS_PARTITIONS})
 * @param imageEnvNames variables the Dockerfile sets ({@code ENV})
 * @param entryPointEnvNames variables the Dockerfile's entry point reads ({@code JAVA_OPTS})
 */
record ServiceFacts(String name, Path dir, int httpPort, Set<String> envNames, Map<String, Optional<String>> mapped,
        Set<String> topics, Path dockerfile, Set<String> imageEnvNames, Set<String> entryPointEnvNames) {

    /** The deployable services: the modules with an HTTP port in their application.properties. */
    static final List<String> NAMES = List.of("scraper", "differ", "notifier");

    /** Names of values that belong in a Secret, never in a ConfigMap or a committed file. */
    private static final Pattern SECRET_WORTHY = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|USERNAME|_USER)$");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DOCKERFILE_ENV = Pattern.compile("(?m)^ENV\\s+([A-Z][A-Z0-9_]*)=");
    private static final Pattern ENTRYPOINT_REFERENCE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");

    static Map<String, ServiceFacts> all() {
        Map<String, ServiceFacts> all = new LinkedHashMap<>();
        NAMES.forEach(n -> all.put(n, of(n)));
        return all;
    }

    static ServiceFacts of(String name) {
        Path dir = Repository.ROOT.resolve(name);
        Path propertiesFile = dir.resolve("src/main/resources/application.properties");
        String text = Repository.read(propertiesFile);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> envNames = new TreeSet<>();
        Matcher reference = ENV_REFERENCE.matcher(text);
        while (reference.find()) {
            envNames.add(reference.group(1));
        }
        properties.stringPropertyNames().forEach(key -> envNames.add(envName(key.replaceFirst("^%[^.]+\\.", ""))));
        Map<String, Optional<String>> mapped = ConfigMappings.properties(
                Repository.filesUnder(dir.resolve("src/main/java")).stream()
                        .filter(p -> p.toString().endsWith(".java")).toList());
        mapped.keySet().forEach(key -> envNames.add(envName(key)));

        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic") || key.equals("quarkus.kafka-streams.topics")) {
                Arrays.stream(properties.getProperty(key).split(",")).map(String::trim).forEach(topics::add);
            }
        }

        Path dockerfile = dir.resolve("src/main/docker/Dockerfile.jvm");
        Set<String> imageEnvNames = new TreeSet<>();
        Set<String> entryPointEnvNames = new TreeSet<>();
        if (Files.isRegularFile(dockerfile)) {
            String docker = Repository.read(dockerfile);
            Matcher env = DOCKERFILE_ENV.matcher(docker);
            while (env.find()) {
                imageEnvNames.add(env.group(1));
            }
            docker.lines().filter(l -> l.startsWith("ENTRYPOINT")).forEach(line -> {
                Matcher used = ENTRYPOINT_REFERENCE.matcher(line);
                while (used.find()) {
                    entryPointEnvNames.add(used.group(1));
                }
            });
        }
        return new ServiceFacts(name, dir, Integer.parseInt(properties.getProperty("quarkus.http.port")), envNames,
                mapped, topics, dockerfile, imageEnvNames, entryPointEnvNames);
    }

    /** The environment variable SmallRye Config maps to a property: {@code quarkus.datasource.jdbc.url} → {@code QUARKUS_DATASOURCE_JDBC_URL}. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static boolean isSecretWorthy(String envName) {
        return SECRET_WORTHY.matcher(envName).matches();
    }

    /** Whether a container of this service may be given this variable: the service or its image's entry point reads it. */
    boolean reads(String envName) {
        return envNames.contains(envName) || entryPointEnvNames.contains(envName);
    }

    /** The image compose builds and Kubernetes runs: {@code tc260-watch/<service>}. */
    String imageRepository() {
        return "tc260-watch/" + name;
    }
}
