package org.tc260watch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tc260watch.deploy.manifests.KustomizeBuild.Resource;
import org.tc260watch.events.Topics;

/**
 * Checks deploy/kubernetes against the code: what each overlay applies (built by {@link KustomizeBuild}) must name the
 * topics the code uses, the ports, health paths and environment variables the services read, keep secrets in Secrets,
 * and give every container requests and limits. Each failure names the file, the resource and the field.
 */
class ManifestsTest {

    private static final Map<String, ServiceFacts> SERVICES = ServiceFacts.all();
    private static final String WORKLOADS = "Deployment|StatefulSet";

    static Stream<Path> overlays() {
        return Repository.filesUnder(Repository.KUBERNETES.resolve("overlays")).stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).map(Path::getParent);
    }

    @Test
    void kustomizationsListOnlyExistingFilesAndEveryManifestIsListed() {
        List<Path> kustomizations = Repository.filesUnder(Repository.KUBERNETES).stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        assertThat(kustomizations).extracting(p -> Repository.KUBERNETES.relativize(p).toString())
                .contains("base/kustomization.yaml", "overlays/single-node/kustomization.yaml",
                        "overlays/production/kustomization.yaml");
        List<String> problems = new ArrayList<>();
        Set<Path> listed = new HashSet<>();
        for (Path kustomization : kustomizations) {
            KustomizeBuild build = new KustomizeBuild(kustomization.getParent());
            problems.addAll(build.problems);
            listed.addAll(build.files);
        }
        for (Path file : Repository.filesUnder(Repository.KUBERNETES)) {
            String name = file.getFileName().toString();
            boolean manifest = Repository.isYaml(file) || name.endsWith(".example");
            if (manifest && !listed.contains(file.toAbsolutePath().normalize())) {
                problems.add(Repository.relative(file) + ": listed by no kustomization.yaml (kubectl apply -k would skip it)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsAreTheOnesTheCodeUsesWithTheDiffersPartitions(Path overlay) {
        KustomizeBuild build = built(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> codeTopics = codeTopics();
        Set<String> manifestTopics = new TreeSet<>();
        Resource kafka = single(build, "Kafka", problems);
        int brokers = nodes(build, "broker");
        int partitions = differPartitions(build, problems);
        for (Resource topic : build.ofKind("KafkaTopic")) {
            JsonNode spec = topic.node().path("spec");
            String name = spec.path("topicName").asText(topic.name());
            manifestTopics.add(name);
            if (!codeTopics.contains(name)) {
                problems.add(topic.where() + ": no code uses topic " + name + " (code: " + codeTopics + ")");
            }
            if (spec.path("partitions").asInt() != partitions) {
                problems.add(topic.where() + " spec.partitions: " + spec.path("partitions") + ", but the differ creates"
                        + " its topics with " + partitions + " (differ.topics.partitions); they must be equal");
            }
            if (spec.path("replicas").asInt() < 1 || spec.path("replicas").asInt() > brokers) {
                problems.add(topic.where() + " spec.replicas: " + spec.path("replicas") + " with " + brokers + " brokers");
            }
            if (kafka != null && !kafka.name().equals(topic.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problems.add(topic.where() + " metadata.labels.strimzi.io/cluster: not the Kafka cluster " + kafka.name());
            }
        }
        Set<String> missing = new TreeSet<>(codeTopics);
        missing.removeAll(manifestTopics);
        if (!missing.isEmpty()) {
            problems.add(Repository.relative(overlay) + ": no KafkaTopic for " + missing
                    + " (the broker does not create topics on first use)");
        }
        // What TopicBootstrap gives these two topics when it creates them.
        expectConfig(build, Topics.STANDARDS, "cleanup.policy", "compact", problems);
        expectConfig(build, Topics.CHANGES, "retention.ms", "-1", problems);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaIsKraftWithReplicationTheBrokersCanGive(Path overlay) {
        KustomizeBuild build = built(overlay);
        List<String> problems = new ArrayList<>();
        Resource kafka = single(build, "Kafka", problems);
        assertThat(kafka).as("one Kafka resource in " + overlay).isNotNull();
        assertThat(kafka.node().path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(kafka.node().path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.node().path("metadata").path("annotations").path("strimzi.io/node-pools").asText())
                .isEqualTo("enabled");
        int brokers = nodes(build, "broker");
        int controllers = nodes(build, "controller");
        for (Resource pool : build.ofKind("KafkaNodePool")) {
            if (!kafka.name().equals(pool.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                problems.add(pool.where() + " metadata.labels.strimzi.io/cluster: not " + kafka.name());
            }
            requireRequestsAndLimits(pool.where() + " spec.resources", pool.node().path("spec").path("resources"), problems);
        }
        if (controllers % 2 == 0) {
            problems.add(Repository.relative(overlay) + ": " + controllers + " KRaft controllers; a quorum wants an odd number");
        }
        JsonNode config = kafka.node().path("spec").path("kafka").path("config");
        int replication = config.path("default.replication.factor").asInt();
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            if (config.path(key).asInt() < 1 || config.path(key).asInt() > brokers) {
                problems.add(kafka.where() + " spec.kafka.config." + key + ": " + config.path(key) + " with " + brokers + " brokers");
            }
        }
        for (String key : List.of("min.insync.replicas", "transaction.state.log.min.isr")) {
            if (config.path(key).asInt() < 1 || config.path(key).asInt() > replication) {
                problems.add(kafka.where() + " spec.kafka.config." + key + ": " + config.path(key) + " with replication " + replication);
            }
        }
        JsonNode entityOperator = kafka.node().path("spec").path("entityOperator");
        if (!entityOperator.has("topicOperator")) {
            problems.add(kafka.where() + " spec.entityOperator.topicOperator: missing; nothing would apply the KafkaTopics");
        }
        entityOperator.fields().forEachRemaining(operator -> requireRequestsAndLimits(
                kafka.where() + " spec.entityOperator." + operator.getKey() + ".resources",
                operator.getValue().path("resources"), problems));
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesRunOnTheirPortsWithHealthProbesAndEnvironmentTheyRead(Path overlay) {
        KustomizeBuild build = built(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> deployed = new TreeSet<>();
        for (Resource workload : workloads(build)) {
            for (JsonNode container : KustomizeBuild.containers(workload.node()).toList()) {
                String where = workload.where() + " container " + container.path("name").asText();
                requireRequestsAndLimits(where + " resources", container.path("resources"), problems);
                List<EnvVar> env = EnvVar.of(build, where, container, problems);
                env.stream().filter(v -> ServiceFacts.isSecretWorthy(v.name()) && !v.fromSecret()).forEach(v -> problems.add(
                        where + " env " + v.name() + ": a secret, set from " + v.source() + "; take it from a Secret"));
                ServiceFacts service = serviceOf(container);
                if (service == null) {
                    continue;
                }
                deployed.add(service.name());
                checkPortsAndProbes(where, container, service, problems);
                env.stream().filter(v -> !service.reads(v.name())).forEach(v -> problems.add(where + " env " + v.name()
                        + " (from " + v.source() + "): " + service.name() + " does not read it (not in its"
                        + " application.properties, @ConfigMapping or Dockerfile)"));
                env.stream().filter(v -> v.name().equals("KAFKA_BOOTSTRAP_SERVERS"))
                        .forEach(v -> checkBootstrap(build, where, v, problems));
                env.stream().filter(v -> v.name().equals("QUARKUS_DATASOURCE_JDBC_URL"))
                        .forEach(v -> checkJdbcUrl(build, where, v, problems));
                if (!KustomizeBuild.repository(container.path("image").asText()).endsWith("/" + service.imageRepository())
                        && !KustomizeBuild.repository(container.path("image").asText()).equals(service.imageRepository())) {
                    problems.add(where + " image: " + container.path("image") + " is not " + service.imageRepository());
                }
                if (service.name().equals("scraper")) {
                    // The scraper is the one scheduler of the cluster: two would poll and publish everything twice.
                    JsonNode spec = workload.node().path("spec");
                    if (spec.path("replicas").asInt() != 1 || !spec.path("strategy").path("type").asText().equals("Recreate")) {
                        problems.add(workload.where() + " spec.replicas/strategy: the scraper must run once: replicas 1,"
                                + " strategy Recreate");
                    }
                }
            }
        }
        assertThat(deployed).as("services deployed by " + overlay).containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectAWorkloadAndTargetItsPorts(Path overlay) {
        KustomizeBuild build = built(overlay);
        List<String> problems = new ArrayList<>();
        List<Resource> services = build.ofKind("Service");
        assertThat(services).isNotEmpty();
        for (Resource service : services) {
            JsonNode selector = service.node().path("spec").path("selector");
            List<Resource> selected = workloads(build).stream().filter(w -> selects(selector, w)).toList();
            if (selected.size() != 1) {
                problems.add(service.where() + " spec.selector: selects " + selected.size() + " workloads, not 1");
                continue;
            }
            for (JsonNode port : service.node().path("spec").path("ports")) {
                Set<Integer> targets = new TreeSet<>();
                KustomizeBuild.containers(selected.get(0).node()).forEach(c -> {
                    Integer resolved = containerPort(c, port.path("targetPort"));
                    ServiceFacts facts = serviceOf(c);
                    if (resolved != null) {
                        targets.add(resolved);
                        if (facts != null && (resolved != facts.httpPort() || port.path("port").asInt() != facts.httpPort())) {
                            problems.add(service.where() + " spec.ports " + port.path("name").asText() + ": port "
                                    + port.path("port") + " → " + resolved + ", but " + facts.name() + " listens on "
                                    + facts.httpPort() + " (quarkus.http.port)");
                        }
                    }
                });
                if (targets.isEmpty()) {
                    problems.add(service.where() + " spec.ports " + port.path("name").asText() + " targetPort "
                            + port.path("targetPort") + ": no such container port in " + selected.get(0).where());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkPortsAndProbes(String where, JsonNode container, ServiceFacts service, List<String> problems) {
        List<Integer> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
        if (!ports.equals(List.of(service.httpPort()))) {
            problems.add(where + " ports: " + ports + ", but " + service.name() + " listens on " + service.httpPort()
                    + " (quarkus.http.port in " + service.name() + "/src/main/resources/application.properties)");
        }
        Map<String, String> paths = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready",
                "startupProbe", "/q/health/started");
        paths.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            if (!get.path("path").asText().equals(path)) {
                problems.add(where + " " + probe + ".httpGet.path: " + get.path("path") + ", expected " + path);
            }
            Integer port = containerPort(container, get.path("port"));
            if (port == null || port != service.httpPort()) {
                problems.add(where + " " + probe + ".httpGet.port: " + get.path("port") + " is not " + service.httpPort());
            }
        });
    }

    /** Strimzi's bootstrap service of the cluster, on the port of one of its listeners. */
    private static void checkBootstrap(KustomizeBuild build, String where, EnvVar bootstrap, List<String> problems) {
        Set<String> addresses = new TreeSet<>();
        build.ofKind("Kafka").forEach(k -> k.node().path("spec").path("kafka").path("listeners").forEach(
                l -> addresses.add(k.name() + "-kafka-bootstrap:" + l.path("port").asInt())));
        if (!addresses.contains(bootstrap.value())) {
            problems.add(where + " env KAFKA_BOOTSTRAP_SERVERS (from " + bootstrap.source() + "): " + bootstrap.value()
                    + " is none of the Kafka bootstrap addresses " + addresses);
        }
    }

    /** A Service of that name with that port, in front of a PostgreSQL whose database has that name. */
    private static void checkJdbcUrl(KustomizeBuild build, String where, EnvVar url, List<String> problems) {
        URI uri = URI.create(url.value().replaceFirst("^jdbc:", ""));
        Resource service = build.one("Service", uri.getHost());
        boolean portMatches = service != null && service.node().path("spec").path("ports").findValues("port").stream()
                .anyMatch(p -> p.asInt() == uri.getPort());
        boolean databaseMatches = service != null && workloads(build).stream()
                .filter(w -> selects(service.node().path("spec").path("selector"), w))
                .flatMap(w -> KustomizeBuild.containers(w.node()))
                .anyMatch(c -> c.path("env").findParents("name").stream().anyMatch(e -> e.path("name").asText()
                        .equals("POSTGRES_DB") && ("/" + e.path("value").asText()).equals(uri.getPath())));
        if (!uri.getScheme().equals("postgresql") || !portMatches || !databaseMatches) {
            problems.add(where + " env QUARKUS_DATASOURCE_JDBC_URL (from " + url.source() + "): " + url.value()
                    + " is not a PostgreSQL Service of this deployment with that port and database (POSTGRES_DB)");
        }
    }

    private static void expectConfig(KustomizeBuild build, String topic, String key, String value, List<String> problems) {
        build.ofKind("KafkaTopic").stream().filter(t -> t.node().path("spec").path("topicName").asText(t.name()).equals(topic))
                .filter(t -> !t.node().path("spec").path("config").path(key).asText().equals(value))
                .forEach(t -> problems.add(t.where() + " spec.config." + key + ": "
                        + t.node().path("spec").path("config").path(key) + ", expected " + value));
    }

    /** The differ's differ.topics.partitions as deployed: its environment, else the @WithDefault in DifferConfig. */
    private static int differPartitions(KustomizeBuild build, List<String> problems) {
        ServiceFacts differ = SERVICES.get("differ");
        String property = "differ.topics.partitions";
        String fallback = differ.mapped().get(property).orElseThrow(
                () -> new AssertionError("DifferConfig has no @WithDefault for " + property));
        Set<String> values = new TreeSet<>();
        for (Resource workload : workloads(build)) {
            KustomizeBuild.containers(workload.node()).filter(c -> serviceOf(c) == differ).forEach(c -> values.add(
                    EnvVar.of(build, workload.where(), c, problems).stream()
                            .filter(v -> v.name().equals(ServiceFacts.envName(property)))
                            .map(EnvVar::value).findFirst().orElse(fallback)));
        }
        assertThat(values).as("the differ's partitions in every differ workload").hasSize(1);
        return Integer.parseInt(values.iterator().next());
    }

    /** Topics.* constants, and every topic the services' application.properties name (internal and dead-letter ones). */
    static Set<String> codeTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        SERVICES.values().forEach(s -> topics.addAll(s.topics()));
        return topics;
    }

    private static KustomizeBuild built(Path overlay) {
        KustomizeBuild build = new KustomizeBuild(overlay);
        assertThat(build.problems).as("kustomize build of " + overlay).isEmpty();
        return build;
    }

    private static Resource single(KustomizeBuild build, String kind, List<String> problems) {
        List<Resource> all = build.ofKind(kind);
        if (all.size() != 1) {
            problems.add("expected one " + kind + ", found " + all.size());
            return null;
        }
        return all.get(0);
    }

    /** Kafka nodes with this KRaft role, over all node pools. */
    private static int nodes(KustomizeBuild build, String role) {
        return build.ofKind("KafkaNodePool").stream()
                .filter(pool -> pool.node().path("spec").path("roles").toString().contains("\"" + role + "\""))
                .mapToInt(pool -> pool.node().path("spec").path("replicas").asInt()).sum();
    }

    private static List<Resource> workloads(KustomizeBuild build) {
        return build.resources.stream().filter(r -> r.kind().matches(WORKLOADS)).toList();
    }

    static ServiceFacts serviceOf(JsonNode container) {
        String repository = KustomizeBuild.repository(container.path("image").asText());
        return SERVICES.values().stream().filter(s -> repository.equals(s.imageRepository())
                || repository.endsWith("/" + s.imageRepository())).findFirst().orElse(null);
    }

    private static boolean selects(JsonNode selector, Resource workload) {
        JsonNode labels = workload.node().path("spec").path("template").path("metadata").path("labels");
        List<Boolean> matches = new ArrayList<>();
        selector.fields().forEachRemaining(e -> matches.add(labels.path(e.getKey()).asText().equals(e.getValue().asText())));
        return !matches.isEmpty() && !matches.contains(false);
    }

    /** A container port given by number or by name; null if the container has no such port. */
    private static Integer containerPort(JsonNode container, JsonNode port) {
        for (JsonNode p : container.path("ports")) {
            if (port.isInt() && p.path("containerPort").asInt() == port.asInt()
                    || port.isTextual() && p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return null;
    }

    private static void requireRequestsAndLimits(String where, JsonNode resources, List<String> problems) {
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (!resources.path(bound).hasNonNull(resource)) {
                    problems.add(where + "." + bound + "." + resource + ": missing");
                }
            }
        }
    }

    /** One environment variable of a container and where its value comes from. */
    record EnvVar(String name, String source, String value) {

        boolean fromSecret() {
            return source.startsWith("Secret/");
        }

        /** env and envFrom of a container, resolved against the ConfigMaps and Secrets of the build. */
        static List<EnvVar> of(KustomizeBuild build, String where, JsonNode container, List<String> problems) {
            List<EnvVar> env = new ArrayList<>();
            for (JsonNode from : container.path("envFrom")) {
                String kind = from.has("secretRef") ? "Secret" : "ConfigMap";
                String name = from.path(from.has("secretRef") ? "secretRef" : "configMapRef").path("name").asText();
                Resource source = build.one(kind, name);
                if (source == null) {
                    problems.add(where + " envFrom: no " + kind + " " + name);
                    continue;
                }
                source.node().path("data").fields().forEachRemaining(
                        e -> env.add(new EnvVar(e.getKey(), kind + "/" + name, e.getValue().asText())));
            }
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                JsonNode ref = variable.path("valueFrom");
                if (!ref.isMissingNode()) {
                    String kind = ref.has("secretKeyRef") ? "Secret" : "ConfigMap";
                    JsonNode key = ref.path(ref.has("secretKeyRef") ? "secretKeyRef" : "configMapKeyRef");
                    Resource source = build.one(kind, key.path("name").asText());
                    if (source == null || !source.node().path("data").has(key.path("key").asText())) {
                        problems.add(where + " env " + name + ": no key " + key.path("key") + " in " + kind + " "
                                + key.path("name").asText());
                        continue;
                    }
                    env.add(new EnvVar(name, kind + "/" + key.path("name").asText(),
                            source.node().path("data").path(key.path("key").asText()).asText()));
                } else {
                    env.add(new EnvVar(name, "a literal value", variable.path("value").asText()));
                }
            }
            return env;
        }
    }
}
