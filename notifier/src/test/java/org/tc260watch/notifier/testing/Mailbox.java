package org.tc260watch.notifier.testing;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The mails the running notifier sent, wherever its transport put them: the GreenMail server when an SMTP host is
 * configured ({@link SmtpProfile}), the {@code .eml} files of {@code notifier.mail.directory} otherwise
 * ({@link EmlFileProfile}).
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private Mailbox() {
    }

    /** Mails to one address, in the order they were sent. */
    public static List<MimeMessage> to(String address) {
        boolean smtp = ConfigProvider.getConfig().getOptionalValue("notifier.mail.smtp-host", String.class)
                .filter(host -> !host.isBlank()).isPresent();
        if (smtp) {
            return GreenMailResource.mailsTo(address);
        }
        Path directory = ConfigProvider.getConfig().getValue("notifier.mail.directory", Path.class);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        // File names start with the time of writing.
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(Mailbox::read)
                    .filter(m -> isTo(m, address))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mails to one address whose subject contains {@code text}. */
    public static List<MimeMessage> about(String address, String text) {
        return to(address).stream().filter(m -> subject(m).contains(text)).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, whether the mail is text only or has an HTML alternative; line ends as {@code \n}. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
    }

    /** The HTML alternative, if any. */
    public static Optional<String> html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The path and query of the first link in the text that goes to {@code path}, e.g. {@code /subscriptions/confirm}. */
    public static Optional<String> link(MimeMessage message, String path) {
        Matcher m = LINK.matcher(text(message));
        while (m.find()) {
            URI uri = URI.create(m.group());
            if (uri.getPath().equals(path)) {
                return Optional.of(uri.getRawPath() + "?" + uri.getRawQuery());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of(((String) part.getContent()).replace("\r\n", "\n"));
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }
}
