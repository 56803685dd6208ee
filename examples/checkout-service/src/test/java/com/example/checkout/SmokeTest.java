package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {

  private static StubInventory inventory;
  private static CheckoutServer checkout;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws IOException {
    inventory = StubInventory.start();
    checkout = new CheckoutServer(CheckoutConfig.of(0, inventory.url()));
    checkout.start();
  }

  @AfterAll
  static void stop() {
    checkout.stop();
    inventory.close();
  }

  @Test
  void passesWhenEveryCheckoutSucceeds() {
    int exit = smoke("--url", url(), "--requests", "5", "--quantity", "2");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .startsWith("smoke: OK, 5/5 checkouts ok against " + url() + " (sku ABC-1) in ");
    assertThat(inventory.reserveBodies()).contains("{\"sku\":\"ABC-1\",\"quantity\":2}");
  }

  @Test
  void failsWhenCheckoutsAreRefused() {
    int exit = smoke("--url", url(), "--requests", "3", "--sku", "SOLD-OUT");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).startsWith("smoke: FAILED, 0/3 checkouts ok");
    assertThat(err.toString()).contains("smoke: request 1: status 409");
  }

  @Test
  void rejectsBadUsage() {
    assertThat(smoke("--requests", "zero")).isEqualTo(2);
    assertThat(err.toString()).contains("--requests must be a number");
  }

  private int smoke(String... args) {
    return Smoke.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static String url() {
    return "http://localhost:" + checkout.port();
  }
}
