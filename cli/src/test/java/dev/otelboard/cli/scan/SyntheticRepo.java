package dev.otelboard.cli.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic multi-module Maven repo of realistic service classes (about 120 lines each):
 * loggers and log calls in every file, and every 10th file an HTTP client, an executor, a
 * CompletableFuture or a thread. Deterministic, so its findings can be counted exactly.
 */
final class SyntheticRepo {
  /** Java files per module. */
  static final int FILES_PER_MODULE = 250;

  private SyntheticRepo() {}

  /** Writes {@code files} Java files under {@code root}; returns the number of modules. */
  static int write(Path root, int files) throws IOException {
    int modules = Math.max(1, (files + FILES_PER_MODULE - 1) / FILES_PER_MODULE);
    Files.createDirectories(root);
    StringBuilder moduleList = new StringBuilder();
    for (int m = 0; m < modules; m++) {
      moduleList.append("    <module>service-").append(m).append("</module>\n");
    }
    Files.writeString(root.resolve("pom.xml"), """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId>
          <artifactId>platform</artifactId>
          <version>1.0</version>
          <packaging>pom</packaging>
          <modules>
        %s  </modules>
        </project>
        """.formatted(moduleList));
    int written = 0;
    for (int m = 0; m < modules; m++) {
      Path module = root.resolve("service-" + m);
      Path resources = module.resolve("src/main/resources");
      Files.createDirectories(resources);
      Files.writeString(module.resolve("pom.xml"), """
          <project>
            <modelVersion>4.0.0</modelVersion>
            <artifactId>service-%d</artifactId>
            <dependencies>
              <dependency>
                <groupId>ch.qos.logback</groupId>
                <artifactId>logback-classic</artifactId>
              </dependency>
            </dependencies>
          </project>
          """.formatted(m));
      Files.writeString(resources.resolve("logback.xml"), """
          <configuration>
            <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%d %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
            </appender>
            <root level="INFO"><appender-ref ref="CONSOLE"/></root>
          </configuration>
          """);
      for (int i = 0; i < FILES_PER_MODULE && written < files; i++, written++) {
        String pkg = String.format(Locale.ROOT, "com.acme.s%d.p%d", m, i % 10);
        Path dir = module.resolve("src/main/java").resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        String name = "Component" + i;
        Files.writeString(dir.resolve(name + ".java"), javaFile(pkg, name, i));
      }
    }
    return modules;
  }

  /** Findings one file of index {@code i} produces (logger + concatenation + extra). */
  static int findingsPerFile(int i) {
    return 2 + (i % 10 < 4 ? 1 : 0);
  }

  private static String javaFile(String pkg, String name, int i) {
    String extra = switch (i % 10) {
      case 0 -> "    HttpClient client = HttpClient.newHttpClient();\n";
      case 1 -> "    ExecutorService pool = Executors.newFixedThreadPool(4);\n";
      case 2 -> "    CompletableFuture.supplyAsync(() -> total);\n";
      case 3 -> "    new Thread(() -> log.info(\"bg\")).start();\n";
      default -> "";
    };
    return """
        package %1$s;

        import java.net.http.HttpClient;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.Objects;
        import java.util.concurrent.CompletableFuture;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;
        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        /** A generated component number %3$d. */
        public final class %2$s {
          private static final Logger log = LoggerFactory.getLogger(%2$s.class);
          private final Map<String, Integer> counts = new HashMap<>();
          private final List<String> names = new ArrayList<>();
          private int total;

          public %2$s(List<String> initial) {
            names.addAll(Objects.requireNonNull(initial, "initial"));
          }

          /** Adds a name and counts it. */
          public int add(String name) {
            if (name == null || name.isBlank()) {
              log.warn("blank name ignored");
              return -1;
            }
            names.add(name);
            total += counts.merge(name, 1, Integer::sum);
            log.debug("added {} ({} so far)", name, total);
            return total;
          }

          /** Process everything once. */
          public void process() {
        %4$s    for (int i = 0; i < names.size(); i++) {
              String n = names.get(i);
              switch (n.length() %% 3) {
                case 0 -> log.info("short {}", n);
                case 1 -> counts.put(n, counts.getOrDefault(n, 0) + 1);
                default -> {
                  StringBuilder b = new StringBuilder();
                  for (char c : n.toCharArray()) {
                    if (Character.isLetter(c)) {
                      b.append(Character.toUpperCase(c));
                    }
                  }
                  names.set(i, b.toString());
                }
              }
            }
            log.info("processed " + names.size() + " names");
          }

          /** The summary as text. */
          public String summary() {
            StringBuilder b = new StringBuilder("summary:");
            counts.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            return b.toString();
          }

          /** Exercise some generic code. */
          static <T extends Comparable<T>> T max(List<T> values) {
            T best = null;
            for (T v : values) {
              if (best == null || v.compareTo(best) > 0) {
                best = v;
              }
            }
            return best;
          }

          /** A record inside. */
          record Pair(String left, int right) {
            Pair {
              Objects.requireNonNull(left);
            }

            int weight() {
              return left.length() * right;
            }
          }

          /** Nested types keep the parser busy. */
          enum Mode {
            FAST,
            SLOW;

            boolean quick() {
              return this == FAST;
            }
          }

          @Override
          public String toString() {
            return "%2$s{" + "total=" + total + ", names=" + names.size() + '}';
          }
        }
        """.formatted(pkg, name, i, extra);
  }
}
