package dev.otelboard.cli.verify;

import dev.otelboard.cli.ExitCode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.config.LocatedYaml;
import dev.otelboard.cli.ottl.OttlFileCheck;
import dev.otelboard.collector.processor.OttlProcessors;
import dev.otelboard.collector.processor.Processor;
import dev.otelboard.collector.processor.Unsupported;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the OTTL processors verify runs in its collector: the {@code processors:} block of
 * {@code otelboard generate transform}'s output, or {@code config.processors} of a Helm values file.
 */
public final class TransformFile {
  private TransformFile() {}

  /**
   * The processors of a file and what of them the sandbox does not run.
   *
   * @param processors the filter and transform processors, in file order
   * @param notRun one line per statement or condition the sandbox skips: {@code file:line: path:
   *     `statement` is not run by the sandbox: why}
   */
  public record Loaded(List<Processor> processors, List<String> notRun) {
    /** Copies the lists. */
    public Loaded {
      processors = List.copyOf(processors);
      notRun = List.copyOf(notRun);
    }

    /**
     * The processors when the sandbox runs all of {@code file}; otherwise, unless
     * {@code allowPartial}, bad input (exit 3) listing each statement it would skip.
     */
    public List<Processor> requireComplete(Path file, boolean allowPartial) {
      if (!notRun.isEmpty() && !allowPartial) {
        throw new OtelboardException(ExitCode.BAD_INPUT, file + ": " + notRun.size()
            + " statement(s) the sandbox cannot run, so verify would not run what production"
            + " runs (--allow-partial-transform runs the rest and lists these in the verdict):\n"
            + String.join("\n", notRun));
      }
      return processors;
    }
  }

  /** The filter and transform processors of {@code file}; bad input is exit 3 naming file:line. */
  public static List<Processor> processors(Path file) {
    return load(file).processors();
  }

  /** Reads {@code file}'s processors and locates each statement the sandbox would not run. */
  public static Loaded load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
    LocatedYaml doc = LocatedYaml.parse(file, text);
    OttlFileCheck.ProcessorsBlock block = OttlFileCheck.processorsBlock(doc).orElseThrow(() ->
        OtelboardException.badInput(file, 0, "no processors: block (nor config.processors:)"));
    Map<?, ?> processors = block.byId();
    int line = doc.line(block.path());
    List<Processor> result;
    try {
      result = OttlProcessors.fromProcessorsBlock(processors);
    } catch (IllegalArgumentException e) {
      throw OtelboardException.badInput(file, line, e.getMessage());
    }
    if (result.isEmpty()) {
      throw OtelboardException.badInput(file, line, "no filter/ or transform/ processor in it");
    }
    List<String> notRun = new ArrayList<>();
    for (Processor p : result) {
      for (Unsupported u : p.unsupported()) {
        notRun.add(locate(doc, block, p, u));
      }
    }
    return new Loaded(result, notRun);
  }

  private static String locate(LocatedYaml doc, OttlFileCheck.ProcessorsBlock block, Processor p,
      Unsupported u) {
    return doc.locate(block.path() + "." + p.name() + "." + u.path(), "`" + u.text()
        + "` is not run by the sandbox: " + u.why());
  }
}
