package org.tc260watch.notifier.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads the editable rule files ({@code topics.properties}, {@code glossary.properties}): java.util.Properties syntax,
 * but UTF-8, so that operators can write Chinese as it is (Properties' own stream loader reads ISO-8859-1).
 */
public final class RuleFile {

    private RuleFile() {
    }

    /** A file on the class path. */
    public static Properties fromClassPath(String resource) {
        InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the rule file " + resource + " is missing from the class path");
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    }

    /** A file on disk. */
    public static Properties fromFile(Path file) {
        try {
            return read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule file " + file, e);
        }
    }

    /** Rules given as text (tests, tools). */
    public static Properties fromText(String text) {
        return read(new StringReader(text), "text");
    }

    private static Properties read(Reader reader, String source) {
        Properties file = new Properties();
        try (reader) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule file " + source, e);
        }
        return file;
    }
}
