package org.tc260watch.scraper.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one user agent (RFC 9309): the group naming our product token, else the
 * {@code *} group; the longest matching {@code Allow}/{@code Disallow} path wins, {@code Allow} on a tie; {@code *}
 * and a trailing {@code $} are understood. {@code Crawl-delay} is kept as a hint. Unparseable lines are skipped.
 */
public final class RobotsRules {

    /** No robots.txt (404, a soft-404 homepage, 4xx): everything is allowed. */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
    }

    /** The rules of {@code robotsTxt} that apply to {@code productToken} (e.g. {@code tc260-watch}). */
    public static RobotsRules parse(String robotsTxt, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Duration ourDelay = null;
        Duration starDelay = null;
        boolean anyOurGroup = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : robotsTxt.split("\r?\n|\r")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            if (agents.isEmpty()) {
                continue;
            }
            boolean forUs = agents.stream().anyMatch(a -> !a.equals("*") && token.equals(a));
            boolean forStar = agents.contains("*");
            anyOurGroup |= forUs;
            switch (field) {
                case "allow", "disallow" -> {
                    inRules = true;
                    if (value.isEmpty()) {
                        continue; // "Disallow:" with no path allows everything
                    }
                    Rule rule = new Rule(field.equals("allow"), value);
                    if (forUs) {
                        ours.add(rule);
                    }
                    if (forStar) {
                        star.add(rule);
                    }
                }
                case "crawl-delay" -> {
                    inRules = true;
                    Duration delay = seconds(value);
                    if (forUs) {
                        ourDelay = delay;
                    }
                    if (forStar) {
                        starDelay = delay;
                    }
                }
                default -> inRules = true;
            }
        }
        return anyOurGroup ? new RobotsRules(ours, ourDelay) : new RobotsRules(star, starDelay);
    }

    /** Whether a path with its query ({@code /portal/suggestion?page=2}) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path)
                    && (best == null || rule.pattern().length() > best.pattern().length()
                    || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return matchFrom(p, 0, path, 0, anchored);
    }

    private static boolean matchFrom(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (matchFrom(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }

    private static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s > 0 ? Duration.ofMillis((long) (s * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
