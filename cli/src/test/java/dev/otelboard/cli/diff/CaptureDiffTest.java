package dev.otelboard.cli.diff;

import static dev.otelboard.cli.diff.Capture.id;
import static dev.otelboard.cli.diff.Capture.log;
import static dev.otelboard.cli.diff.Capture.span;
import static dev.otelboard.cli.diff.Capture.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.diff.DiffResult.Category;
import dev.otelboard.cli.diff.DiffResult.Change;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link CaptureDiff} reports, on small runs of a checkout -> inventory system. */
class CaptureDiffTest {
  @TempDir Path temp;
  private final AtomicInteger files = new AtomicInteger();

  /** How one run of the system was instrumented. */
  private static final class System {
    int checkouts = 20;
    boolean clientSpan = true;
    boolean executorWrapped = true;
    boolean threadAttributes = true;
    String methodKey = "http.request.method";
    boolean inventory = true;
    String status = "201";
    String confirmation = "confirmation {} sent";
  }

  private RunSummary run(System s) throws IOException {
    Capture c = new Capture();
    for (int i = 0; i < s.checkouts; i++) {
      String t = trace(i);
      String server = id(10 * i);
      String client = id(10 * i + 1);
      List<String> extra = new ArrayList<>(List.of(s.methodKey, "POST", "url.path", "/checkout",
          "http.response.status_code", s.status));
      if (s.threadAttributes) {
        extra.addAll(List.of("thread.name", "http-1"));
      }
      List<String> spans = new ArrayList<>();
      spans.add(span(t, server, "", "POST /checkout", 2, extra.toArray(String[]::new)));
      if (s.clientSpan) {
        spans.add(span(t, client, server, "POST", 3, s.methodKey, "POST", "url.full", "http://inv:8081/reserve",
            "http.response.status_code", "200", "server.address", "inv"));
      }
      c.spans("checkout", spans.toArray(String[]::new));
      if (s.inventory) {
        String invTrace = s.clientSpan ? t : trace(1000 + i);
        c.spans("inventory",
            span(invTrace, id(10 * i + 2), s.clientSpan ? client : "", "POST /reserve", 2, s.methodKey, "POST",
                "url.path", "/reserve", "http.response.status_code", "200"),
            span(invTrace, id(10 * i + 3), id(10 * i + 2), "Warehouse.locate", 1));
      }
      c.logs("checkout", "com.example.CheckoutHandler", log(t, server, "order ord-" + i + " placed"));
      c.logs("checkout", "com.example.ConfirmationSender", s.executorWrapped
          ? log(t, server, s.confirmation.replace("{}", "ord-" + i))
          : log("", "", s.confirmation.replace("{}", "ord-" + i)));
    }
    return CaptureReader.builder().build().read(c.write(temp.resolve(files.incrementAndGet() + ".jsonl")));
  }

  private static DiffResult diff(RunSummary a, RunSummary b) {
    return CaptureDiff.builder().build().diff(a, b);
  }

  @Test
  void theSameSystemTwiceLosesAndGainsNothing() throws IOException {
    DiffResult d = diff(run(new System()), run(new System()));

    assertThat(d.lost()).isEmpty();
    assertThat(d.gained()).isEmpty();
    assertThat(d.gate().passed()).isTrue();
  }

  @Test
  void anUninstrumentedClientCallIsTheFirstLossAndFailsTheGate() throws IOException {
    System broken = new System();
    broken.clientSpan = false;

    DiffResult d = diff(run(new System()), run(broken));

    Change first = d.lost().get(0);
    assertThat(first.category()).isEqualTo(Category.SPAN_GROUP);
    assertThat(first.services()).containsExactly("checkout");
    assertThat(first.subject()).isEqualTo("CLIENT POST /reserve 2xx");
    assertThat(first.detail()).isEqualTo("20 span(s) in A, none in B");
    assertThat(d.lost()).extracting(Change::category, Change::subject).contains(
        org.assertj.core.groups.Tuple.tuple(Category.PROPAGATION, "SERVER POST /reserve 2xx"),
        org.assertj.core.groups.Tuple.tuple(Category.PROPAGATION, "traces with other services"));
    assertThat(d.gate().passed()).isFalse();
    assertThat(d.gate().lostGroups()).isEqualTo(1);
    assertThat(d.gate().failures()).containsExactly(
        "B lost 1 span group(s); --max-lost-groups allows 0",
        "inventory: SERVER POST /reserve 2xx continues the calling service's trace 100% in A, 0% in B: ratio 0.00"
            + " below --min-correlation-ratio 0.90");
  }

  @Test
  void thresholdsDecide() throws IOException {
    System broken = new System();
    broken.clientSpan = false;
    RunSummary a = run(new System());
    RunSummary b = run(broken);

    DiffResult lenient = CaptureDiff.builder().setMaxLostGroups(1).setMinCorrelationRatio(0).build().diff(a, b);

    assertThat(lenient.gate().passed()).isTrue();
    assertThat(lenient.lost()).isNotEmpty();
  }

  @Test
  void anUnwrappedExecutorLosesTheTraceContextOfItsLogRecords() throws IOException {
    System broken = new System();
    broken.executorWrapped = false;

    DiffResult d = diff(run(new System()), run(broken));

    assertThat(d.lost()).hasSize(1);
    Change c = d.lost().get(0);
    assertThat(c.category()).isEqualTo(Category.LOG_CORRELATION);
    assertThat(c.subject()).isEqualTo("com.example.ConfirmationSender");
    assertThat(c.detail()).isEqualTo("records with trace context: 100% in A, 0% in B");
    assertThat(c.weight()).isEqualTo(20);
    assertThat(d.gate().failures())
        .containsExactly("checkout: log records joined to their trace 100% in A, 50% in B: ratio 0.50 below"
            + " --min-correlation-ratio 0.90");
  }

