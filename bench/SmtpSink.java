import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A GreenMail SMTP server for the benchmarks that notes when it accepted each mail (per recipient), with a control
 * port: GET /count (mails accepted), /times ("epoch-millis recipient subject" per mail, in order), /reset.
 * The time is taken when GreenMail delivers the received message to the mailbox, just before it answers 250.
 *
 *   java -cp <greenmail and its jakarta.mail, angus, slf4j jars> bench/SmtpSink.java <smtp-port> <control-port>
 */
public class SmtpSink {
    private static final List<String> accepted = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MessageDeliveryHandler store = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((message, to) -> {
            long now = System.currentTimeMillis();
            String subject = message.getMessage().getSubject();
            synchronized (accepted) {
                accepted.add(now + " " + to.getEmail() + " " + subject);
            }
            return store.handle(message, to);
        });
        smtp.start();
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 10);
        control.createContext("/", exchange -> {
            String answer;
            synchronized (accepted) {
                answer = switch (exchange.getRequestURI().getPath()) {
                    case "/count" -> Integer.toString(accepted.size());
                    case "/times" -> String.join("\n", accepted);
                    case "/reset" -> {
                        accepted.clear();
                        yield "reset";
                    }
                    default -> "unknown";
                };
            }
            byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        control.start();
        System.out.println("SMTP_READY " + args[0]);
        System.out.flush();
        Thread.currentThread().join();
    }
}
