package com.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryConfigTest {

  @Test
  void defaultsWhenNothingIsSet() {
    InventoryConfig config = InventoryConfig.fromEnvironment(Map.of());

    assertThat(config.port()).isEqualTo(8081);
    assertThat(config.pricingUrl()).isEmpty();
    assertThat(config.httpThreads()).isEqualTo(16);
  }

  @Test
  void readsPortAndPricingUrlFromTheEnvironment() {
    InventoryConfig config =
        InventoryConfig.fromEnvironment(
            Map.of("PORT", "0", "PRICING_URL", "http://pricing:9000/", "HTTP_THREADS", "4"));

    assertThat(config.port()).isZero();
    assertThat(config.pricingUrl()).hasValue("http://pricing:9000");
    assertThat(config.httpThreads()).isEqualTo(4);
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    assertThatThrownBy(() -> InventoryConfig.fromEnvironment(Map.of("PORT", "http")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT must be a number, was 'http'");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> InventoryConfig.fromEnvironment(Map.of("PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 65535");
  }
}
