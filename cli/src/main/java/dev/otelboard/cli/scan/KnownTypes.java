package dev.otelboard.cli.scan;

import dev.otelboard.cli.catalog.FactoryMethod;
import dev.otelboard.cli.catalog.JavaType;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What type resolution knows about library types, all from the {@link LibraryCatalog} (plus the
 * async detector's JDK and Spring types): which simple names an on-demand import such as
 * {@code import java.net.http.*;} resolves (a name from an on-demand import of any other library
 * stays unresolved, and unresolved names never match), what the catalog's factory methods return,
 * which route builders are fluent, and which logger a Lombok annotation generates.
 */
final class KnownTypes {
  /** The JDK and Spring types of thread hops (not libraries of the catalog). */
  private static final List<String> ASYNC =
      List.of(
          "java.util.concurrent.Executors", "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
          "java.util.concurrent.CompletableFuture", "java.util.concurrent.Executor",
          "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
          "org.springframework.scheduling.annotation.Async",
          "org.springframework.scheduling.annotation.Scheduled");

  /**
   * Catalog types that on-demand imports did not resolve before the catalog existed. Resolving
   * them changes findings (a Log4j core Logger, a Javalin ApiBuilder route, a file that no longer
   * trips over an unresolved JMS scope): a change of its own, not part of moving the tables.
   */
  private static final Set<String> NOT_ON_DEMAND =
      Set.of(
          "org.apache.logging.log4j.core.Logger",
          "io.javalin.apibuilder.ApiBuilder",
          "io.opentelemetry.sdk.OpenTelemetrySdk");

  private static final Set<String> TYPES = onDemandTypes();
  private static final Map<String, String> RETURN_TYPES = returnTypes();
  private static final Set<String> FLUENT = withRole(JavaType.Role.FLUENT);
  private static final Map<String, String> LOMBOK_LOGGERS = lombokLoggers();

  private KnownTypes() {}

  /** Whether an on-demand import of its package resolves {@code fqn}. */
  static boolean contains(String fqn) {
    return TYPES.contains(fqn);
  }

  /** The type a library method ("owner#method") returns, or null when scan doesn't follow it. */
  static String returnType(String ownerAndMethod) {
    return RETURN_TYPES.get(ownerAndMethod);
  }

  /** Whether the methods of {@code type} return the same type (route registration chains). */
  static boolean isFluent(String type) {
    return FLUENT.contains(type);
  }

  /** The type of the {@code log} field a Lombok annotation generates, or null. */
  static String lombokLogger(String annotation) {
    return LOMBOK_LOGGERS.get(annotation);
  }

  private static Set<String> onDemandTypes() {
    Set<String> types = new HashSet<>(ASYNC);
    for (Library library : LibraryCatalog.all()) {
      for (JavaType type : library.types()) {
        // A nested type is reached through its outer type, never through a package import.
        if (!type.isNested() && !NOT_ON_DEMAND.contains(type.name())) {
          types.add(type.name());
        }
      }
    }
    return Set.copyOf(types);
  }

  private static Map<String, String> returnTypes() {
    Map<String, String> types = new HashMap<>();
    for (Library library : LibraryCatalog.all()) {
      for (FactoryMethod factory : library.factories()) {
        if (!factory.returns().isEmpty()) {
          types.put(factory.key(), factory.returns());
        }
      }
    }
    return Map.copyOf(types);
  }

  private static Set<String> withRole(JavaType.Role role) {
    Set<String> types = new HashSet<>();
    for (Library library : LibraryCatalog.all()) {
      types.addAll(library.types(role));
    }
    return Set.copyOf(types);
  }

  /** Each Lombok logger annotation generates the first logger type of its library. */
  private static Map<String, String> lombokLoggers() {
    Map<String, String> loggers = new HashMap<>();
    for (Library library : LibraryCatalog.all()) {
      for (String annotation : library.types(JavaType.Role.LOMBOK_LOGGER)) {
        loggers.put(annotation, library.types(JavaType.Role.LOGGER).get(0));
      }
    }
    return Map.copyOf(loggers);
  }
}
