import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.tc260watch.scraper.sim.Tc260Simulator;

/**
 * Runs the scraper's Tc260Simulator standalone for the benchmarks (needs the scraper's test-jar on the classpath),
 * with a control port to switch states and validators and to read the request and byte counts:
 * GET /state?n=2, /conditional?on=false, /stats ("requests=N bytes=N not-modified=N"), /paths, /reset.
 *
 *   java -cp scraper-tests.jar:<fixture dir> bench/SimMain.java <fixture-root> <control-port>
 */
public class SimMain {
    public static void main(String[] args) throws Exception {
        Tc260Simulator site = new Tc260Simulator(args[0]);
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 10);
        control.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String value = query.contains("=") ? query.substring(query.indexOf('=') + 1) : "";
            String answer = switch (path) {
                case "/state" -> "state=" + site.setState(Integer.parseInt(value)).state();
                case "/conditional" -> {
                    site.conditional(Boolean.parseBoolean(value));
                    yield "conditional=" + Boolean.parseBoolean(value);
                }
                case "/reset" -> {
                    site.clearRequests();
                    yield "reset";
                }
                case "/stats" -> "requests=" + site.requests().size() + " bytes=" + site.bodyBytesSent()
                        + " not-modified=" + site.requests().stream().filter(r -> r.status() == 304).count();
                case "/paths" -> String.join("\n", site.requests().stream().map(r -> r.status() + " " + r.pathAndQuery()).toList());
                default -> "unknown";
            };
            byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        control.start();
        System.out.println("SIM_READY " + site.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
