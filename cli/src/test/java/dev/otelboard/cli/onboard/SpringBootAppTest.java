package dev.otelboard.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpringBootAppTest {

  @Test
  void settingKeysFlattenYamlNestingDottedKeysAndDocumentsAndReadProperties() throws Exception {
    try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
      Path module = fs.getPath("/m");
      Path resources = module.resolve("src/main/resources");
      Files.createDirectories(resources);
      Files.writeString(resources.resolve("application.yml"),
          """
          spring:
            application:
              name: stock
          logging:
            level:
              root: INFO
            pattern.console: "%msg%n"
          ---
          server:
            port: 8080
          """);
      Files.writeString(resources.resolve("application.properties"),
          """
          # logging.config=classpath:nope.xml
          logging.file.name = stock.log
          """);

      assertThat(SpringBootApp.settingKeys(module)).contains("spring.application.name",
          "logging.level.root", "logging.pattern.console", "server.port", "logging.file.name")
          .doesNotContain("logging.config", "logging.server.port");
      assertThat(SpringBootApp.setsOwnPattern(module)).isTrue();
      assertThat(SpringBootApp.logsToFile(module)).isTrue();
    }
  }

  @Test
  void aModuleWithoutApplicationSettingsSetsNothing() throws Exception {
    try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
      Path module = fs.getPath("/m");
      assertThat(SpringBootApp.settingKeys(module)).isEmpty();
      assertThat(SpringBootApp.logsToFile(module)).isFalse();
    }
  }
}
