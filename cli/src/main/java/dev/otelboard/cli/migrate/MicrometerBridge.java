package dev.otelboard.cli.migrate;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Micrometer Tracing on Brave becomes Micrometer Tracing on OpenTelemetry, in the pom alone: the
 * {@code io.micrometer:micrometer-tracing-bridge-brave} dependency becomes {@code
 * micrometer-tracing-bridge-otel} (same version element, same release train), and Zipkin's
 * reporter for Brave ({@code io.zipkin.reporter2:zipkin-reporter-brave}) becomes {@code
 * io.opentelemetry:opentelemetry-exporter-otlp}, the exporter Spring Boot 3 configures from {@code
 * management.otlp.tracing.*}. Code written against the Micrometer Tracing or Observation API
 * stays as it is; only the tracer behind it changes. Each edit replaces the text of one element,
 * so the rest of the pom is kept byte for byte, and a second run finds nothing to do.
 */
public final class MicrometerBridge {
  /** The rewrite id the swap is reported under. */
  public static final RewriteId ID = RewriteId.MICROMETER_BRIDGE;

  private static final String MICROMETER = "io.micrometer";
  private static final String BRAVE_BRIDGE = "micrometer-tracing-bridge-brave";
  private static final String OTEL_BRIDGE = "micrometer-tracing-bridge-otel";
  private static final String ZIPKIN_GROUP = "io.zipkin.reporter2";
  private static final String ZIPKIN_BRAVE = "zipkin-reporter-brave";

  private MicrometerBridge() {}

  /**
   * One element replaced.
   *
   * @param line the line of the dependency in the pom before the swap
   * @param what what changed, for onboard's summary
   */
  public record Edit(int line, String what) {}

  /** The pom after the swap, and what changed; nothing when it has no Brave bridge. */
  public record Swap(String pom, List<Edit> edits) {}

  /** Whether {@code pom} declares Micrometer Tracing's Brave bridge in its dependencies. */
  public static boolean bridgesToBrave(String pom) throws XmlParseException {
    return dependency(XmlTree.parse(pom), MICROMETER, BRAVE_BRIDGE).isPresent();
  }

  /**
   * Swaps the Brave bridge (and Zipkin's Brave reporter) for OpenTelemetry's.
   *
   * @param pom the pom's text
   * @param bootManaged whether Spring Boot's dependency management gives the exporter's version
   *     (otherwise {@code otelVersion} is written)
   * @param otelVersion the version (or property reference) for opentelemetry-exporter-otlp
   */
  public static Optional<Swap> swap(String pom, boolean bootManaged, String otelVersion)
      throws XmlParseException {
    XmlTree tree = XmlTree.parse(pom);
    Optional<Element> bridge = dependency(tree, MICROMETER, BRAVE_BRIDGE);
    if (bridge.isEmpty()) {
      return Optional.empty();
    }
    // Replaced from the end, so earlier offsets stay valid.
    List<int[]> ranges = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Edit> edits = new ArrayList<>();
    Element artifact = bridge.get().child("artifactId").orElseThrow();
    ranges.add(new int[] {artifact.startTagEnd(), artifact.endTagStart()});
    texts.add(OTEL_BRIDGE);
    edits.add(new Edit(bridge.get().line(), "io.micrometer:" + BRAVE_BRIDGE + " -> "
        + OTEL_BRIDGE + ": Micrometer Tracing now records with OpenTelemetry"));
    Optional<Element> reporter = dependency(tree, ZIPKIN_GROUP, ZIPKIN_BRAVE);
    if (reporter.isPresent()) {
      Element r = reporter.get();
      Element group = r.child("groupId").orElseThrow();
      Element id = r.child("artifactId").orElseThrow();
      ranges.add(new int[] {group.startTagEnd(), group.endTagStart()});
      texts.add("io.opentelemetry");
      ranges.add(new int[] {id.startTagEnd(), id.endTagStart()});
      texts.add("opentelemetry-exporter-otlp");
      Optional<Element> version = r.child("version");
      if (version.isPresent()) {
        ranges.add(new int[] {version.get().start(), version.get().end()});
        texts.add(bootManaged ? "" : "<version>" + otelVersion + "</version>");
      }
      edits.add(new Edit(r.line(), ZIPKIN_GROUP + ":" + ZIPKIN_BRAVE + " -> io.opentelemetry:"
          + "opentelemetry-exporter-otlp: spans leave over OTLP (set "
          + "management.otlp.tracing.endpoint)"));
    }
    StringBuilder out = new StringBuilder(pom);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(ranges.get(b)[0], ranges.get(a)[0]));
    for (int i : order) {
      int start = ranges.get(i)[0];
      int end = ranges.get(i)[1];
      if (texts.get(i).isEmpty()) {
        // A removed <version> line goes with its indentation and line break.
        while (start > 0 && (out.charAt(start - 1) == ' ' || out.charAt(start - 1) == '\t')) {
          start--;
        }
        if (end < out.length() && out.charAt(end) == '\r') {
          end++;
        }
        if (end < out.length() && out.charAt(end) == '\n') {
          end++;
        }
      }
      out.replace(start, end, texts.get(i));
    }
    return Optional.of(new Swap(out.toString(), List.copyOf(edits)));
  }

  private static Optional<Element> dependency(XmlTree tree, String groupId, String artifactId) {
    Optional<Element> dependencies = tree.root().child("dependencies");
    if (dependencies.isEmpty()) {
      return Optional.empty();
    }
    for (Element d : dependencies.get().children("dependency")) {
      if (d.child("groupId").map(tree::textOf).orElse("").strip().equals(groupId)
          && d.child("artifactId").map(tree::textOf).orElse("").strip().equals(artifactId)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
