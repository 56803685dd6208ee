package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * checkout-service against the real inventory-service, run from its jar as a child process. Skipped
 * unless {@code ../inventory-service/target/inventory-service.jar} exists (build it first: {@code
 * cd ../inventory-service && mvn -B -q verify}); {@code -Dinventory.jar=PATH} points elsewhere.
 */
class CrossServiceTest {

  private static final Path INVENTORY_JAR =
      Path.of(
          System.getProperty("inventory.jar", "../inventory-service/target/inventory-service.jar"));
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
  private static final int REQUESTS = 5;

  private final List<String> inventoryOutput = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void checkoutsReserveStockInTheRealInventoryService() throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(INVENTORY_JAR), "no inventory-service jar at " + INVENTORY_JAR);

    Process inventory = startInventory();
    CheckoutServer checkout = null;
    try {
      int inventoryPort = awaitListeningPort(inventory);
      String inventoryUrl = "http://localhost:" + inventoryPort;
      long stockBefore = availableUnits(inventoryUrl, "ABC-1");

      checkout = new CheckoutServer(CheckoutConfig.of(0, inventoryUrl));
      checkout.start();

      Set<String> orderIds = new HashSet<>();
      Set<String> reservationIds = new HashSet<>();
      for (int i = 0; i < REQUESTS; i++) {
        HttpResponse<String> response =
            checkout(checkout.port(), "{\"sku\":\"ABC-1\",\"quantity\":2}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body())
            .contains(
                "\"sku\":\"ABC-1\"",
                "\"quantity\":2",
                "\"unitPriceCents\":1299",
                "\"totalCents\":2598",
                "\"status\":\"PLACED\"")
            .containsPattern("\"warehouse\":\"(ams-1|fra-2|dub-1)\"");
        orderIds.add(field(response.body(), "orderId"));
        reservationIds.add(field(response.body(), "reservationId"));
      }

      assertThat(orderIds).hasSize(REQUESTS);
      assertThat(reservationIds).hasSize(REQUESTS).allMatch(id -> id.startsWith("res-"));
      assertThat(availableUnits(inventoryUrl, "ABC-1")).isEqualTo(stockBefore - 2L * REQUESTS);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(inventoryOutput)
                      .filteredOn(line -> line.contains("Reserved 2 x ABC-1"))
                      .hasSize(REQUESTS));

      // SIGTERM: the shutdown hook stops the server and says so. (Process.destroy() would also
      // close our end of its output, losing those last lines.)
      inventory.toHandle().destroy();
      assertThat(inventory.waitFor(15, TimeUnit.SECONDS)).as("inventory exited").isTrue();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(inventoryOutput)
                      .anyMatch(line -> line.contains("inventory-service stopped")));
    } finally {
      if (checkout != null) {
        checkout.stop();
      }
      inventory.descendants().forEach(ProcessHandle::destroyForcibly);
      inventory.destroyForcibly();
      inventory.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process startInventory() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-jar", INVENTORY_JAR.toString())
            .redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().remove("PRICING_URL");
    Process process = builder.start();

    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  inventoryOutput.add(line);
                }
              } catch (IOException e) {
                // the process went away
              }
            },
            "inventory-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private int awaitListeningPort(Process inventory) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (String line : inventoryOutput) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                  return port.complete(Integer.parseInt(matcher.group(1)));
                }
              }
              if (!inventory.isAlive()) {
                throw new IllegalStateException(
                    "inventory-service exited with "
                        + inventory.exitValue()
                        + ": "
                        + inventoryOutput);
              }
              return false;
            });
    return port.join();
  }

  private HttpResponse<String> checkout(int port, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private long availableUnits(String inventoryUrl, String sku) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(inventoryUrl + "/stock/" + sku)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Long.parseLong(field(response.body(), "available"));
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
    return matcher.group(1);
  }
}
