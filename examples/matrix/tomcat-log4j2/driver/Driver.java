import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends the plan's traffic to {@code orders}: per round one quote (orders -> inventory, and a
 * worker thread) and one hello. Run as a source file: {@code java driver/Driver.java --url URL
 * --requests N}. Exits 1 when any answer is not 200.
 */
public final class Driver {
  public static void main(String[] args) throws Exception {
    String url = "http://127.0.0.1:8080";
    int requests = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int ok = 0;
    for (int i = 0; i < requests; i++) {
      String path = i % 2 == 0 ? "/quote/ABC-1?quantity=" + (1 + i % 3) : "/hello?name=n" + i;
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        ok++;
      } else {
        System.out.println("driver: " + path + " answered " + response.statusCode());
      }
    }
    System.out.println("driver: " + ok + "/" + requests + " requests ok");
    System.exit(ok == requests ? 0 : 1);
  }
}
