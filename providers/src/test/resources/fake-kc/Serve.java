import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/** Answers 200 to everything on the given port, as a started Keycloak answers /realms/master. */
public class Serve {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
