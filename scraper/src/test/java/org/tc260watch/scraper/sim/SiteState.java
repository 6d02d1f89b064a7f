package org.tc260watch.scraper.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One numbered state of the simulated site: routes from {@code <root>/state-N/routes.txt} to classpath
 * resources (format in {@code tc260-sim/README.md}).
 */
final class SiteState {

    static final String ROUTES_FILE = "routes.txt";
    private static final String REMOVED = "-";

    private final int number;
    private final Map<String, String> routes;
    private final String homepage;

    private SiteState(int number, Map<String, String> routes, String homepage) {
        this.number = number;
        this.routes = routes;
        this.homepage = homepage;
    }

    int number() {
        return number;
    }

    /** The resource answering a path (with raw query), if routed. */
    Optional<String> resourceFor(String pathAndQuery) {
        return Optional.ofNullable(routes.get(pathAndQuery));
    }

    /** The resource unknown paths get with HTTP 200 (soft 404), if any. */
    Optional<String> homepage() {
        return Optional.ofNullable(homepage);
    }

    static SiteState load(ClassLoader loader, String root, int number) {
        Map<String, String> routes = new LinkedHashMap<>();
        String[] homepage = {null};
        read(loader, root, "state-" + number, routes, homepage, new HashSet<>());
        return new SiteState(number, Map.copyOf(routes), homepage[0]);
    }

    private static void read(ClassLoader loader, String root, String stateDir, Map<String, String> routes,
            String[] homepage, Set<String> seen) {
        if (!seen.add(stateDir)) {
            throw new IllegalArgumentException("circular @extends at " + stateDir);
        }
        String routesResource = root + "/" + stateDir + "/" + ROUTES_FILE;
        URI base = URI.create(root + "/" + stateDir + "/");
        try (InputStream in = loader.getResourceAsStream(routesResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no simulator state: missing resource " + routesResource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length == 3 && parts[0].equals("POST")) {
                    // A form POST: the route key is "POST <path>?<form body>".
                    parts = new String[] {"POST " + parts[1], parts[2]};
                }
                if (parts.length != 2) {
                    throw new IllegalArgumentException(routesResource + ":" + lineNumber
                            + ": expected '<path> <file>', 'POST <path?form> <file>', '@extends state-N' or"
                            + " '@homepage <file>': " + line);
                }
                switch (parts[0]) {
                    case "@extends" -> read(loader, root, parts[1], routes, homepage, seen);
                    case "@homepage" -> homepage[0] = resource(loader, base, parts[1], routesResource, lineNumber);
                    default -> {
                        if (!parts[0].startsWith("/") && !parts[0].startsWith("POST /")) {
                            throw new IllegalArgumentException(routesResource + ":" + lineNumber
                                    + ": route paths start with '/': " + parts[0]);
                        }
                        if (parts[1].equals(REMOVED)) {
                            routes.remove(parts[0]);
                        } else {
                            routes.put(parts[0], resource(loader, base, parts[1], routesResource, lineNumber));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + routesResource, e);
        }
    }

    /** Resolves a file relative to its state directory; fails now rather than at the first request. */
    private static String resource(ClassLoader loader, URI base, String file, String routesResource, int line) {
        String name = base.resolve(file).normalize().toString();
        if (loader.getResource(name) == null) {
            throw new IllegalArgumentException(routesResource + ":" + line + ": no such fixture " + name);
        }
        return name;
    }
}
