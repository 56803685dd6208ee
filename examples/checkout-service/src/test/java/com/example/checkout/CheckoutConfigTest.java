package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutConfigTest {

  @Test
  void defaultsWhenNothingIsSet() {
    CheckoutConfig config = CheckoutConfig.load(Map.of());

    assertThat(config).isEqualTo(new CheckoutConfig(8080, URI.create("http://localhost:8081"), 4));
  }

  @Test
  void readsTheEnvironment() {
    CheckoutConfig config =
        CheckoutConfig.load(Map.of("PORT", "0", "INVENTORY_URL", "http://inventory:8081/"));

    assertThat(config.port()).isZero();
    assertThat(config.inventoryUrl()).isEqualTo(URI.create("http://inventory:8081"));
  }

  @Test
  void argumentsWinOverTheEnvironment() {
    CheckoutConfig config =
        CheckoutConfig.load(
            Map.of("PORT", "9000", "INVENTORY_URL", "http://inventory:8081"),
            "--port",
            "9100",
            "--inventory-url",
            "http://127.0.0.1:9200");

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.inventoryUrl()).isEqualTo(URI.create("http://127.0.0.1:9200"));
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    assertThatThrownBy(() -> CheckoutConfig.load(Map.of(), "--port", "eighty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be a number, was 'eighty'");
  }

  @Test
  void rejectsARelativeInventoryUrl() {
    assertThatThrownBy(() -> CheckoutConfig.load(Map.of("INVENTORY_URL", "inventory:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("inventory URL must be absolute");
  }

  @Test
  void rejectsUnknownOptions() {
    assertThatThrownBy(() -> CheckoutConfig.load(Map.of(), "--verbose"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --verbose");
  }
}
