package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Request arrays come back only at their exact length, and the pool stays bounded. */
class RequestArraysTest {
  private static final int LENGTH = 20_000;

  @Test
  void aGivenArrayServesTheNextRequestOfItsExactLength() {
    RequestArrays arrays = new RequestArrays();
    byte[] given = new byte[LENGTH];
    arrays.give(given);
    assertThat(arrays.take(LENGTH + 1)).isNotSameAs(given).hasSize(LENGTH + 1);
    assertThat(arrays.take(LENGTH)).isSameAs(given);
    assertThat(arrays.take(LENGTH)).isNotSameAs(given).hasSize(LENGTH);
    assertThat(arrays.idle()).isZero();
  }

  @Test
  void smallAndLargeArraysAreNotKept() {
    RequestArrays arrays = new RequestArrays();
    arrays.give(new byte[RequestArrays.MIN_ARRAY_BYTES - 1]);
    arrays.give(new byte[RequestArrays.MAX_ARRAY_BYTES + 1]);
    assertThat(arrays.idle()).isZero();
  }

  @Test
  void aFullPoolReplacesOldArraysWithNewOnes() {
    RequestArrays arrays = new RequestArrays();
    int given = RequestArrays.SLOTS + 8;
    byte[] last = null;
    for (int i = 0; i < given; i++) {
      last = new byte[LENGTH + i];
      arrays.give(last);
    }
    assertThat(arrays.idle()).isEqualTo(RequestArrays.SLOTS);
    assertThat(arrays.take(last.length)).isSameAs(last);
  }
}
