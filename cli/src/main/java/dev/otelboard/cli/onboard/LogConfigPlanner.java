package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.ProjectFiles.read;

import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.logconfig.DropwizardLogFormatEditor;
import dev.otelboard.cli.logconfig.ConfigParseException;
import dev.otelboard.cli.logconfig.Log4j2ConfigEditor;
import dev.otelboard.cli.logconfig.Log4j2PropertiesEditor;
import dev.otelboard.cli.logconfig.LogConfigEdit;
import dev.otelboard.cli.logconfig.LogbackConfigEditor;
import dev.otelboard.cli.logconfig.SpringBootLogbackConfig;
import dev.otelboard.cli.logconfig.SpringLoggingPatternEditor;
import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.RewriteSettings;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The logging-config part of a plan: trace ids in each Logback/Log4j2/Spring Boot pattern, the
 * OpenTelemetry appenders in SDK mode, and manual items for configs onboard does not edit.
 */
final class LogConfigPlanner {
  private final PlanDraft draft;

  LogConfigPlanner(PlanDraft draft) {
    this.draft = draft;
  }

  LoggingFrameworks planLogConfigs(Path module, boolean sdk, String pom,
      boolean bootDefaultLogging) throws IOException {
    boolean logback = pom.contains("<artifactId>logback-classic</artifactId>");
    if (bootDefaultLogging) {
      generateBootLogbackConfig(module, sdk);
      logback = true;
    }
    boolean log4j2 = pom.contains("<artifactId>log4j-core</artifactId>");
    for (String resources : List.of("src/main/resources", "src/test/resources")) {
      for (String name : List.of("logback.xml", "logback-test.xml", "logback-spring.xml")) {
        Path file = module.resolve(resources).resolve(name);
        Optional<String> text = read(file);
        if (text.isPresent()) {
          logback = true;
          editLogConfig(file, text.get(), sdk, true, !SpringBootApp.setsOwnPattern(module));
        }
      }
      for (String name : List.of("log4j2.xml", "log4j2-test.xml", "log4j2-spring.xml")) {
        Path file = module.resolve(resources).resolve(name);
        Optional<String> text = read(file);
        if (text.isPresent()) {
          log4j2 = true;
          editLogConfig(file, text.get(), sdk, false, false);
        }
      }
      Path log4j2Properties = module.resolve(resources).resolve("log4j2.properties");
      Optional<String> properties = read(log4j2Properties);
      if (properties.isPresent()) {
        log4j2 = true;
        applyTextEdit(log4j2Properties, properties.get(), Log4j2PropertiesEditor.ID,
            Log4j2PropertiesEditor.edit(properties.get(), sdk));
      }
      for (String name : List.of("log4j2.yaml", "log4j2.yml", "log4j2.json")) {
        Path file = module.resolve(resources).resolve(name);
        if (Files.exists(file)) {
          log4j2 = true;
          draft.manual().add(new ManualItem(draft.relative(file), 0, Log4j2ConfigEditor.ID,
              "Log4j2 " + name.substring(name.indexOf('.') + 1) + " configs are not edited: "
                  + "add trace_id=%X{trace_id} span_id=%X{span_id} before %m in each "
                  + "PatternLayout pattern" + (sdk ? ", and an appender of type OpenTelemetry "
                  + "referenced by the root logger" : "")));
        }
      }
      Path groovy = module.resolve(resources).resolve("logback.groovy");
      if (Files.exists(groovy)) {
        logback = true;
        draft.manual().add(new ManualItem(draft.relative(groovy), 0, LogbackConfigEditor.ID,
            "logback.groovy is not edited: add trace_id=%X{trace_id} span_id=%X{span_id} "
                + "before %msg in each pattern" + (sdk ? " and wrap the appenders in io."
                + "opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender" : "")));
      }
      for (String name : List.of("application.properties", "application.yml",
          "application.yaml")) {
        Path file = module.resolve(resources).resolve(name);
        Optional<String> text = read(file);
        if (text.isPresent() && text.get().contains("pattern")) {
          try {
            LogConfigEdit edit = name.endsWith(".properties")
                ? SpringLoggingPatternEditor.editProperties(text.get())
                : SpringLoggingPatternEditor.editYaml(text.get());
            applyTextEdit(file, text.get(), SpringLoggingPatternEditor.ID, edit);
          } catch (ConfigParseException e) {
            draft.blockers().add(new ManualItem(draft.relative(file), e.line(), RewriteId.PARSE,
                "not valid YAML: " + e.getMessage()));
          }
        }
      }
    }
    boolean dropwizard = planDropwizardLogging(module);
    logback |= dropwizard;
    boolean hasConfig = bootDefaultLogging;
    for (String name : List.of("logback.xml", "logback-spring.xml", "logback.groovy",
        "log4j2.xml", "log4j2-spring.xml", "log4j2.properties", "log4j2.yaml", "log4j2.yml",
        "log4j2.json")) {
      hasConfig |= Files.exists(module.resolve("src/main/resources").resolve(name));
    }
    return new LoggingFrameworks(logback, log4j2, hasConfig, dropwizard);
  }

