package org.tc260watch.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code kubectl apply -k <dir>} would apply, computed in Java for the kustomize features our kustomizations use
 * (no kustomize binary in the build). A kustomization field it does not know is a problem, never silently skipped, so
 * the checks never run on something other than what a cluster gets. Left out on purpose: the namespace and the common
 * labels (nothing checked depends on them) and the hash suffix of generated Secrets (references keep the plain name).
 */
final class KustomizeBuild {

    /** One object of the output, with the file it came from (for failure messages). */
    record Resource(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        /** {@code deploy/kubernetes/base/differ.yaml Deployment/tc260-differ} */
        String where() {
            return Repository.relative(file) + " " + kind() + "/" + name();
        }
    }

    private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "replicas", "images", "patches", "secretGenerator");

    final List<Resource> resources;
    /** Every file the kustomizations refer to, kustomization.yaml files included. */
    final Set<Path> files = new TreeSet<>();
    final List<String> problems = new ArrayList<>();

    KustomizeBuild(Path dir) {
        this.resources = build(dir.toAbsolutePath().normalize());
    }

    private List<Resource> build(Path dir) {
        Path kustomization = dir.resolve("kustomization.yaml");
        List<Resource> out = new ArrayList<>();
        if (!Files.isRegularFile(kustomization)) {
            problems.add(Repository.relative(dir) + ": no kustomization.yaml");
            return out;
        }
        files.add(kustomization);
        String where = Repository.relative(kustomization);
        JsonNode k = Repository.yamlDocuments(kustomization).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!KNOWN_FIELDS.contains(field)) {
                problems.add(where + ": field '" + field + "' is not understood by ManifestsTest; teach KustomizeBuild");
            }
        });
        for (JsonNode entry : k.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                out.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
                Repository.yamlDocuments(path).forEach(doc -> out.add(new Resource(path, doc)));
            } else {
                problems.add(where + ": resources: '" + entry.asText() + "' does not exist");
            }
        }
        for (JsonNode generator : k.path("secretGenerator")) {
            out.add(secret(dir, where, generator));
        }
        for (JsonNode replicas : k.path("replicas")) {
            List<Resource> targets = select(out, null, replicas.path("name").asText()).stream()
                    .filter(r -> r.node().path("spec").has("replicas")).toList();
            if (targets.isEmpty()) {
                problems.add(where + ": replicas: no Deployment or StatefulSet " + replicas.path("name").asText());
            }
            targets.forEach(r -> ((ObjectNode) r.node().path("spec")).put("replicas", replicas.path("count").asInt()));
        }
        for (JsonNode image : k.path("images")) {
            String name = image.path("name").asText();
            List<ObjectNode> containers = out.stream().flatMap(r -> containers(r.node())).filter(
                    c -> repository(c.path("image").asText()).equals(name)).toList();
            if (containers.isEmpty()) {
                problems.add(where + ": images: no container runs image " + name);
            }
            for (ObjectNode container : containers) {
                String current = container.path("image").asText();
                String tag = image.has("newTag") ? image.path("newTag").asText() : current.substring(name.length() + 1);
                container.put("image", image.path("newName").asText(name) + ":" + tag);
            }
        }
        for (JsonNode patch : k.path("patches")) {
            Path path = dir.resolve(patch.path("path").asText()).normalize();
            if (!Files.isRegularFile(path)) {
                problems.add(where + ": patches: '" + patch.path("path").asText() + "' does not exist");
                continue;
            }
            files.add(path);
            JsonNode operations = Repository.yamlDocuments(path).get(0);
            if (!operations.isArray()) {
                problems.add(Repository.relative(path) + ": not a JSON 6902 patch (a list of operations); ManifestsTest"
                        + " applies only those");
                continue;
            }
            JsonNode target = patch.path("target");
            String kind = target.path("kind").asText(null);
            List<Resource> targets = select(out, kind, target.path("name").asText(null));
            if (targets.isEmpty()) {
                problems.add(where + ": patches: '" + patch.path("path").asText() + "' matches nothing (" + target + ")");
            }
            for (Resource r : targets) {
                out.set(out.indexOf(r), new Resource(r.file(), JsonPatch.apply(operations, r.node())));
            }
        }
        return out;
    }

    /** A generated Secret with the keys of the committed example of each env file (the real file is not committed). */
    private Resource secret(Path dir, String where, JsonNode generator) {
        ObjectNode secret = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = secret.putObject("data");
        Path example = dir;
        for (JsonNode env : generator.path("envs")) {
            Path file = dir.resolve(env.asText()).normalize();
            example = file.resolveSibling(file.getFileName() + ".example");
            if (!Files.isRegularFile(example)) {
                problems.add(where + ": secretGenerator " + generator.path("name").asText() + ": "
                        + Repository.relative(example) + " does not exist (the committed example of " + env.asText() + ")");
                continue;
            }
            files.add(example);
            if (!ignoredByGit(file)) {
                problems.add(where + ": secretGenerator " + generator.path("name").asText() + ": " + env.asText()
                        + " holds real secrets but no .gitignore next to it lists it");
            }
            Properties keys = new Properties();
            try {
                keys.load(new StringReader(Repository.read(example)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys.stringPropertyNames().forEach(key -> data.put(key, keys.getProperty(key)));
        }
        if (generator.has("literals") || generator.has("files")) {
            problems.add(where + ": secretGenerator " + generator.path("name").asText()
                    + ": only envs files (not committed, with a committed .example)");
        }
        return new Resource(example, secret);
    }

    private static boolean ignoredByGit(Path file) {
        Path ignore = file.resolveSibling(".gitignore");
        if (!Files.isRegularFile(ignore)) {
            return false;
        }
        String name = file.getFileName().toString();
        return Repository.read(ignore).lines().map(String::trim).anyMatch(pattern -> pattern.equals(name)
                || pattern.startsWith("*") && name.endsWith(pattern.substring(1)));
    }

    private static List<Resource> select(List<Resource> resources, String kind, String name) {
        return resources.stream().filter(r -> (kind == null || kind.equals(r.kind()))
                && (name == null || name.equals(r.name()))).toList();
    }

    /** The containers of a workload's pod template (none for other kinds). */
    static Stream<ObjectNode> containers(JsonNode resource) {
        List<ObjectNode> containers = new ArrayList<>();
        resource.path("spec").path("template").path("spec").path("containers")
                .forEach(c -> containers.add((ObjectNode) c));
        return containers.stream();
    }

    /** {@code registry.example.org/tc260-watch/scraper:0.1.0} → {@code registry.example.org/tc260-watch/scraper} */
    static String repository(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    List<Resource> ofKind(String kind) {
        return select(resources, kind, null);
    }

    Resource one(String kind, String name) {
        return select(resources, kind, name).stream().findFirst().orElse(null);
    }
}
