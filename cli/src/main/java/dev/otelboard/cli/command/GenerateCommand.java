package dev.otelboard.cli.command;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.fleet.FleetException;
import dev.otelboard.cli.fleet.FleetReader;
import dev.otelboard.cli.generate.ChartSchema;
import dev.otelboard.cli.generate.Finding;
import dev.otelboard.cli.generate.HelmValuesGenerator;
import dev.otelboard.cli.generate.Stamp;
import dev.otelboard.cli.generate.TransformGenerator;
import dev.otelboard.cli.generate.ValuesCheck;
import dev.otelboard.cli.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otelboard generate}: Helm values for a collector DaemonSet and per-service OTTL rules. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates Helm values for a collector DaemonSet and per-service OTTL transform rules.",
    subcommands = {GenerateCommand.Helm.class, GenerateCommand.Transform.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  otelboard generate helm --fleet examples/otelboard-fleet.yaml --out values.yaml",
      "  otelboard generate transform --fleet examples/otelboard-fleet.yaml --out transform.yaml",
      "  otelboard generate helm --validate values.yaml --chart-schema values.schema.json"
    })
final class GenerateCommand implements Callable<Integer> {
  static final String FLEET_FILE = "otelboard-fleet.yaml";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** Where the services come from: a fleet file or one service directory. */
  static final class Source {
    @Option(
        names = "--fleet",
        paramLabel = "FILE",
        description = "The fleet file listing services and backends (default: ./" + FLEET_FILE
            + " when present).")
    Path fleet;

    @Option(
        names = "--service",
        paramLabel = "DIR",
        description = "One service directory (its otelboard.yaml is read) instead of a fleet.")
    Path service;
  }

  /** Reads the fleet, printing every problem when it is invalid. */
  static Fleet readFleet(Source source, PrintWriter err) {
    try {
      if (source != null && source.fleet != null) {
        return FleetReader.read(source.fleet);
      }
      if (source != null && source.service != null) {
        if (!Files.isDirectory(source.service)) {
          throw new OtelboardException(ExitCode.USAGE, source.service + " is not a directory");
        }
        return FleetReader.readService(source.service);
      }
      Path local = Path.of(FLEET_FILE);
      return Files.isRegularFile(local) ? FleetReader.read(local) : FleetReader.readService(Path.of("."));
    } catch (FleetException e) {
      if (e.problems().size() == 1) {
        throw new OtelboardException(ExitCode.BAD_INPUT, e.problems().get(0), e);
      }
      e.problems().forEach(p -> err.println("otelboard: " + p));
      throw new OtelboardException(ExitCode.BAD_INPUT, e.problems().size()
          + " problems (listed above); nothing was written", e);
    }
  }

  static Path defaultOut(Source source, Fleet fleet, String fileName) {
    if (fleet.source() == null) {
      Path dir = source != null && source.service != null ? source.service : Path.of(".");
      return dir.resolve("deploy").resolve("otel").resolve(fileName);
    }
    return Path.of(fileName);
  }

