package com.example.checkout;

import com.example.checkout.web.JsonBody;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drives traffic through a running checkout-service and checks every answer.
 *
 * <pre>
 * java -cp target/checkout-service.jar com.example.checkout.Smoke \
 *     --url http://localhost:8080 --requests 20 [--sku ABC-1] [--quantity 1] [--wait-seconds 30]
 * </pre>
 *
 * <p>Waits for {@code GET /health}, sends the {@code POST /checkout} requests one after another,
 * reads the first order back with {@code GET /orders/{id}}, prints one summary line and exits 0
 * when every answer was as expected, 1 when any was not, 2 on a usage error.
 */
public final class Smoke {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI baseUrl;
  private final String sku;
  private final int quantity;

  private Smoke(URI baseUrl, String sku, int quantity) {
    this.baseUrl = baseUrl;
    this.sku = sku;
    this.quantity = quantity;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }

  /** Runs the smoke test; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    String url = "http://localhost:8080";
    String sku = "ABC-1";
    int requests = 10;
    int quantity = 1;
    int waitSeconds = 30;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("-h") || option.equals("--help")) {
          out.println(usage());
          return 0;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--url" ->
              url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
          case "--requests" -> requests = positive(option, value);
          case "--sku" -> sku = value;
          case "--quantity" -> quantity = positive(option, value);
          case "--wait-seconds" -> waitSeconds = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("smoke: " + e.getMessage());
      err.println(usage());
      return 2;
    }
    Smoke smoke = new Smoke(URI.create(url), sku, quantity);
    return smoke.drive(requests, Duration.ofSeconds(waitSeconds), out, err);
  }

  private int drive(int requests, Duration wait, PrintWriter out, PrintWriter err) {
    if (!awaitHealthy(wait)) {
      out.printf("smoke: FAILED, %s/health not up after %d s%n", baseUrl, wait.toSeconds());
      return 1;
    }

    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    String firstOrderId = null;
    for (int n = 1; n <= requests; n++) {
      try {
        String orderId = checkoutOnce();
        if (firstOrderId == null) {
          firstOrderId = orderId;
        }
      } catch (SmokeFailure | IOException e) {
        failures.add("request " + n + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("request " + n + ": interrupted");
        break;
      }
    }
    if (firstOrderId != null) {
      try {
        readBack(firstOrderId);
      } catch (SmokeFailure | IOException e) {
        failures.add("GET /orders/" + firstOrderId + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("GET /orders/" + firstOrderId + ": interrupted");
      }
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

    failures.stream().limit(5).forEach(failure -> err.println("smoke: " + failure));
    int ok = requests - (int) failures.stream().filter(f -> f.startsWith("request ")).count();
    String verdict = failures.isEmpty() ? "OK" : "FAILED";
    out.printf(
        "smoke: %s, %d/%d checkouts ok against %s (sku %s) in %d ms%n",
        verdict, ok, requests, baseUrl, sku, millis);
    return failures.isEmpty() ? 0 : 1;
  }

  private String checkoutOnce() throws IOException, InterruptedException, SmokeFailure {
    String body = "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("/checkout"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    Map<String, String> order = expectOrder(response, 201);
    expectField(order, "sku", sku);
    expectField(order, "quantity", String.valueOf(quantity));
    return order.get("orderId");
  }

  private void readBack(String orderId) throws IOException, InterruptedException, SmokeFailure {
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("/orders/" + orderId))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    Map<String, String> order = expectOrder(response, 200);
    expectField(order, "orderId", orderId);
  }

  private static Map<String, String> expectOrder(HttpResponse<String> response, int status)
      throws SmokeFailure {
    if (response.statusCode() != status) {
      throw new SmokeFailure("status " + response.statusCode() + ", body " + response.body());
    }
    Map<String, String> order;
    try {
      order = JsonBody.parse(response.body());
    } catch (IllegalArgumentException e) {
      throw new SmokeFailure("body is not a JSON object: " + response.body());
    }
    String orderId = order.get("orderId");
    if (orderId == null || orderId.isBlank()) {
      throw new SmokeFailure("no orderId in " + response.body());
    }
    String orderStatus = order.get("status");
    if (!"PLACED".equals(orderStatus) && !"CONFIRMED".equals(orderStatus)) {
      throw new SmokeFailure("unexpected status in " + response.body());
    }
    return order;
  }

  private static void expectField(Map<String, String> order, String name, String expected)
      throws SmokeFailure {
    if (!Objects.equals(order.get(name), expected)) {
      throw new SmokeFailure(name + " is " + order.get(name) + ", expected " + expected);
    }
  }

  private boolean awaitHealthy(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(baseUrl.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
    while (true) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static int positive(String option, String value) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
    }
    if (parsed < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, was " + parsed);
    }
    return parsed;
  }

  private static String usage() {
    return "usage: java -cp checkout-service.jar com.example.checkout.Smoke"
        + " [--url http://localhost:8080] [--requests 10] [--sku ABC-1] [--quantity 1]"
        + " [--wait-seconds 30]";
  }

  private static final class SmokeFailure extends Exception {
    SmokeFailure(String message) {
      super(message);
    }
  }
}
