package org.tc260watch.notifier.delivery;

import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.logging.Logger;

/**
 * Writes every mail as an RFC 822 {@code .eml} file, for a run without SMTP server: nothing is lost, and any mail
 * client opens the files. Encoded by Vert.x Mail, the encoder Quarkus Mailer sends with.
 */
public class EmlFileMailTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(EmlFileMailTransport.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String from;
    private final Clock clock;

    public EmlFileMailTransport(Path directory, String from, Clock clock) {
        this.directory = directory;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        MailMessage message = new MailMessage()
                .setFrom(from)
                .setTo(mail.to())
                .setSubject(mail.subject())
                .setText(mail.text());
        if (mail.html() != null) {
            message.setHtml(mail.html());
        }
        if (!mail.headers().isEmpty()) {
            io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
            mail.headers().forEach(headers::add);
            message.setHeaders(headers);
        }
        String eml = new MailEncoder(message, hostOf(from)).encode();
        String name = STAMP.format(clock.instant()) + "-" + safe(mail.reference()) + ".eml";
        Path target = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            // Written aside and moved, so that a reader of the directory never sees half a mail.
            Path partial = Files.createTempFile(directory, ".partial-", ".eml");
            Files.writeString(partial, eml, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mail to " + target, e);
        }
        LOG.infof("Mail written to %s: %s", target, mail.subject());
    }

    @Override
    public String describe() {
        return ".eml files in " + directory.toAbsolutePath().normalize() + " (no MAILER_HOST set)";
    }

    @Override
    public String name() {
        return "eml";
    }

    /**
     * The directory exists (or can be made) and may be written: access(2), which also sees a read-only mount. No file
     * is written, so that a reader of the directory only ever finds mails.
     */
    @Override
    public void probe() throws IOException {
        Files.createDirectories(directory);
        if (!Files.isWritable(directory)) {
            throw new IOException("cannot write to " + directory);
        }
    }

    /** The domain of an address ({@code localhost} when it has none): the right-hand side of Message-IDs, EHLO. */
    static String hostOf(String address) {
        int at = address.lastIndexOf('@');
        String host = at < 0 ? "localhost" : address.substring(at + 1).replace(">", "").strip();
        return host.isEmpty() ? "localhost" : host;
    }

    private static String safe(String reference) {
        return reference.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
