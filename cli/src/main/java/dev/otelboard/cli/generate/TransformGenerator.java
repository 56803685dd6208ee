package dev.otelboard.cli.generate;

import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.fleet.Fleet.Service;
import dev.otelboard.cli.fleet.SecretScanner;
import dev.otelboard.cli.generate.CollectorModel.Config;
import dev.otelboard.cli.generate.CollectorModel.FilterProcessor;
import dev.otelboard.cli.generate.CollectorModel.ServiceRules;
import dev.otelboard.cli.generate.CollectorModel.TransformProcessor;
import dev.otelboard.collector.ottl.OttlConfigValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates {@code transform.yaml}: the per-service transform and filter processors on their
 * own, for collectors configured without the Helm chart and for the sandbox collector. Read back
 * and validated like the values file.
 */
public final class TransformGenerator {
  private final TemplateRenderer renderer = new TemplateRenderer();
  private final String version;

  /** A generator stamping files with {@code version}. */
  public TransformGenerator(String version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  /**
   * The generated file.
   *
   * @param text the transform.yaml text
   * @param findings problems found when reading it back (empty unless otelboard has a bug)
   */
  public record Output(String text, List<Finding> findings) {}

  /** Renders and checks the rules of every service of {@code fleet}. */
  public Output generate(Fleet fleet) {
    List<ServiceRules> rules = fleet.services().stream().map(TransformRules::of).toList();
    List<TransformProcessor> transforms = rules.stream().map(ServiceRules::transform)
        .filter(Objects::nonNull).sorted(Comparator.comparing(TransformProcessor::id)).toList();
    List<FilterProcessor> filters = rules.stream().map(ServiceRules::filter)
        .filter(Objects::nonNull).sorted(Comparator.comparing(FilterProcessor::id)).toList();
    Config config = new Config(List.of(), List.of(), false, null, false, List.of(), transforms,
        filters, List.of());
    String text = renderer.render("transform/transform.yaml.ftl", Map.of(
        "stamp", Stamp.line(version),
        "services", fleet.services().stream().map(Service::name).toList(),
        "c", config));
    LocatedYaml doc = LocatedYaml.parse(Path.of("transform.yaml"), text);
    RoundTrip.verifyTransformFile(doc, config);
    List<Finding> findings = new ArrayList<>();
    Map<String, Object> processors = CollectorConfigChecker.map(
        CollectorConfigChecker.map(doc.root()).get("processors"));
    for (Map.Entry<String, Object> p : processors.entrySet()) {
      Map<String, Object> body = CollectorConfigChecker.map(p.getValue());
      List<OttlConfigValidator.Problem> problems = p.getKey().startsWith("filter/")
          ? OttlConfigValidator.checkFilter(body) : OttlConfigValidator.checkTransform(body);
      for (OttlConfigValidator.Problem problem : problems) {
        findings.add(Finding.error("processors." + p.getKey() + "." + problem.path(),
            problem.toString()));
      }
    }
    for (SecretScanner.Finding s : SecretScanner.scan(text)) {
      findings.add(Finding.error("", "line " + s.line() + ": " + s.reason()));
    }
    return new Output(text, findings);
  }
}
