package org.tc260watch.notifier.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks the SMTP server whether it would take mail now: connect, read the greeting, {@code EHLO}, {@code QUIT}, each
 * step within {@code timeout}. No message, no login: a wrong password shows as failed sends, not here. With implicit
 * TLS ({@code quarkus.mailer.tls=true}) only the TCP connection is tried, since the conversation needs the mailer's
 * TLS settings.
 */
public final class SmtpProbe {

    private final String host;
    private final int port;
    private final boolean implicitTls;
    private final Duration timeout;
    private final String ehloName;

    public SmtpProbe(String host, int port, boolean implicitTls, Duration timeout, String ehloName) {
        this.host = host;
        this.port = port;
        this.implicitTls = implicitTls;
        this.timeout = timeout;
        this.ehloName = ehloName;
    }

    /** @throws IOException why the server would not take mail now */
    public void check() throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            if (implicitTls) {
                return;
            }
            socket.setSoTimeout(millis);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220", "greeting");
            out.write(("EHLO " + ehloName + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250", "EHLO");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Reads one reply (a multi-line reply ends with a line whose fourth character is a space). */
    private static void expect(BufferedReader in, String code, String step) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed by the server at the " + step);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("server answered the " + step + " with: " + line);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
