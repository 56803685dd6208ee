package dev.otelboard.cli.verify;

import dev.otelboard.cli.config.Durations;
import dev.otelboard.cli.process.RunningProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Waits for a started service to be ready: a health URL answering 2xx, or a line in its output.
 *
 * <p>Each HTTP probe carries a W3C {@code traceparent} whose sampled flag is off: a service that
 * samples by its parent (the SDK's and the javaagent's default) records no span for it. A probe's
 * SERVER span is not the user's telemetry, and its time window would count the service's startup
 * log lines ("Started ... in 7.7 seconds"), written on the main thread while the probe is answered,
 * as uncorrelated in-request logs.
 */
final class ReadinessProbe {
  private static final long POLL_MILLIS = 200;

  /** Why a service did not become ready; the message is one line for the user. */
  static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean exited;

    NotReady(String message, boolean exited) {
      super(message);
      this.exited = exited;
    }
  }

  /** Listens to output lines for a regular expression; registered before the process starts. */
  static final class LogLine implements Consumer<String> {
    private final Pattern pattern;
    private final CountDownLatch seen = new CountDownLatch(1);

    LogLine(String regex) {
      this.pattern = Pattern.compile(regex);
    }

    @Override
    public void accept(String line) {
      if (seen.getCount() > 0 && pattern.matcher(line).find()) {
        seen.countDown();
      }
    }

    boolean await(long millis) throws InterruptedException {
      return seen.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  private ReadinessProbe() {}

  /** Polls {@code url} until it answers 2xx, the process exits, or {@code timeout} passes. */
  static void awaitHttp(RunningProcess process, String url, Duration timeout)
      throws NotReady, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (true) {
      checkAlive(process);
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(2))
            .header("traceparent", unsampledTraceparent())
            .GET()
            .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException e) {
        last = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
      }
      if (System.nanoTime() >= deadline) {
        throw new NotReady(
            process.name() + " was not ready within " + Durations.format(timeout) + " (" + url + ": "
                + last + ")",
            false);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** A fresh W3C traceparent (version 00) with random ids and the sampled flag off. */
  static String unsampledTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong();
    long low = random.nextLong() | 1L; // all-zero ids are invalid
    long span = random.nextLong() | 1L;
    return String.format(Locale.ROOT, "00-%016x%016x-%016x-00", high, low, span);
  }

  /** Waits for {@code line} to see its pattern, the process to exit, or {@code timeout}. */
  static void awaitLog(RunningProcess process, LogLine line, String regex, Duration timeout)
      throws NotReady, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!line.await(POLL_MILLIS)) {
      checkAlive(process);
      if (System.nanoTime() >= deadline) {
        throw new NotReady(
            process.name() + " was not ready within " + Durations.format(timeout)
                + " (no output line matched /" + regex + "/)",
            false);
      }
    }
  }

  private static void checkAlive(RunningProcess process) throws NotReady, InterruptedException {
    if (!process.isAlive()) {
      int code = process.waitFor(Duration.ZERO).orElse(-1);
      String how = code > 128 && code < 160
          ? " was ended by signal " + (code - 128) + (code == 143 ? " (SIGTERM)" : code == 137 ? " (SIGKILL)" : "")
              + " from outside otelboard"
          : " exited with code " + code;
      throw new NotReady(process.name() + how + " before it was ready", true);
    }
  }
}
