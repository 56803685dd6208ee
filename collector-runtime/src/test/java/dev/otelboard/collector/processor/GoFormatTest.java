package dev.otelboard.collector.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoFormatTest {

  @Test
  void aWidthPastGosLimitPrintsNoVerbAndDropsTheRestOfTheFormat() {
    assertThat(GoFormat.sprintf("x%99999999999d y %s", List.of(5L, "z")))
        .isEqualTo("x%!(NOVERB)%!(EXTRA int64=5, string=z)");
    // 900000000 would be a 900 MB pad: Go stops reading at its eighth digit.
    assertThat(GoFormat.sprintf("%900000000d", List.of(5L)))
        .isEqualTo("%!(NOVERB)%!(EXTRA int64=5)");
    assertThat(GoFormat.sprintf("%99999999d", List.of(5L)))
        .isEqualTo("%!(NOVERB)%!(EXTRA int64=5)");
  }

  @Test
  void aPrecisionPastGosLimitPrintsNoVerb() {
    assertThat(GoFormat.sprintf("%.99999999999f|", List.of(1.5)))
        .isEqualTo("%!(NOVERB)%!(EXTRA float64=1.5)");
    assertThat(GoFormat.sprintf("%5.900000000s", List.of("ab")))
        .isEqualTo("%!(NOVERB)%!(EXTRA string=ab)");
  }

  @Test
  void aWidthGoStillReadsPads() {
    String s = GoFormat.sprintf("%1000001d", List.of(7L));
    assertThat(s).hasSize(1_000_001).endsWith(" 7");
    assertThat(GoFormat.sprintf("%-4d|%05d|%.2s", List.of(7L, -3L, "abc"))).isEqualTo("7   |-0003|ab");
  }
}
