package dev.otelboard.cli.logconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.rewrite.xml.XmlTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpringBootLogbackConfigTest {

  @ParameterizedTest(name = "sdk={0} tracePattern={1} logFile={2}")
  @CsvSource({
    "true, true, false", "true, false, false", "true, true, true", "true, false, true",
    "false, true, false", "false, false, false", "false, true, true", "false, false, true"
  })
  void everyVariantIsWellFormedAndTheEditorFindsNothingLeftToDo(
      boolean sdk, boolean tracePattern, boolean logFile) throws Exception {
    String xml = SpringBootLogbackConfig.render(sdk, tracePattern, logFile);

    XmlTree.parse(xml);
    // tracePattern false: the application sets logging.pattern.console, and onboard says so.
    LogConfigEdit edit = LogbackConfigEditor.edit(xml, sdk, tracePattern);
    assertThat(edit.text()).isEqualTo(xml);
    assertThat(edit.changes()).isEmpty();
    assertThat(edit.manual()).isEmpty();
    assertThat(xml.contains("trace_id=%X{trace_id}")).isEqualTo(tracePattern);
    assertThat(xml.contains("file-appender.xml")).isEqualTo(logFile);
    assertThat(xml.contains(LogbackConfigEditor.EXPORT_APPENDER)).isEqualTo(sdk);
  }
}
