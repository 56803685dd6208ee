package dev.otelboard.cli.verify;

import dev.otelboard.cli.rewrite.RewriteId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A quick look at a service's sources for the libraries and hops its onboarding would have to
 * cover, to name the missing pieces of an uninstrumented service by rewrite id. A text search, not
 * a parse: {@code otelboard scan} is the thorough version.
 */
final class SourceSignals {
  private static final int MAX_FILES = 2_000;

  private record Signal(Pattern pattern, RewriteId rewrite) {}

  private static final List<Signal> SIGNALS =
      List.of(
          new Signal(Pattern.compile("HttpServer\\s*\\.\\s*create|createContext\\s*\\("), RewriteId.INSTRUMENT_HTTP_SERVER),
          new Signal(Pattern.compile("HttpClient\\s*\\.\\s*new(HttpClient|Builder)"), RewriteId.WRAP_JAVA_HTTP_CLIENT),
          new Signal(Pattern.compile("new\\s+OkHttpClient"), RewriteId.WRAP_OKHTTP),
          new Signal(Pattern.compile("Executors\\s*\\.\\s*new"), RewriteId.WRAP_EXECUTOR),
          new Signal(Pattern.compile("CompletableFuture\\s*\\.\\s*(supplyAsync|runAsync)|\\.then\\w*Async\\s*\\("),
              RewriteId.WRAP_COMPLETABLE_FUTURE),
          new Signal(Pattern.compile("new\\s+Thread\\s*\\("), RewriteId.WRAP_THREAD),
          new Signal(Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\("), RewriteId.INIT_BOOTSTRAP));

  private SourceSignals() {}

  /** Rewrites the sources under {@code dir/src/main/java} call for, plus the logging one. */
  static List<RewriteId> rewrites(Path dir) {
    Set<RewriteId> found = EnumSet.noneOf(RewriteId.class);
    if (dir == null) {
      return List.of();
    }
    Path src = dir.resolve("src/main/java");
    if (Files.isDirectory(src)) {
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).limit(MAX_FILES).toList()) {
          String code = Files.readString(f);
          for (Signal s : SIGNALS) {
            if (s.pattern().matcher(code).find()) {
              found.add(s.rewrite());
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // Unreadable sources: answer with what was found so far.
      }
    }
    List<RewriteId> ordered = new ArrayList<>();
    for (Signal s : SIGNALS) {
      if (found.contains(s.rewrite()) && !ordered.contains(s.rewrite())) {
        ordered.add(s.rewrite());
      }
    }
    LoggingSetup logging = LoggingSetup.detect(dir);
    if (logging != LoggingSetup.UNKNOWN) {
      ordered.add(logging.rewrites().get(0));
    }
    return ordered;
  }
}
