package dev.otelboard.cli.verify;

import dev.otelboard.cli.rewrite.RewriteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which logging library a service logs through, judged from its config files and pom.xml. */
enum LoggingSetup {
  LOGBACK,
  LOG4J2,
  UNKNOWN;

  static LoggingSetup detect(Path dir) {
    if (dir == null) {
      return UNKNOWN;
    }
    Path resources = dir.resolve("src/main/resources");
    for (String name : new String[] {"logback.xml", "logback-spring.xml", "logback.groovy"}) {
      if (Files.isRegularFile(resources.resolve(name))) {
        return LOGBACK;
      }
    }
    for (String name : new String[] {"log4j2.xml", "log4j2-spring.xml", "log4j2.properties", "log4j2.yaml"}) {
      if (Files.isRegularFile(resources.resolve(name))) {
        return LOG4J2;
      }
    }
    try {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        String text = Files.readString(pom);
        if (text.contains("logback-classic")) {
          return LOGBACK;
        }
        if (text.contains("log4j-core")) {
          return LOG4J2;
        }
      }
    } catch (IOException e) {
      return UNKNOWN;
    }
    return UNKNOWN;
  }

  /**
   * The rewrite that puts trace context into this library's records and exports them; both, the
   * likelier first, when the library is unknown.
   */
  List<RewriteId> rewrites() {
    return switch (this) {
      case LOGBACK -> List.of(RewriteId.LOGBACK_MDC);
      case LOG4J2 -> List.of(RewriteId.LOG4J2_CONTEXT_DATA);
      default -> List.of(RewriteId.LOGBACK_MDC, RewriteId.LOG4J2_CONTEXT_DATA);
    };
  }

  /** {@link #rewrites()} for a sentence: {@code logback-mdc or log4j2-context-data}. */
  String rewriteText() {
    return String.join(" or ", rewrites().stream().map(RewriteId::id).toList());
  }

  String displayName() {
    return switch (this) {
      case LOGBACK -> "Logback";
      case LOG4J2 -> "Log4j2";
      default -> "its logging library";
    };
  }
}