  static void write(Path out, String text, PrintWriter stdout) {
    if (out.toString().equals("-")) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    try {
      AtomicFiles.write(out, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  /** {@code otelboard generate helm}. */
  @Command(
      name = "helm",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Writes Helm values for the opentelemetry-collector chart: a DaemonSet of the contrib image,"
            + " OTLP receivers, memory_limiter -> k8s_attributes -> filter -> transform -> batch,"
            + " Datadog (API key from a Secret) plus any OTLP backends, every pipeline fanning out"
            + " to every exporter, and each service's OTTL rules.",
        "The output is read back and checked before it is written: the chart's values.schema.json"
            + " (with --chart-schema), the collector config the chart renders, OTTL, credentials."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  otelboard generate helm --fleet examples/otelboard-fleet.yaml --out values.yaml",
        "  otelboard generate helm --service . --site datadoghq.eu    # deploy/otel/values.yaml",
        "  otelboard generate helm --fleet fleet.yaml --out - | less",
        "  otelboard generate helm --validate values.yaml --chart-schema charts/opentelemetry-collector/values.schema.json"
      })
  static final class Helm implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true)
    Source source;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Where to write the values; '-' for stdout (default: values.yaml for a fleet,"
            + " DIR/deploy/otel/values.yaml for a service).")
    Path out;

    @Option(
        names = "--site",
        paramLabel = "SITE",
        description = "Datadog site, e.g. datadoghq.eu or us5.datadoghq.com (default: the fleet's,"
            + " else datadoghq.com).")
    String site;

    @Option(
        names = "--logs-collection",
        description = "Also tail container logs on each node (the chart's logsCollection preset).")
    boolean logsCollection;

    @Option(
        names = "--chart-schema",
        paramLabel = "FILE",
        description = "The chart's values.schema.json to validate against (e.g. from helm pull).")
    Path chartSchema;

    @Option(
        names = "--validate",
        paramLabel = "FILE",
        description = "Check an existing values file instead of generating one; exit 3 on errors.")
    Path validate;

    @Override
    public Integer call() {
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ChartSchema schema = chartSchema == null ? null : loadSchema(chartSchema);
      if (validate != null) {
        return validate(validate, schema, stdout, err);
      }
      Fleet fleet = readFleet(source, err);
      fleet = override(fleet);
      HelmValuesGenerator.Output output = new HelmValuesGenerator(Stamp.currentVersion())
          .generate(fleet, schema);
      Path target = out != null ? out : defaultOut(source, fleet, "values.yaml");
      Path shown = target.toString().equals("-") ? Path.of("values.yaml") : target;
      LocatedYaml doc = LocatedYaml.parse(shown, output.values());
      List<String> described = output.report().describe(doc);
      described.forEach(line -> err.println("otelboard: " + line));
      if (output.report().hasErrors()) {
        throw new OtelboardException(ExitCode.CHECK_FAILED,
            "the generated values fail their checks (listed above); nothing was written");
      }
      write(target, output.values(), stdout);
      for (Map.Entry<String, String> env : output.agentEnvs().entrySet()) {
        Path envFile = target.toString().equals("-") ? Path.of(env.getKey())
            : target.toAbsolutePath().resolveSibling(env.getKey());
        write(envFile, env.getValue(), stdout);
        err.println("otelboard: wrote " + envFile + " (agent-mode env for the Deployment)");
      }
      if (!target.toString().equals("-")) {
        err.println("otelboard: wrote " + target + " for " + fleet.services().size()
            + " service(s)" + (schema == null ? "; chart schema not checked (pass --chart-schema)"
                : "; valid against " + schema.source()));
      }
      return ExitCode.OK;
    }

    private Fleet override(Fleet fleet) {
      Fleet.Datadog dd = fleet.datadog();
      if (site != null && dd != null) {
        dd = new Fleet.Datadog(site, dd.apiKey(), dd.apmStats());
      }
      Fleet.Collector c = fleet.collector();
      if (logsCollection) {
        c = new Fleet.Collector(c.imageRepository(), c.imageTag(), c.resources(), true);
      }
      return new Fleet(fleet.name(), c, dd, fleet.backends(), fleet.services(), fleet.source());
    }

    private static int validate(Path file, ChartSchema schema, PrintWriter stdout,
        PrintWriter err) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
      }
      LocatedYaml doc = LocatedYaml.parse(file, text);
      ValuesCheck.Report report = ValuesCheck.check(doc, text, schema);
      report.describe(doc).forEach(stdout::println);
      stdout.flush();
      if (schema == null) {
        err.println("otelboard: chart schema not checked (pass --chart-schema)");
      }
      long errors = report.findings().stream()
          .filter(f -> f.severity() == Finding.Severity.ERROR).count();
      if (errors > 0) {
        throw OtelboardException.badInput(file, 0, errors + " error(s) found (listed on stdout)");
      }
      err.println("otelboard: " + file + " is valid");
      return ExitCode.OK;
    }

    private static ChartSchema loadSchema(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new OtelboardException(ExitCode.USAGE, file + ": no such file");
      }
      try {
        return ChartSchema.load(file);
      } catch (UncheckedIOException | IllegalArgumentException e) {
        throw OtelboardException.badInput(file, 0, "not a JSON schema: " + e.getMessage());
      }
    }
  }

  /** {@code otelboard generate transform}. */
  @Command(
      name = "transform",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Writes the per-service transform and filter processors (OTTL) on their own: parse JSON log"
            + " bodies, lift trace/span ids that legacy loggers write into the log record's trace"
            + " context, set service.namespace and the deployment environment, redact or hash"
            + " attributes, drop health-check spans and logs. Each rule is guarded by the"
            + " service's resource.attributes[\"service.name\"]."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  otelboard generate transform --fleet examples/otelboard-fleet.yaml --out transform.yaml",
        "  otelboard generate transform --service .          # deploy/otel/transform.yaml",
        "  otelboard generate transform --out -              # print it"
      })
  static final class Transform implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true)
    Source source;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Where to write the rules; '-' for stdout (default: transform.yaml for a fleet,"
            + " DIR/deploy/otel/transform.yaml for a service).")
    Path out;

    @Override
    public Integer call() {
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Fleet fleet = readFleet(source, err);
      TransformGenerator.Output output = new TransformGenerator(Stamp.currentVersion())
          .generate(fleet);
      output.findings().forEach(f -> err.println("otelboard: " + f));
      if (!output.findings().isEmpty()) {
        throw new OtelboardException(ExitCode.CHECK_FAILED,
            "the generated rules fail their checks (listed above); nothing was written");
      }
      Path target = out != null ? out : defaultOut(source, fleet, "transform.yaml");
      write(target, output.text(), stdout);
      if (!target.toString().equals("-")) {
        err.println("otelboard: wrote " + target + " for " + fleet.services().size()
            + " service(s)");
      }
      return ExitCode.OK;
    }
  }
}
