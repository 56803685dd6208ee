package dev.otelboard.collector.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The span window's table: evicted entries go stale in place and never answer a lookup. */
class SpanStoreTest {

  @Test
  void anEvictedSpanIsNotFoundAndMayComeAgain() {
    SpanStore store = new SpanStore(2);
    int first = store.append(7, 100, 0, 0);
    store.append(7, 101, 0, 0);
    assertThat(store.find(7, 100)).isEqualTo(first);

    store.removeOldest();
    assertThat(store.find(7, 100)).isEqualTo(-1);
    assertThat(store.find(7, 101)).isNotNegative();
    assertThat(store.append(7, 100, 0, 0)).as("no longer a duplicate").isNotNegative();
    assertThat(store.find(7, 100)).isEqualTo(store.slotOf(store.appended() - 1));
  }

  @Test
  void aSpanStillInTheWindowIsADuplicate() {
    SpanStore store = new SpanStore(4);
    store.append(7, 100, 0, 0);
    assertThat(store.append(7, 100, 0, 0)).isEqualTo(-1);
    assertThat(store.append(8, 100, 0, 0)).as("same span key, other trace").isNotNegative();
  }

  /**
   * Many laps of a small window with keys from a small space (so keys repeat, collide and come
   * back after eviction) agree with a plain map of the window; the first seed starts the sequence
   * numbers just below 2^31, where the entries' 31-bit tags wrap.
   */
  @ParameterizedTest(name = "first sequence {0}")
  @ValueSource(longs = {0, (1L << 31) - 3000, (1L << 32) - 1000})
  void agreesWithAMapOfTheWindowOverManyLaps(long firstSeq) {
    int capacity = 1000;
    SpanStore store = new SpanStore(capacity, firstSeq / capacity * capacity);
    ArrayDeque<Long> window = new ArrayDeque<>();
    Map<Long, Integer> slots = new HashMap<>();
    SplittableRandom random = new SplittableRandom(firstSeq);
    for (int step = 0; step < 400_000; step++) {
      int trace = random.nextInt(1, 40);
      int key = random.nextInt(3000) << 20; // equal low bits: many share a home entry
      long id = (long) trace << 32 | key & 0xFFFF_FFFFL;
      if (store.isFull()) {
        slots.remove(window.removeFirst());
        store.removeOldest();
      }
      int slot = store.append(trace, key, 0, 0);
      if (slots.containsKey(id)) {
        assertThat(slot).as("duplicate at step %d", step).isEqualTo(-1);
      } else {
        assertThat(slot).as("new span at step %d", step).isNotNegative();
        window.addLast(id);
        slots.put(id, slot);
      }
      int probeTrace = random.nextInt(1, 40);
      int probeKey = random.nextInt(3000) << 20;
      Integer want = slots.get((long) probeTrace << 32 | probeKey & 0xFFFF_FFFFL);
      assertThat(store.find(probeTrace, probeKey))
          .as("lookup at step %d", step)
          .isEqualTo(want == null ? -1 : want);
    }
    assertThat(store.size()).isEqualTo(window.size());
  }
}
