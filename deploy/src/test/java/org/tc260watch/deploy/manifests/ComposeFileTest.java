package org.tc260watch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks deploy/compose/compose.yaml and the services' Dockerfiles against the code, by the same rules as
 * {@link ManifestsTest}: ports, health paths, environment variable names, secrets only from the (uncommitted) .env file,
 * images built from each service's Dockerfile and the same as on Kubernetes.
 */
class ComposeFileTest {

    private static final Map<String, ServiceFacts> SERVICES = ServiceFacts.all();
    private static final Path FILE = Repository.COMPOSE.resolve("compose.yaml");
    private static final Path ENV_EXAMPLE = Repository.COMPOSE.resolve(".env.example");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final JsonNode compose = Repository.yamlDocuments(FILE).get(0);
    private final String where = Repository.relative(FILE);

    @Test
    void everyYamlFileOfTheDeploymentParses() {
        List<Path> files = new ArrayList<>(Repository.filesUnder(Repository.KUBERNETES));
        files.addAll(Repository.filesUnder(Repository.COMPOSE));
        List<Path> yaml = files.stream().filter(Repository::isYaml).toList();
        assertThat(yaml).isNotEmpty().allSatisfy(f -> assertThat(Repository.yamlDocuments(f)).as(f.toString()).isNotEmpty());
    }

    @Test
    void kafkaIsTheApacheImageInKraftCombinedMode() {
        JsonNode kafka = compose.path("services").path("kafka");
        assertThat(kafka.path("image").asText()).as(where + " services.kafka.image").startsWith("apache/kafka:");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .as(where + " services.kafka.environment.KAFKA_PROCESS_ROLES").contains("broker", "controller");
        assertThat(kafka.path("healthcheck").path("test").isMissingNode()).as(where + " services.kafka.healthcheck").isFalse();
    }

