package dev.otelboard.cli.ottl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelboard.cli.interop.ReferenceTools;
import dev.otelboard.cli.interop.ReferenceTools.Run;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlProblem;
import dev.otelboard.collector.ottl.OttlSignal;
import dev.otelboard.collector.ottl.OttlValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Differential OTTL: every statement of {@link OttlValidatorTest}'s corpus goes through our
 * validator and through the reference collector's own parser (the transform processor 0.158.0,
 * via {@code ottlcheck}, which validates the whole batch in one process). Where the verdicts
 * differ, or both reject a statement but the collector names another column, that is a
 * divergence. There must be none: the divergences found are listed in
 * {@code target/ottl-differential.txt} and fail the test.
 */
@Tag("integration")
class OttlDifferentialIT {
  private static final Path REPORT = Path.of("target/ottl-differential.txt");
  private static final Path GENERATED_REPORT = Path.of("target/ottl-differential-generated.txt");
  /** participle's position prefix in the collector's syntax errors, e.g. {@code 1:15: unexpected}. */
  private static final Pattern POSITION = Pattern.compile("\\b1:(\\d+): ");

  @TempDir Path tmp;

  /** One statement and where it is checked: a flat entry of a signal's list, or a group's context. */
  record Case(String statement, OttlSignal signal, OttlContext context) {
    String where() {
      return context != null ? "context " + context.id() : signal.statementsKey();
    }

    String signalName() {
      if (signal != null) {
        return signal.name().toLowerCase(Locale.ROOT);
      }
      return switch (context) {
        case SPAN, SPANEVENT -> "traces";
        case METRIC, DATAPOINT -> "metrics";
        default -> "logs";
      };
    }
  }

  @Test
  void ourValidatorAgreesWithTheReferenceCollectorsParser() throws Exception {
    assertThat(compare("corpus", corpus(), REPORT)).as("divergences (see %s)", REPORT).isEmpty();
  }

  /**
   * The generated corpus: every function the transform processor 0.158.0 registers, in every
   * context that registers it (read from the collector itself), called in several ways.
   */
  @Test
  void ourValidatorAgreesOnEveryRegisteredFunctionInEveryContext() throws Exception {
    Run registry = ReferenceTools.run(tmp, Map.of(), Duration.ofMinutes(1),
        List.of(ottlcheck().toString(), "-functions"));
    assertThat(registry.exitCode()).as(registry.describe()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<GeneratedOttlCorpus.Function> functions = new ArrayList<>();
    Set<String> contexts = new TreeSet<>();
    for (String line : registry.output()) {
      if (line.startsWith("{")) {
        JsonNode node = json.readTree(line);
        contexts.add(node.path("context").asText());
        GeneratedOttlCorpus.Function f = GeneratedOttlCorpus.function(node);
        if (f != null) {
          functions.add(f);
        }
      }
    }
    assertThat(contexts).as("contexts the transform processor registers functions in")
        .containsAll(Stream.of(OttlContext.values()).map(OttlContext::id).toList());
    assertThat(functions).as("functions per context").hasSizeGreaterThan(7 * 100);
    List<Case> cases = new ArrayList<>();
    functions.forEach(f -> cases.addAll(GeneratedOttlCorpus.cases(f)));
    System.err.println("generated OTTL corpus: " + cases.size() + " statements over "
        + GeneratedOttlCorpus.coverage(functions) + " functions per context");
    assertThat(compare("generated corpus", cases, GENERATED_REPORT))
        .as("divergences (see %s)", GENERATED_REPORT).isEmpty();
  }

  private static Path ottlcheck() {
    Path ottlcheck = ReferenceTools.otelcol().resolveSibling("ottlcheck");
    assertThat(ottlcheck).as("ottlcheck is built beside the collector by interop/otelcol/build.sh")
        .isExecutable();
    return ottlcheck;
  }

  /** Runs {@code cases} through ottlcheck (one process) and ours; returns the divergences. */
  private Set<String> compare(String label, List<Case> cases, Path reportFile) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path input = tmp.resolve(label.replace(' ', '-') + ".jsonl");
    List<String> lines = new ArrayList<>();
    for (Case c : cases) {
      lines.add(json.writeValueAsString(Map.of("signal", c.signalName(),
          "context", c.context() == null ? "" : c.context().id(), "statement", c.statement())));
    }
    Files.write(input, lines);
    Run run = ReferenceTools.run(tmp, Map.of(), Duration.ofMinutes(3),
        List.of(ottlcheck().toString(), input.toString()));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<String> verdicts = run.output().stream().filter(l -> l.startsWith("{")).toList();
    assertThat(verdicts).as(run.describe()).hasSize(cases.size());

    List<String> report = new ArrayList<>();
    Set<String> divergences = new TreeSet<>();
    int agree = 0;
    int valid = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode real = json.readTree(verdicts.get(i));
      boolean realOk = real.path("ok").asBoolean();
      String realError = real.path("error").asText("");
      List<OttlProblem> ours = c.context() != null
          ? OttlValidator.checkStatement(c.statement(), c.context())
          : OttlValidator.checkStatement(c.statement(), c.signal());
      boolean ourOk = ours.isEmpty();
      String key = c.where() + "\t" + c.statement();
      if (ourOk != realOk) {
        divergences.add("verdict\t" + key);
        report.add("VERDICT  " + key + "\n  ours: " + (ourOk ? "valid" : ours.get(0))
            + "\n  otelcol 0.158.0: " + (realOk ? "valid" : realError));
        continue;
      }
      agree++;
      valid += realOk ? 1 : 0;
      if (!ourOk) {
        Matcher m = POSITION.matcher(realError);
        if (m.find() && Integer.parseInt(m.group(1)) != ours.get(0).column()) {
          divergences.add("column\t" + key);
          report.add("COLUMN   " + key + "\n  ours: " + ours.get(0) + "\n  otelcol 0.158.0: "
              + realError);
        }
      }
    }
    report.add(0, "differential OTTL (" + label + "), otelboard's validator vs the transform"
        + " processor 0.158.0: " + agree + " of " + cases.size() + " verdicts agree (" + valid
        + " valid, " + (agree - valid) + " invalid); " + divergences.size() + " divergences");
    Files.createDirectories(reportFile.getParent());
    Files.write(reportFile, report);
    System.err.println(String.join("\n", report.subList(0, Math.min(report.size(), 60))));
    return divergences;
  }

  /** The statements of OttlValidatorTest, each with the signal or context it is checked in. */
  private static List<Case> corpus() {
    List<Case> out = new ArrayList<>();
    Stream.of(OttlValidatorTest.documentedStatements(), OttlValidatorTest.legacyContextStatements(),
        OttlValidatorTest.brokenStatements()).flatMap(s -> s).map(Arguments::get).forEach(args -> {
          String statement = (String) ((Named<?>) args[0]).getPayload();
          if (args[1] instanceof OttlSignal signal) {
            out.add(new Case(statement, signal, null));
          } else {
            out.add(new Case(statement, null, (OttlContext) args[1]));
          }
        });
    return out;
  }
}
