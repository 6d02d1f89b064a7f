package org.tc260watch.notifier.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free loopback port, handed to the notifier as {@code MAILER_HOST} and
 * {@code MAILER_PORT}, as an operator would. Tests can stop and restart it on the same port to play an outage.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ServerSetup setup;
    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        startServer();
        return Map.of("MAILER_HOST", "127.0.0.1", "MAILER_PORT", Integer.toString(setup.getPort()));
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        if (server == null) {
            GreenMail mail = new GreenMail(setup);
            mail.start();
            server = mail;
        }
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Messages the running server received for one address. */
    public static List<MimeMessage> mailsTo(String address) {
        GreenMail mail = server;
        if (mail == null) {
            return List.of();
        }
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> Mailbox.isTo(m, address)).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
