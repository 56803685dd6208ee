package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorLogKeysTest {
  private static final String LOGBACK =
      """
      <configuration>
        <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
          <encoder>
            <pattern>%d %-5level [%thread] %logger - dd.trace_id=%X{dd.trace_id} dd.span_id=%X{dd.span_id} %msg%n</pattern>
          </encoder>
        </appender>
        <root level="INFO"><appender-ref ref="CONSOLE"/></root>
      </configuration>
      """;

  @Test
  void datadogKeysAndTheirLabelsBecomeOpenTelemetrysOnce() {
    LogConfigEdit edit = VendorLogKeys.edit(LOGBACK, false, false);

    assertThat(edit.text()).isEqualTo(LOGBACK.replace(
        "dd.trace_id=%X{dd.trace_id} dd.span_id=%X{dd.span_id}",
        "trace_id=%X{trace_id} span_id=%X{span_id}"));
    assertThat(edit.changes()).extracting(LogConfigEdit.Change::line, LogConfigEdit.Change::what)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "prints trace_id/span_id, "
            + "OpenTelemetry's MDC keys, instead of dd.trace_id/dd.span_id"));
    LogConfigEdit again = VendorLogKeys.edit(edit.text(), false, false);
    assertThat(again.text()).isEqualTo(edit.text());
    assertThat(again.changes()).isEmpty();
  }

  @Test
  void aDualRunKeepsTheVendorKeysAndAddsOpenTelemetrysAfterThem() {
    LogConfigEdit edit = VendorLogKeys.edit(LOGBACK, true, false);

    assertThat(edit.text()).contains(
        "dd.trace_id=%X{dd.trace_id} dd.span_id=%X{dd.span_id} trace_id=%X{trace_id} "
            + "span_id=%X{span_id} %msg%n");
    assertThat(VendorLogKeys.edit(edit.text(), true, false).text()).isEqualTo(edit.text());
  }

  @Test
  void afterTheDualRunTheVendorKeysGo() {
    String dual = VendorLogKeys.edit(LOGBACK, true, false).text();

    LogConfigEdit edit = VendorLogKeys.edit(dual, false, false);

    assertThat(edit.text()).isEqualTo(VendorLogKeys.edit(LOGBACK, false, false).text());
    assertThat(edit.changes()).singleElement()
        .satisfies(c -> assertThat(c.what()).contains("no longer prints dd.trace_id/dd.span_id"));
    assertThat(VendorLogKeys.edit(edit.text(), false, false).changes()).isEmpty();
    String sleuth = "[%X{traceId:-},%X{spanId:-} trace_id=%X{trace_id} span_id=%X{span_id}] %m";
    assertThat(VendorLogKeys.edit(sleuth, false, true).text())
        .isEqualTo("[trace_id=%X{trace_id} span_id=%X{span_id}] %m");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sleuth default level pattern | %5p [${spring.application.name:-},%X{traceId:-},%X{spanId:-}]"
            + " | %5p [${spring.application.name:-},%X{trace_id:-},%X{span_id:-}]",
        "log4j2 mdc | %d [%mdc{traceId}/%mdc{spanId}] %m%n | %d [%mdc{trace_id}/%mdc{span_id}] %m%n",
        "sleuth 1.x b3 keys | [%X{X-B3-TraceId},%X{X-B3-SpanId}] | [%X{trace_id},%X{span_id}]",
        "labelled | traceId=%X{traceId} %m | trace_id=%X{trace_id} %m"
      })
  void sleuthKeysMoveWhenTheModuleHadSleuth(String name, String before, String after) {
    assertThat(VendorLogKeys.edit(before, false, true).text()).isEqualTo(after);
    assertThat(VendorLogKeys.edit(before, false, false).text()).as("without Sleuth, traceId may "
        + "be anyone's key").isEqualTo(before);
  }
}
