package dev.otelboard.collector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The correlation options are the index builder's, forwarded: its validation and messages are the
 * ones {@code otelboard collector} users see.
 */
class EmbeddedCollectorBuilderTest {

  @Test
  void rejectsNonPositiveSpanWindow() {
    assertThatThrownBy(() -> EmbeddedCollector.builder().setSpanWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span window must be positive: 0");
  }

  @Test
  void rejectsNonPositiveLogWindow() {
    assertThatThrownBy(() -> EmbeddedCollector.builder().setLogWindow(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("log window must be positive: -1");
  }

  @Test
  void rejectsNegativeFlushWindow() {
    assertThatThrownBy(() -> EmbeddedCollector.builder().setFlushWindow(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flush window must not be negative: PT-1S");
  }
}
