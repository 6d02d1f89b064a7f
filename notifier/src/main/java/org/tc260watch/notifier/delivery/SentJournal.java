package org.tc260watch.notifier.delivery;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tc260watch.notifier.config.NotifierConfig;

/**
 * Notes, the moment the server has accepted a mail, that it was sent: one line {@code <queue> <id>} appended to a
 * file. This is what keeps the duplicate window short. The "sent" mark in the database needs a commit and, on H2, a
 * write of the store to disk (milliseconds); this line needs one {@code write} (microseconds), and the operating
 * system keeps it even when the process is killed right after. The marks are made in the database as usual and
 * written to disk at the end of each sender pass, after which the journal is emptied; after a crash, the next pass
 * first marks what the journal names ({@link DeliverySender}).
 * <p>
 * A line is not forced to the disk device: a crash of the whole machine can lose it (and then that mail goes again).
 */
@Singleton
public class SentJournal {

    private final Path file;
    private FileChannel channel;

    @Inject
    public SentJournal(NotifierConfig config) {
        this(config.delivery().journal());
    }

    SentJournal(Path file) {
        this.file = file;
    }

    /** Appends {@code queue id}; called right after the server accepted the mail. */
    public synchronized void record(String queue, long id) {
        try {
            channel().write(ByteBuffer.wrap((queue + " " + id + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sent journal " + file, e);
        }
    }

    /** The ids noted since the journal was last emptied, by queue name, in order. */
    public synchronized Map<String, List<Long>> entries() {
        Map<String, List<Long>> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            // Only whole lines: a line without its end was being written when the process died (its mail was then
            // never counted as sent; its claim is taken up again instead).
            String whole = text.substring(0, text.lastIndexOf('\n') + 1);
            for (String line : whole.split("\n")) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[1].chars().allMatch(Character::isDigit) && !parts[1].isEmpty()) {
                    entries.computeIfAbsent(parts[0], q -> new ArrayList<>()).add(Long.parseLong(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sent journal " + file, e);
        }
        return entries;
    }

    /** Empties the journal, once everything it names is marked in the database and on disk. */
    public synchronized void clear() {
        try {
            if (channel != null) {
                channel.truncate(0);
            } else if (Files.exists(file)) {
                Files.write(file, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the sent journal " + file, e);
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        return channel;
    }
}
