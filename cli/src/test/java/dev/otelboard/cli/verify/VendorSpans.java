package dev.otelboard.cli.verify;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.otelboard.cli.rewrite.TagNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The spans a service in the style of a vendor-instrumented app makes, read from its original
 * source (before onboard), and the spans a verify run's HTML report shows: what the framework
 * matrix compares to prove a migration kept every span, by name, with its tags as attributes.
 */
final class VendorSpans {
  private static final String TRACE = "datadog.trace.api.Trace";
  private static final Pattern SPAN_ROW = Pattern.compile(
      "<span class=\"kind\">([^<]*)</span> <details><summary>([^<]*)</summary>"
          + "<div class=\"muted\">([^<]*?) span [0-9a-f]+[^<]*</div>(<table class=\"attrs\">.*?"
          + "</table>)?</details>");
  private static final Pattern ATTRIBUTE = Pattern.compile("<tr><td>([^<]*)</td><td>");

  private VendorSpans() {}

  /** A span seen in a run: its service, kind, name and attribute keys. */
  record Seen(String service, String kind, String name, Set<String> attributes) {}

  /**
   * The spans the vendor tracer made in {@code service}'s code, by name, each with the attribute
   * keys its tags become: {@code @Trace} methods (named by operationName, else {@code
   * Class.method}; resourceName is {@code resource.name}), OpenTracing {@code buildSpan}
   * spans with their {@code withTag}/{@code setTag}/{@code Tags.X.set} keys, and Brave/Sleuth
   * {@code nextSpan().name(..)} spans with their {@code tag} keys.
   */
  static Map<String, Set<String>> expected(Path service) throws IOException {
    Map<String, Set<String>> spans = new LinkedHashMap<>();
    JavaParser parser = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    for (Path file : javaFiles(service)) {
      CompilationUnit unit = parser.parse(file).getResult().orElseThrow();
      boolean importsTrace = unit.getImports().stream()
          .anyMatch(i -> i.getNameAsString().equals(TRACE));
      for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
          String name = annotation.getNameAsString();
          if (name.equals(TRACE) || name.equals("Trace") && importsTrace) {
            traced(method, annotation, spans);
          }
        }
      }
      for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
        if (call.getNameAsString().equals("buildSpan")
            && call.getArgument(0) instanceof StringLiteralExpr spanName) {
          Set<String> attributes = spans.computeIfAbsent(spanName.getValue(),
              k -> new LinkedHashSet<>());
          tags(call, attributes);
        }
        // Brave and Sleuth: tracer.nextSpan().name("x").tag(k, v).start().
        if (call.getNameAsString().equals("name") && call.getArguments().size() == 1
            && call.getArgument(0) instanceof StringLiteralExpr spanName
            && call.getScope().orElse(null) instanceof MethodCallExpr next
            && Set.of("nextSpan", "newTrace").contains(next.getNameAsString())) {
          Set<String> attributes = spans.computeIfAbsent(spanName.getValue(),
              k -> new LinkedHashSet<>());
          tags(call, attributes);
        }
      }
    }
    return spans;
  }

  /** Whether any of {@code service}'s sources imports a vendor tracer's API. */
  static List<String> vendorImports(Path service) throws IOException {
    List<String> found = new ArrayList<>();
    JavaParser parser = new JavaParser();
    for (Path file : javaFiles(service)) {
      for (ImportDeclaration imp : parser.parse(file).getResult().orElseThrow().getImports()) {
        String name = imp.getNameAsString();
        if (name.startsWith("datadog.") || name.startsWith("io.opentracing")
            || name.startsWith("brave.") || name.startsWith("org.springframework.cloud.sleuth")) {
          found.add(service.relativize(file) + ": " + name);
        }
      }
    }
    return found;
  }

  /** Every span row of a verify HTML report. */
  static List<Seen> seen(Path html) throws IOException {
    List<Seen> spans = new ArrayList<>();
    Matcher row = SPAN_ROW.matcher(Files.readString(html));
    while (row.find()) {
      Set<String> attributes = new LinkedHashSet<>();
      Matcher attribute = ATTRIBUTE.matcher(row.group(4) == null ? "" : row.group(4));
      while (attribute.find()) {
        attributes.add(attribute.group(1));
      }
      spans.add(new Seen(row.group(3), row.group(1), row.group(2), attributes));
    }
    return spans;
  }

  private static void traced(MethodDeclaration method, AnnotationExpr annotation,
      Map<String, Set<String>> spans) {
    String name = method.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString())
        .orElse("") + "." + method.getNameAsString();
    Set<String> attributes = new LinkedHashSet<>();
    if (annotation instanceof NormalAnnotationExpr normal) {
      for (var pair : normal.getPairs()) {
        if (pair.getNameAsString().equals("operationName")
            && pair.getValue() instanceof StringLiteralExpr operation) {
          name = operation.getValue();
        }
        if (pair.getNameAsString().equals("resourceName")) {
          attributes.add("resource.name");
        }
      }
    }
    spans.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(attributes);
  }

  /**
   * The tag keys of a buildSpan chain and of {@code setTag} and {@code Tags.X.set} calls on the
   * span it is stored in.
   */
  private static void tags(MethodCallExpr buildSpan, Set<String> attributes) {
    Node at = buildSpan;
    while (at.getParentNode().orElse(null) instanceof MethodCallExpr outer
        && outer.getScope().orElse(null) == at) {
      if (outer.getNameAsString().equals("withTag") || outer.getNameAsString().equals("tag")) {
        key(outer.getArgument(0)).ifPresent(attributes::add);
      }
      at = outer;
    }
    if (!(at.getParentNode().orElse(null) instanceof VariableDeclarator span)) {
      return;
    }
    MethodDeclaration method = span.findAncestor(MethodDeclaration.class).orElseThrow();
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      if ((call.getNameAsString().equals("setTag") || call.getNameAsString().equals("tag"))
          && call.getScope().orElse(null) instanceof NameExpr scope
          && scope.getNameAsString().equals(span.getNameAsString())) {
        key(call.getArgument(0)).ifPresent(attributes::add);
      }
      // Tags.COMPONENT.set(span, value): the tag constant is the call's receiver.
      if (call.getNameAsString().equals("set") && call.getArguments().size() == 2
          && call.getArgument(0) instanceof NameExpr target
          && target.getNameAsString().equals(span.getNameAsString())
          && call.getScope().orElse(null) instanceof FieldAccessExpr tag) {
        key(tag).ifPresent(attributes::add);
      }
    }
  }

  /** The attribute a tag key becomes; none for the span kind and the error flag. */
  private static Optional<String> key(Expression key) {
    Optional<String> tag = key instanceof StringLiteralExpr literal
        ? Optional.of(literal.getValue())
        : key instanceof FieldAccessExpr field
            ? TagNames.constant(field.getScope().toString(), field.getNameAsString())
            : Optional.empty();
    return tag.filter(t -> !t.equals("span.kind") && !t.equals("error"))
        .filter(t -> TagNames.dropped(t).isEmpty()).map(TagNames::attribute);
  }

  private static List<Path> javaFiles(Path service) throws IOException {
    Path sources = service.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
