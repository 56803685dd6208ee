package dev.otelboard.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.config.LocatedYaml.Located;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedYamlTest {

  @Test
  void locateGivesEachNodesKeyLineStyleAndCharOffsets() {
    // The emoji is two chars but one code point: offsets must still land on the text.
    String text = "# 🚀 service\nlogging:\n  level: INFO\n  appenders:\n"
        + "    - type: console\n      logFormat: \"%m%n\"  # kept\n    - {type: file}\n";
    List<Located> nodes = LocatedYaml.locate(text);

    assertThat(nodes).extracting(Located::path).containsExactly("", "logging",
        "logging.level", "logging.appenders", "logging.appenders[0]",
        "logging.appenders[0].type", "logging.appenders[0].logFormat", "logging.appenders[1]",
        "logging.appenders[1].type");
    Located format = nodes.get(6);
    assertThat(text.substring(format.start(), format.end())).isEqualTo("\"%m%n\"");
    assertThat(format.style()).isEqualTo('"');
    assertThat(format.value()).isEqualTo("%m%n");
    assertThat(format.line()).isEqualTo(6);
    Located logging = nodes.get(1);
    assertThat(logging.style()).isEqualTo('{');
    assertThat(logging.line()).as("the line of its key, not of its first child").isEqualTo(2);
    Located appender = nodes.get(4);
    assertThat(appender.column()).isEqualTo(6);
    assertThat(text.charAt(nodes.get(7).start())).isEqualTo('{');
    assertThat(nodes.get(2).style()).isEqualTo(' ');
  }
}
