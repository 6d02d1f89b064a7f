package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md names every setting of every service: each environment variable an {@code application.properties}
 * reads ({@code ${NAME:…}}), each of the services' own keys set there, and each key of their configuration interfaces
 * ({@code @ConfigMapping}, read from the packaged services, as they run). And it names no variable of ours that no
 * service reads.
 */
class OperationsDocTest {

    /** Module, configuration interface. */
    private static final List<String[]> SERVICES = List.of(
            new String[] {"scraper", "org.tc260watch.scraper.config.ScraperConfig"},
            new String[] {"differ", "org.tc260watch.differ.config.DifferConfig"},
            new String[] {"notifier", "org.tc260watch.notifier.config.NotifierConfig"});
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** The services' own keys (Quarkus' and Kafka's are documented by them). */
    private static final Pattern OWN_KEY = Pattern.compile("^((?:tc260|differ|notifier)\\.[a-z0-9.-]+)\\s*=", Pattern.MULTILINE);
    /** What the document writes as a variable of ours. */
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`((?:TC260|DIFFER|NOTIFIER)_[A-Z0-9_]+)`");

    private final Path root = ServiceProcess.projectRoot();

    @Test
    void everyVariableAndKeyOfEveryServiceIsDocumentedAndNoOtherOfOurs() throws Exception {
        String doc = Files.readString(root.resolve("docs/operations.md"));
        Set<String> variables = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        for (String[] service : SERVICES) {
            String properties = Files.readString(root.resolve(service[0]).resolve("src/main/resources/application.properties"));
            for (String line : properties.lines().filter(l -> !l.startsWith("#") && !l.startsWith("%")).toList()) {
                Matcher env = ENV_REFERENCE.matcher(line);
                while (env.find()) {
                    variables.add(env.group(1));
                }
                Matcher key = OWN_KEY.matcher(line);
                if (key.find()) {
                    keys.add(key.group(1));
                }
            }
            keys.addAll(mappedKeys(service[0], service[1]));
        }
        assertThat(keys).as("keys found").contains("tc260.poll-interval", "differ.topics.partitions",
                "notifier.delivery.claim-timeout", "notifier.tokens.confirm-ttl");

        List<String> missing = new ArrayList<>();
        variables.stream().filter(v -> !doc.contains("`" + v + "`")).forEach(v -> missing.add("variable " + v));
        keys.stream().filter(k -> !doc.contains("`" + k + "`")).forEach(k -> missing.add("key " + k));
        assertThat(missing).as("settings missing from docs/operations.md").isEmpty();

        // Each key is also its environment variable (upper case, '_' for the rest): those may be named too.
        Set<String> known = new TreeSet<>(variables);
        keys.forEach(k -> known.add(k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
        Set<String> stale = new TreeSet<>();
        Matcher documented = DOCUMENTED_VARIABLE.matcher(doc);
        while (documented.find()) {
            if (!known.contains(documented.group(1))) {
                stale.add(documented.group(1));
            }
        }
        assertThat(stale).as("variables in docs/operations.md no service reads").isEmpty();
    }

    /** The keys of a {@code @ConfigMapping} interface of the packaged service, nested groups included. */
    private Set<String> mappedKeys(String module, String mapping) throws Exception {
        Path app = root.resolve(module).resolve("target/quarkus-app");
        if (!Files.isDirectory(app.resolve("lib/main"))) {
            throw new IllegalStateException(app + " is missing: package the services first (./mvnw -B verify builds them)");
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : DifferDriver.jars(app.resolve("app"))) {
            urls.add(jar.toUri().toURL());
        }
        for (Path jar : DifferDriver.jars(app.resolve("lib/main"))) {
            urls.add(jar.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(module, urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> config = loader.loadClass(mapping);
            Set<String> keys = new TreeSet<>();
            collect(config, prefixOf(config), keys);
            return keys;
        }
    }

    private static String prefixOf(Class<?> config) throws Exception {
        for (Annotation a : config.getAnnotations()) {
            if (a.annotationType().getName().equals("io.smallrye.config.ConfigMapping")) {
                return (String) a.annotationType().getMethod("prefix").invoke(a);
            }
        }
        throw new IllegalStateException(config + " is not a @ConfigMapping");
    }

    /** A method returning one of the mapping's own interfaces is a group; any other is a key. */
    private static void collect(Class<?> group, String prefix, Set<String> keys) {
        for (Method m : group.getDeclaredMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + m.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            Class<?> type = m.getReturnType();
            if (type.isInterface() && type.getName().startsWith("org.tc260watch.")) {
                collect(type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }
}
