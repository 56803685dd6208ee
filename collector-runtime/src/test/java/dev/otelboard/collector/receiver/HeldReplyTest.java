package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When each transport's answer to an accepted export goes out, and that it goes out once. */
class HeldReplyTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> sent = new ArrayList<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
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
}
