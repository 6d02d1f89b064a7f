package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Double opt-in through the public API, as a reader does it: subscribe, receive the confirmation mail, follow its link. */
final class Subscribing {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s]+(/subscriptions/confirm\\?token=\\S+)");

    private Subscribing() {
    }

    /**
     * @param smtp the SMTP server the notifier sends to now (a supplier: tests that restart it hand out the current one)
     */
    static void subscribeAndConfirm(HttpClient http, ServiceProcess notifier, Supplier<GreenMail> smtp, String email)
            throws Exception {
        HttpResponse<String> sub = http.send(HttpRequest.newBuilder(URI.create(notifier.url("/api/subscriptions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sub.statusCode()).as(sub.body()).isEqualTo(202);
        MimeMessage[] confirmation = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            confirmation[0] = confirmationTo(smtp.get(), email).orElse(null);
            return confirmation[0] != null;
        });
        Object content = confirmation[0].getContent();
        String text = content instanceof MimeMultipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
        Matcher link = CONFIRM_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(notifier.url(link.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    private static Optional<MimeMessage> confirmationTo(GreenMail smtp, String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(email)).findFirst();
    }

    static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