    @Test
    void servicesAreBuiltFromTheirDockerfilesAndRunOnTheirPorts() {
        List<String> problems = new ArrayList<>();
        String kubernetesTag = kubernetesTag();
        for (ServiceFacts service : SERVICES.values()) {
            String at = where + " services." + service.name();
            JsonNode definition = compose.path("services").path(service.name());
            if (definition.isMissingNode()) {
                problems.add(at + ": missing");
                continue;
            }
            String image = definition.path("image").asText();
            if (!image.equals(service.imageRepository() + ":" + kubernetesTag)) {
                problems.add(at + ".image: " + image + ", but Kubernetes runs " + service.imageRepository() + ":" + kubernetesTag);
            }
            Path context = FILE.getParent().resolve(definition.path("build").path("context").asText()).normalize();
            Path dockerfile = context.resolve(definition.path("build").path("dockerfile").asText()).normalize();
            if (!dockerfile.equals(service.dockerfile())) {
                problems.add(at + ".build: builds " + Repository.relative(dockerfile) + ", not "
                        + Repository.relative(service.dockerfile()));
            }
            List<Integer> ports = new ArrayList<>();
            definition.path("ports").forEach(p -> ports.add(Integer.parseInt(p.asText().replaceFirst(".*:", ""))));
            if (!ports.equals(List.of(service.httpPort()))) {
                problems.add(at + ".ports: container ports " + ports + ", but " + service.name() + " listens on "
                        + service.httpPort() + " (quarkus.http.port)");
            }
            String health = definition.path("healthcheck").path("test").toString();
            if (!health.contains("localhost:" + service.httpPort() + "/q/health/ready")) {
                problems.add(at + ".healthcheck.test: " + health + " does not ask localhost:" + service.httpPort()
                        + "/q/health/ready");
            }
            definition.path("environment").fields().forEachRemaining(e -> {
                String name = e.getKey();
                String value = e.getValue().asText();
                if (!service.reads(name)) {
                    problems.add(at + ".environment." + name + ": " + service.name() + " does not read it");
                }
                if (ServiceFacts.isSecretWorthy(name) && !value.matches("\\$\\{[A-Z][A-Z0-9_]*(:[-?][^}]*)?}")) {
                    problems.add(at + ".environment." + name + ": a secret written into the file; use ${VARIABLE} from .env");
                }
            });
            String bootstrap = definition.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText();
            String advertised = compose.path("services").path("kafka").path("environment")
                    .path("KAFKA_ADVERTISED_LISTENERS").asText();
            if (bootstrap.isEmpty() || !advertised.contains("://" + bootstrap)) {
                problems.add(at + ".environment.KAFKA_BOOTSTRAP_SERVERS: '" + bootstrap
                        + "' is none of the broker's advertised listeners " + advertised);
            }
            definition.path("depends_on").fields().forEachRemaining(d -> {
                JsonNode dependency = compose.path("services").path(d.getKey());
                if (dependency.isMissingNode() || !d.getValue().path("condition").asText().equals("service_healthy")
                        || dependency.path("healthcheck").isMissingNode()) {
                    problems.add(at + ".depends_on." + d.getKey() + ": must be a service with a healthcheck,"
                            + " with condition service_healthy");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRequiredVariableIsInTheEnvExample() {
        Set<String> example = new TreeSet<>();
        Repository.read(ENV_EXAMPLE).lines().map(l -> l.replaceFirst("^#", "")).filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*"))
                .forEach(l -> example.add(l.substring(0, l.indexOf('='))));
        Set<String> used = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(Repository.read(FILE));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).as("variables " + where + " takes from " + Repository.relative(ENV_EXAMPLE)).isNotEmpty();
        assertThat(example).as(Repository.relative(ENV_EXAMPLE) + " lists every variable " + where + " uses")
                .containsAll(used);
        assertThat(Repository.read(Repository.COMPOSE.resolve(".gitignore")).lines()).as("the real .env is not committed")
                .contains(".env");
    }

    /** A Dockerfile with each {@code ${NAME}} of an {@code ARG NAME=default} replaced by its default. */
    private static String withArgDefaults(String docker) {
        Matcher arg = Pattern.compile("(?m)^ARG (\\w+)=(\\S+)$").matcher(docker);
        String resolved = docker;
        while (arg.find()) {
            resolved = resolved.replace("${" + arg.group(1) + "}", arg.group(2));
        }
        return resolved;
    }

    @Test
    void dockerfilesBuildTheFastJarAsANonRootUser() {
        List<String> problems = new ArrayList<>();
        for (ServiceFacts service : SERVICES.values()) {
            String at = Repository.relative(service.dockerfile());
            if (!Files.isRegularFile(service.dockerfile())) {
                problems.add(at + ": missing");
                continue;
            }
            String docker = withArgDefaults(Repository.read(service.dockerfile()));
            // The notifier's build makes two fast-jars (quarkus-app for H2, quarkus-app-postgresql); its image takes one.
            String app = docker.contains("target/quarkus-app-postgresql/") ? "quarkus-app-postgresql" : "quarkus-app";
            for (String layout : List.of("lib/", "app/", "quarkus/", "*.jar")) {
                if (!docker.contains("COPY --chown=185:0 target/" + app + "/" + layout)) {
                    problems.add(at + ": does not copy " + layout);
                }
            }
            if (!docker.contains("\nEXPOSE " + service.httpPort() + "\n")) {
                problems.add(at + ": EXPOSE is not " + service.httpPort() + " (quarkus.http.port)");
            }
            if (!docker.contains("\nUSER 185\n")) {
                problems.add(at + ": does not run as the non-root user 185");
            }
            if (!docker.contains("-t " + service.imageRepository() + ":")) {
                problems.add(at + ": its build command does not name the image " + service.imageRepository());
            }
            // Every variable the image sets is one the service or its entry point reads.
            service.imageEnvNames().stream().filter(name -> !service.reads(name)).forEach(name -> problems.add(
                    at + ": ENV " + name + " is read neither by " + service.name() + " nor by the ENTRYPOINT"));
        }
        assertThat(problems).isEmpty();
    }

    /** The one tag the Kubernetes base gives the services' images. */
    private static String kubernetesTag() {
        KustomizeBuild base = new KustomizeBuild(Repository.KUBERNETES.resolve("base"));
        Set<String> tags = new TreeSet<>();
        base.resources.forEach(r -> KustomizeBuild.containers(r.node()).filter(c -> ManifestsTest.serviceOf(c) != null)
                .forEach(c -> tags.add(c.path("image").asText().substring(KustomizeBuild.repository(c.path("image").asText()).length() + 1))));
        assertThat(tags).as("image tags of the services in deploy/kubernetes/base").hasSize(1);
        return tags.iterator().next();
    }
}
