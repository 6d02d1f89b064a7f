package org.tc260watch.deploy.manifests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository the tests run in, and its YAML files read as Jackson trees (every document of a file). */
final class Repository {

    private static final YAMLMapper YAML = new YAMLMapper();

    static final Path ROOT = findRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path COMPOSE = ROOT.resolve("deploy/compose");

    private Repository() {
    }

    private static Path findRoot() {
        // Surefire runs in deploy/; an IDE may run in the root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root with deploy/kubernetes above " + Path.of("").toAbsolutePath());
    }

    /** Every document of a (multi-document) YAML file; empty documents left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        // Through a parser of our own: given a file, Jackson would read a top-level list as a series of documents.
        try (JsonParser parser = YAML.createParser(file.toFile());
                MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(parser)) {
            return documents.readAll().stream().filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative(file) + " as YAML", e);
        }
    }

    static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as a failure message names it: relative to the repository root. */
    static String relative(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
    }
}