  /**
   * Spring Boot's default logging prints no trace ids and installs no OpenTelemetry appender:
   * the module gets a logback-spring.xml that keeps Boot's defaults and adds both.
   */
  private void generateBootLogbackConfig(Path module, boolean sdk) throws IOException {
    Path file = module.resolve(SpringBootLogbackConfig.PATH);
    draft.edit(file, null, SpringBootLogbackConfig.render(sdk,
        !SpringBootApp.setsOwnPattern(module), SpringBootApp.logsToFile(module)));
    draft.changes().add(new Change(draft.relative(file), 1, RewriteId.LOGBACK_MDC,
        "generated for Spring Boot's default logging: Boot's console"
            + (SpringBootApp.logsToFile(module) ? " and file" : "") + " appender with "
            + "trace_id/span_id"
            + (sdk ? ", the OpenTelemetry MDC and exporting appenders" : "")));
  }

  private void applyTextEdit(Path file, String text, RewriteId id, LogConfigEdit result) {
    for (LogConfigEdit.Change change : result.changes()) {
      draft.changes().add(new Change(draft.relative(file), change.line(), id, change.what()));
    }
    for (String item : result.manual()) {
      int line = 0;
      Matcher m = Pattern.compile("^line (\\d+): ").matcher(item);
      if (m.find()) {
        line = Integer.parseInt(m.group(1));
        item = item.substring(m.end());
      }
      draft.manual().add(new ManualItem(draft.relative(file), line, id, item));
    }
    if (!result.text().equals(text)) {
      draft.edit(file, text, result.text());
    }
  }

  /**
   * Dropwizard configures Logback from its own YAML ({@code logging:}), so logback.xml edits
   * don't reach it: each appender's logFormat there gets the trace fields. Returns whether the
   * module is a Dropwizard service (whose logging is always Logback).
   */
  private boolean planDropwizardLogging(Path module) throws IOException {
    Optional<String> pom = read(module.resolve("pom.xml"));
    if (pom.isEmpty() || !pom.get().contains("<groupId>io.dropwizard</groupId>")) {
      return false;
    }
    List<Path> candidates = new ArrayList<>();
    for (Path dir : List.of(module, module.resolve("src/main/resources"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
            .filter(f -> !f.getFileName().toString().equals(OtelboardConfig.FILE_NAME))
            .sorted().forEach(candidates::add);
      }
    }
    for (Path file : candidates) {
      String text = read(file).orElse("");
      if (!text.startsWith("logging:") && !text.contains("\nlogging:")) {
        continue;
      }
      try {
        applyTextEdit(file, text, DropwizardLogFormatEditor.ID,
            DropwizardLogFormatEditor.edit(text));
      } catch (ConfigParseException e) {
        draft.blockers().add(new ManualItem(draft.relative(file), e.line(), RewriteId.PARSE,
            "not valid YAML: " + e.getMessage()));
      }
    }
    return true;
  }

  /**
   * The bootstrap attaches the OpenTelemetry appenders only when the application's run(...)
   * calls it: without that call (no Dropwizard Application that onboard recognized) Dropwizard's
   * appenders print empty trace fields and nothing is exported, which is a manual item.
   */
  void checkDropwizardAppendersAttached(Path module, List<Path> javaFiles) throws IOException {
    String call = RewriteSettings.DEFAULT_BOOTSTRAP_CLASS + ".attachLogbackAppenders();";
    for (Path file : javaFiles) {
      FileEdit edit = draft.edits().get(draft.relative(file));
      String text = edit != null && edit.after() != null ? edit.after() : read(file).orElse("");
      if (text.contains(call)) {
        return;
      }
    }
    draft.manual().add(new ManualItem(draft.relative(module.resolve("pom.xml")), 0,
        RewriteId.ATTACH_DROPWIZARD_LOG_APPENDERS, "a Dropwizard module without an "
            + "Application.run(configuration, environment) onboard recognized: call " + call
            + " first in it, so that Dropwizard's appenders get trace ids and records are "
            + "exported"));
  }

  private void editLogConfig(Path file, String text, boolean sdk, boolean logback,
      boolean bootLevelPattern) {
    try {
      LogConfigEdit result = logback
          ? LogbackConfigEditor.edit(text, sdk, bootLevelPattern)
          : Log4j2ConfigEditor.edit(text, sdk);
      RewriteId id = logback ? LogbackConfigEditor.ID : Log4j2ConfigEditor.ID;
      for (LogConfigEdit.Change change : result.changes()) {
        draft.changes().add(new Change(draft.relative(file), change.line(), id, change.what()));
      }
      for (String item : result.manual()) {
        draft.manual().add(new ManualItem(draft.relative(file), 0, id, item));
      }
      if (!result.text().equals(text)) {
        draft.edit(file, text, result.text());
      }
    } catch (XmlParseException e) {
      draft.blockers().add(new ManualItem(draft.relative(file), e.line(), RewriteId.PARSE,
          "not well-formed XML: " + e.getMessage()));
    }
  }

  static boolean setsLoggingPattern(Path module) throws IOException {
    for (String name : List.of("application.properties", "application.yml",
        "application.yaml")) {
      if (read(module.resolve("src/main/resources").resolve(name)).orElse("")
          .contains("pattern")) {
        return true;
      }
    }
    return false;
  }
}
