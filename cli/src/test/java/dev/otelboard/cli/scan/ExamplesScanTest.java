package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The two example services, scanned with exact expected findings. Checked by reading their
 * sources: every HTTP server context, client, executor, thread, CompletableFuture, logger and
 * config is here, and nothing else (the executors handed to setExecutor are fields or locals, so
 * onboard wraps them; System.out passed to a PrintWriter is not printing).
 */
class ExamplesScanTest {
  private static final Path EXAMPLES = Path.of("../examples");

  private static ScanResult scan(String service) throws Exception {
    return RepoScanner.builder().build().scan(EXAMPLES.resolve(service));
  }

  @Test
  void checkoutService() throws Exception {
    ScanResult r = scan("checkout-service");
    assertThat(r.parseFailures()).isEmpty();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.slf4j.logger src/main/java/com/example/checkout/CheckoutServer.java:21:31 logback-mdc",
        "async.executor-factory src/main/java/com/example/checkout/CheckoutServer.java:26:48 wrap-executor",
        "http.server.jdk-httpserver src/main/java/com/example/checkout/CheckoutServer.java:43:5 instrument-http-server",
        "http.server.jdk-httpserver src/main/java/com/example/checkout/CheckoutServer.java:44:5 instrument-http-server",
        "http.server.jdk-httpserver src/main/java/com/example/checkout/CheckoutServer.java:45:5 instrument-http-server",
        "logging.slf4j.logger src/main/java/com/example/checkout/Main.java:14:31 logback-mdc",
        "logging.system-err src/main/java/com/example/checkout/Main.java:23:7 none",
        "logging.system-err src/main/java/com/example/checkout/Main.java:24:7 none",
        "async.thread src/main/java/com/example/checkout/Main.java:37:42 none",
        "http.client.java-net-http src/main/java/com/example/checkout/Smoke.java:31:7 wrap-java-http-client",
        "logging.slf4j.logger src/main/java/com/example/checkout/inventory/InventoryClient.java:18:31 logback-mdc",
        "http.client.java-net-http src/main/java/com/example/checkout/inventory/InventoryClient.java:27:9 wrap-java-http-client",
        "logging.slf4j.logger src/main/java/com/example/checkout/order/ConfirmationSender.java:16:31 logback-mdc",
        "async.executor-factory src/main/java/com/example/checkout/order/ConfirmationSender.java:23:21 wrap-executor",
        "logging.slf4j.logger src/main/java/com/example/checkout/web/CheckoutHandler.java:23:31 logback-mdc",
        "logging.slf4j.logger src/main/java/com/example/checkout/web/OrderHandler.java:13:31 logback-mdc",
        "logconfig.logback src/main/resources/logback.xml:4:16 logback-mdc",
        "http.client.java-net-http src/test/java/com/example/checkout/CheckoutServerTest.java:28:14 wrap-java-http-client test",
        "http.client.java-net-http src/test/java/com/example/checkout/CrossServiceTest.java:42:37 wrap-java-http-client test",
        "async.thread src/test/java/com/example/checkout/CrossServiceTest.java:119:9 wrap-thread test",
        "http.server.jdk-httpserver src/test/java/com/example/checkout/StubInventory.java:30:5 instrument-http-server test");
    assertThat(r.services()).containsExactly(new ScanResult.Service("", "checkout-service",
        "com.example.checkout.Main", "src/main/java/com/example/checkout/Main.java", false));
    ScanResult.Module module = r.modules().get(0);
    assertThat(module.buildTool()).isEqualTo("maven");
    assertThat(module.loggingFrameworks()).containsExactly("Logback", "SLF4J");
    assertThat(module.totalLogCalls()).isEqualTo(17);
    assertThat(ScanSummary.of(r).coveragePercent()).isZero();
  }

  @Test
  void inventoryService() throws Exception {
    ScanResult r = scan("inventory-service");
    assertThat(r.parseFailures()).isEmpty();
    assertThat(Repo.detailed(r)).containsExactly(
        "logging.log4j2.logger src/main/java/com/example/inventory/InventoryServer.java:24:31 log4j2-context-data",
        "http.server.jdk-httpserver src/main/java/com/example/inventory/InventoryServer.java:48:5 instrument-http-server",
        "http.server.jdk-httpserver src/main/java/com/example/inventory/InventoryServer.java:49:5 instrument-http-server",
        "http.server.jdk-httpserver src/main/java/com/example/inventory/InventoryServer.java:50:5 instrument-http-server",
        "http.server.jdk-httpserver src/main/java/com/example/inventory/InventoryServer.java:51:5 instrument-http-server",
        "async.executor-factory src/main/java/com/example/inventory/InventoryServer.java:54:39 wrap-executor",
        "logging.log4j2.logger src/main/java/com/example/inventory/Main.java:10:31 log4j2-context-data",
        "logging.system-err src/main/java/com/example/inventory/Main.java:19:7 none",
        "async.thread src/main/java/com/example/inventory/Main.java:36:13 none",
        "logging.log4j2.logger src/main/java/com/example/inventory/api/PricingHandler.java:17:31 log4j2-context-data",
        "logging.log4j2.logger src/main/java/com/example/inventory/api/ReserveHandler.java:25:31 log4j2-context-data",
        "logging.log4j2.logger src/main/java/com/example/inventory/api/StockHandler.java:16:31 log4j2-context-data",
        "logging.log4j2.logger src/main/java/com/example/inventory/pricing/PricingClient.java:16:31 log4j2-context-data",
        "http.client.okhttp src/main/java/com/example/inventory/pricing/PricingClient.java:25:9 wrap-okhttp",
        "logging.log4j2.logger src/main/java/com/example/inventory/stock/WarehouseLocator.java:11:31 log4j2-context-data",
        "async.completable-future src/main/java/com/example/inventory/stock/WarehouseLocator.java:16:12 wrap-completable-future",
        "logconfig.log4j2 src/main/resources/log4j2.xml:7:31 log4j2-context-data",
        "http.client.java-net-http src/test/java/com/example/inventory/InventoryServerTest.java:23:14 wrap-java-http-client test",
        "async.executor-factory src/test/java/com/example/inventory/stock/StockLedgerTest.java:42:28 wrap-executor test");
    assertThat(r.services()).containsExactly(new ScanResult.Service("", "inventory-service",
        "com.example.inventory.Main", "src/main/java/com/example/inventory/Main.java", false));
    ScanResult.Module module = r.modules().get(0);
    assertThat(module.loggingFrameworks()).containsExactly("Log4j2");
    assertThat(module.totalLogCalls()).isEqualTo(13);
  }
}
