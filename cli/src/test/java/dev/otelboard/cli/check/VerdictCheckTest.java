package dev.otelboard.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.check.CheckItem.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The correlation checks read from a verify JSON report. */
class VerdictCheckTest {
  @TempDir Path tmp;

  private List<CheckItem> read(String json) throws IOException {
    Path file = Files.writeString(tmp.resolve("verdict.json"), json);
    return VerdictCheck.read(file, tmp);
  }

  private static final String OK_SERVICE = """
      {"service": "checkout", "inRequestLogs": 10, "correlatedInRequestLogs": 10,
       "logCorrelation": 1.0, "orphanSpans": 0, "minLogCorrelation": 0.99, "maxOrphanSpans": 0,
       "thresholdSource": "default", "passed": %s, "problems": %s}""";

  @Test
  void aFailedRunIsAnError() throws IOException {
    List<CheckItem> items = read("{\"passed\": false, \"failures\": [], \"services\": [],"
        + " \"runFailure\": \"mvn -q test exited with 1\"}");

    assertThat(items).singleElement().satisfies(i -> {
      assertThat(i.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(i.message()).endsWith("mvn -q test exited with 1");
      assertThat(i.file()).isEqualTo("verdict.json");
    });
  }

  @Test
  void aServiceThatFailedForAnotherReasonFailsWithVerifysProblems() throws IOException {
    List<CheckItem> items = read("{\"passed\": false, \"failures\": [\"x\"], \"services\": ["
        + OK_SERVICE.formatted("false", "[\"no log records\"]") + "]}");

    assertThat(items).extracting(CheckItem::name, CheckItem::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("checkout: in-request log correlation", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("checkout: orphan spans", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("checkout: expectations", Outcome.FAILED));
    assertThat(items.get(2).message()).isEqualTo("checkout: no log records");
  }

  @Test
  void aFailedVerdictNoServiceExplainsStillFails() throws IOException {
    List<CheckItem> items = read("{\"passed\": false, \"failures\": [\"no cross-service trace:"
        + " checkout -> inventory\"], \"services\": [" + OK_SERVICE.formatted("true", "[]") + "]}");

    assertThat(items).last().satisfies(i -> {
      assertThat(i.name()).isEqualTo("verdict");
      assertThat(i.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(i.message()).isEqualTo("no cross-service trace: checkout -> inventory");
    });
  }
}
