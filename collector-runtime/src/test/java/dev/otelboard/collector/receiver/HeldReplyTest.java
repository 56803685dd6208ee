package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When each transport's answer to an accepted export goes out, and that it goes out once. */
class HeldReplyTest {
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  // Holds for an hour: these tests are about processing and closing, and a stalled test thread
  // must not see an answer time out under it. The timeout has its own test and timer.
  private final HoldTimer timer = new HoldTimer(executor, Duration.ofHours(1).toMillis());
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    timer.close();
    executor.shutdownNow();
  }

  @Test
  void notBusyAnswersAtOnceAndProcessingLaterSendsNothingMore() {
    HeldReply<String> reply = new HeldReply<>(sent::add);
    reply.ready("ok", false, timer);
    assertThat(sent).containsExactly("ok");
    reply.processed();
    assertThat(sent).containsExactly("ok");
  }

  @Test
  void busyHoldsTheAnswerUntilTheBatchIsProcessed() {
    HeldReply<String> reply = new HeldReply<>(sent::add);
    reply.ready("ok", true, timer);
    assertThat(sent).isEmpty();
    reply.processed();
    assertThat(sent).containsExactly("ok");
  }

  @Test
  void aBatchProcessedBeforeTheAnswerIsReadyIsNotHeld() {
    HeldReply<String> reply = new HeldReply<>(sent::add);
    reply.processed();
    assertThat(sent).isEmpty();
    reply.ready("ok", true, timer);
    assertThat(sent).containsExactly("ok");
  }

  @Test
  void anAnswerHeldTooLongGoesOutWithoutProcessing() {
    HeldReply<String> reply = new HeldReply<>(sent::add);
    try (HoldTimer defaultTimer = new HoldTimer(executor)) {
      long start = System.nanoTime();
      reply.ready("ok", true, defaultTimer);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(HeldReply.MAX_HOLD_MILLIS));
      reply.processed();
      assertThat(sent).containsExactly("ok");
    }
  }

  @Test
  void closingTheTimerSendsEveryHeldAnswerOnce() {
    HeldReply<String> first = new HeldReply<>(a -> sent.add("first"));
    HeldReply<String> second = new HeldReply<>(a -> sent.add("second"));
    first.ready("ok", true, timer);
    second.ready("ok", true, timer);
    second.processed();
    timer.close();
    assertThat(sent).containsExactly("second", "first");
    first.processed();
    timer.close();
    assertThat(sent).containsExactly("second", "first");
  }
}
