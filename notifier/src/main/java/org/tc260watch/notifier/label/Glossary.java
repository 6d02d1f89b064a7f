package org.tc260watch.notifier.label;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.notifier.config.RuleFile;

/**
 * The glossary-based partial English rendering of Chinese titles, from {@code glossary.properties} (docs/topics.md):
 * at each position of the normalised title the longest glossary term is rendered in English; Chinese the glossary does
 * not know stays as it is. A space between Chinese elements of a title, and TC260's dashes, become {@code " — "}, the
 * element separator of English standard titles. Word order stays Chinese, which is why this is a rendering and not a
 * translation.
 */
@Singleton
public class Glossary {

    /** The glossary on the class path. */
    public static final String FILE = "glossary.properties";

    private static final Pattern PART = Pattern.compile("第(\\d+)部分");
    private static final String SEPARATOR = " — ";
    /** Characters with a rendering of their own: see {@link #punctuation}; the dashes separate title elements. */
    private static final String PUNCTUATION = " ()、,:;—―–";

    private final Map<String, String> terms;
    private final int longest;

    /** The shipped glossary. */
    public Glossary() {
        this(RuleFile.fromClassPath(FILE));
    }

    private Glossary(Properties file) {
        Map<String, String> t = new HashMap<>();
        for (String key : file.stringPropertyNames()) {
            String term = TextNormaliser.normalise(key);
            if (!term.isEmpty()) {
                t.put(term, TextNormaliser.normalise(file.getProperty(key)));
            }
        }
        this.terms = Map.copyOf(t);
        this.longest = t.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** A glossary from text in the file format (for tests and tools). */
    public static Glossary fromText(String text) {
        return new Glossary(RuleFile.fromText(text));
    }

    /** How many terms the glossary has. */
    public int size() {
        return terms.size();
    }

    /** The partial English rendering of a title; blank for a blank title. */
    public PartialEnglish render(String title) {
        String t = TextNormaliser.normalise(title).replace("《", "").replace("》", "");
        List<Token> tokens = new ArrayList<>();
        StringBuilder chinese = new StringBuilder();
        StringBuilder other = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            Matcher part = PART.matcher(t).region(i, t.length());
            String term = isHan(c) ? longestTerm(t, i) : null;
            if (part.lookingAt() || term != null) {
                flush(tokens, chinese, Kind.CHINESE);
                flush(tokens, other, Kind.OTHER);
                String english = part.lookingAt() ? "Part " + part.group(1) : terms.get(term);
                if (!english.isEmpty()) {
                    tokens.add(new Token(Kind.WORD, english));
                }
                i = part.lookingAt() ? part.end() : i + term.length();
                continue;
            }
            if (isHan(c)) {
                flush(tokens, other, Kind.OTHER);
                chinese.append(c);
            } else if (isOther(c)) {
                flush(tokens, chinese, Kind.CHINESE);
                other.append(c);
            } else {
                flush(tokens, chinese, Kind.CHINESE);
                flush(tokens, other, Kind.OTHER);
                tokens.add(punctuation(c));
            }
            i++;
        }
        flush(tokens, chinese, Kind.CHINESE);
        flush(tokens, other, Kind.OTHER);
        boolean complete = tokens.stream().noneMatch(k -> k.kind() == Kind.CHINESE);
        return new PartialEnglish(join(tokens), complete);
    }

    private static Token punctuation(char c) {
        return switch (c) {
            case ' ' -> new Token(Kind.SPACE, " ");
            case '(' -> new Token(Kind.OPEN, "(");
            case ')' -> new Token(Kind.CLOSE, ")");
            case '、' -> new Token(Kind.PUNCTUATION, ",");
            case ',', ':', ';' -> new Token(Kind.PUNCTUATION, String.valueOf(c));
            default -> new Token(Kind.SEPARATOR, SEPARATOR);
        };
    }

    private String longestTerm(String text, int from) {
        for (int length = Math.min(longest, text.length() - from); length > 0; length--) {
            String candidate = text.substring(from, from + length);
            if (terms.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Words separated by single spaces, except around punctuation; a space between two Chinese elements (as in
     * {@code 网络安全技术 术语}) separates title elements, a space next to Latin text (as in {@code 未成年人 AI 应用}) is a
     * word space. Each element starts with a capital.
     */
    private static String join(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        boolean capital = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Kind kind = token.kind();
            if (kind == Kind.SPACE) {
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                boolean elements = previous != null && next != null && previous.chineseOrigin() && next.chineseOrigin();
                if (!elements) {
                    continue;
                }
                kind = Kind.SEPARATOR;
            }
            if (kind == Kind.SEPARATOR) {
                if (previous != null && previous.kind() != Kind.SEPARATOR) {
                    previous = new Token(Kind.SEPARATOR, SEPARATOR);
                    out.append(SEPARATOR);
                }
                capital = true;
                continue;
            }
            if (previous != null && previous.kind() != Kind.SEPARATOR && previous.kind() != Kind.OPEN
                    && kind != Kind.CLOSE && kind != Kind.PUNCTUATION) {
                out.append(' ');
            }
            out.append(capital && kind == Kind.WORD ? capitalised(token.text()) : token.text());
            capital = kind == Kind.PUNCTUATION && token.text().equals(":") || kind == Kind.OPEN && capital;
            previous = token;
        }
        String text = out.toString();
        return text.endsWith(SEPARATOR) ? text.substring(0, text.length() - SEPARATOR.length()) : text;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void flush(List<Token> tokens, StringBuilder run, Kind kind) {
        if (!run.isEmpty()) {
            tokens.add(new Token(kind, run.toString()));
            run.setLength(0);
        }
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Latin letters, digits and the rest that is kept as written ({@code App}, {@code V2.0}, {@code SM2}). */
    private static boolean isOther(char c) {
        return !isHan(c) && PUNCTUATION.indexOf(c) < 0;
    }

    private enum Kind { WORD, CHINESE, OTHER, SPACE, SEPARATOR, PUNCTUATION, OPEN, CLOSE }

    private record Token(Kind kind, String text) {
        /** Rendered from Chinese (a glossary word or Chinese left as it is), as opposed to Latin text in the title. */
        boolean chineseOrigin() {
            return kind == Kind.WORD || kind == Kind.CHINESE;
        }
    }
}