  @Test
  void missingAttributesAreGatheredAcrossGroupsAndServices() throws IOException {
    System b = new System();
    b.threadAttributes = false;

    DiffResult d = diff(run(new System()), run(b));

    assertThat(d.lost()).singleElement().satisfies(c -> {
      assertThat(c.category()).isEqualTo(Category.ATTRIBUTE);
      assertThat(c.subject()).isEqualTo("thread.name");
      assertThat(c.detail()).isEqualTo("on A's spans, not on B's, in checkout: SERVER POST /checkout 2xx");
    });
    assertThat(d.gate().passed()).as("attributes do not gate").isTrue();
  }

  @Test
  void deprecatedToStableNamesAreARenameNotALoss() throws IOException {
    System old = new System();
    old.methodKey = "http.method";

    DiffResult upgrade = diff(run(old), run(new System()));
    DiffResult downgrade = diff(run(new System()), run(old));

    assertThat(upgrade.lost()).isEmpty();
    assertThat(upgrade.gained()).singleElement().satisfies(c -> {
      assertThat(c.category()).isEqualTo(Category.SEMCONV);
      assertThat(c.subject()).isEqualTo("http.method -> http.request.method");
      assertThat(c.detail()).isEqualTo("B has the stable name where A had the deprecated one, in 3 span groups"
          + " (checkout: CLIENT POST /reserve 2xx; checkout: SERVER POST /checkout 2xx; inventory: SERVER POST /reserve 2xx)");
    });
    assertThat(downgrade.lost()).singleElement().satisfies(c -> {
      assertThat(c.category()).isEqualTo(Category.SEMCONV);
      assertThat(c.subject()).isEqualTo("http.request.method -> http.method");
      assertThat(c.detail()).startsWith("B has the deprecated name where A had the stable one, in 3 span groups");
    });
  }

  @Test
  void aChangedStatusClassNamesTheCounterpart() throws IOException {
    System failing = new System();
    failing.status = "502";

    DiffResult d = diff(run(new System()), run(failing));

    assertThat(d.lost().get(0).detail())
        .isEqualTo("20 span(s) in A, none in B (the other run has SERVER POST /checkout 5xx: 20)");
    assertThat(d.gained().get(0).subject()).isEqualTo("SERVER POST /checkout 5xx");
  }

  @Test
  void aMissingServiceOutranksEverythingAndItsGroupsCountAsLost() throws IOException {
    System b = new System();
    b.inventory = false;

    DiffResult d = diff(run(new System()), run(b));

    assertThat(d.lost().get(0).category()).isEqualTo(Category.SERVICE);
    assertThat(d.lost().get(0).subject()).isEqualTo("inventory");
    assertThat(d.gate().lostGroups()).isEqualTo(2);
  }

  @Test
  void countsChangeOnlyBeyondToleranceAndChance() throws IOException {
    System half = new System();
    half.checkouts = 10;
    System fewer = new System();
    fewer.checkouts = 17;

    DiffResult d = diff(run(new System()), run(half));

    assertThat(d.lost()).filteredOn(c -> c.category() == Category.COUNT)
        .extracting(Change::subject)
        .contains("SERVER POST /checkout 2xx", "com.example.ConfirmationSender");
    assertThat(d.lost()).filteredOn(c -> c.subject().equals("SERVER POST /checkout 2xx")).first()
        .extracting(Change::detail).isEqualTo("20 spans in A, 10 in B (-50%)");
    assertThat(diff(run(new System()), run(fewer)).lost()).as("-15% is within the tolerance").isEmpty();
  }

  @Test
  void messageTemplatesWrittenInOneRunOnly() throws IOException {
    System b = new System();
    b.confirmation = "sent confirmation of {}";

    DiffResult d = diff(run(new System()), run(b));

    assertThat(d.lost()).singleElement().satisfies(c -> {
      assertThat(c.category()).isEqualTo(Category.LOG_TEMPLATE);
      assertThat(c.detail()).isEqualTo("1 message template(s) only in A: \"confirmation {} sent\"");
    });
    assertThat(d.gained()).singleElement()
        .satisfies(c -> assertThat(c.detail()).isEqualTo("1 message template(s) only in B: \"sent confirmation of {}\""));
  }

  @Test
  void spansThatLoseTheirParentAcrossAThreadHopStartTracesOfTheirOwn() throws IOException {
    Capture a = new Capture();
    Capture b = new Capture();
    for (int i = 0; i < 10; i++) {
      a.spans("svc", span(trace(i), id(2 * i), "", "GET /x", 2), span(trace(i), id(2 * i + 1), id(2 * i), "send", 1));
      b.spans("svc", span(trace(i), id(2 * i), "", "GET /x", 2), span(trace(100 + i), id(2 * i + 1), "", "send", 1));
    }
    CaptureReader reader = CaptureReader.builder().build();

    DiffResult d = diff(reader.read(a.write(temp.resolve("a.jsonl"))), reader.read(b.write(temp.resolve("b.jsonl"))));

    assertThat(d.lost()).singleElement().satisfies(c -> {
      assertThat(c.category()).isEqualTo(Category.PROPAGATION);
      assertThat(c.subject()).isEqualTo("INTERNAL send");
      assertThat(c.detail()).startsWith("starts a trace of its own in 100% of spans in B, 0% in A");
    });
  }
}
