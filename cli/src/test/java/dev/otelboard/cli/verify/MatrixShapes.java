package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FrameworkMatrixIT}'s choice of shapes to run and its check that SERVER spans are named as
 * the javaagent names them, apart so the IT stays about onboarding, building and verifying.
 */
final class MatrixShapes {
  private static final String SHAPE_TEST = "anOnboardedShapeCorrelatesItsLogsAndTracesAcrossServices";
  /**
   * A comma-separated subset of the shapes to run while iterating on one ({@code
   * -Dotelboard.matrix.shapes=tomcat-log4j2}); unset or blank: all of them. The others are skipped
   * (reported as such), the renamed fixture too unless its shape is selected.
   */
  static final String SELECTED_SHAPES = "otelboard.matrix.shapes";
  /**
   * Shapes whose code-mode SERVER spans are named differently from the javaagent's (the span name
   * is the method and {@code http.route}), with the reason. A shape listed here whose names match
   * fails, so the list cannot go stale.
   */
  private static final Map<String, String> ROUTE_GAPS = Map.of();

  private MatrixShapes() {}

  /** The shapes of the parameterized test: one list, in its {@code @ValueSource}. */
  static List<String> listed() throws NoSuchMethodException {
    return List.of(FrameworkMatrixIT.class.getDeclaredMethod(SHAPE_TEST, String.class)
        .getAnnotation(ValueSource.class).strings());
  }

  /** Whether {@code shape} runs: every shape unless {@value #SELECTED_SHAPES} names some. */
  static boolean selected(String shape) {
    String names = System.getProperty(SELECTED_SHAPES, "").strip();
    return names.isEmpty() || List.of(names.split("\\s*,\\s*")).contains(shape);
  }

  /**
   * Each service's SERVER spans have the names the javaagent gives the un-onboarded copy: the
   * method and {@code http.route} (the matched servlet mapping, Spring MVC pattern or JAX-RS
   * template), or the shape's difference is listed in {@link #ROUTE_GAPS}. The spans are read from
   * the HTML reports of the code-mode and agent-mode verify runs.
   */
  static void assertServerSpansNamedAsTheAgentNamesThem(String shape, Path codeReport,
      Path agentReport) throws IOException {
    Map<String, Set<String>> codeNames = serverSpanNames(codeReport);
    Map<String, Set<String>> agentNames = serverSpanNames(agentReport);
    codeNames.forEach((service, names) -> System.out.printf(Locale.ROOT,
        "framework matrix %s: %-12s SERVER spans %s | agent %s%n", shape, service, names,
        agentNames.getOrDefault(service, Set.of())));
    String gap = ROUTE_GAPS.get(shape);
    if (gap == null) {
      assertThat(codeNames).as(shape + ": SERVER span names (method and http.route) in code mode "
          + "against the javaagent's; if this is a known gap, list it in ROUTE_GAPS")
          .isEqualTo(agentNames);
    } else {
      assertThat(codeNames).as(shape + " is listed in ROUTE_GAPS (" + gap + ") but its SERVER "
          + "spans are named as the agent names them: remove it").isNotEqualTo(agentNames);
    }
  }

  private static Map<String, Set<String>> serverSpanNames(Path html) throws IOException {
    Map<String, Set<String>> names = new java.util.TreeMap<>();
    for (VendorSpans.Seen s : VendorSpans.seen(html)) {
      if (s.kind().equals("SERVER")) {
        names.computeIfAbsent(s.service(), k -> new java.util.TreeSet<>()).add(s.name());
      }
    }
    return names;
  }
}
