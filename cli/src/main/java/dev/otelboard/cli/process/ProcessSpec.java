package dev.otelboard.cli.process;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What to run: the command, its directory, the environment changes on top of otelboard's own
 * environment, where its output goes and who listens to its lines. Immutable; made with {@link
 * #builder(List)}.
 */
public final class ProcessSpec {
  private final String name;
  private final List<String> command;
  private final Path directory;
  private final Map<String, String> environment;
  private final Set<String> removedEnvironment;
  private final ProcessOutput output;
  private final List<Consumer<String>> lineListeners;

  private ProcessSpec(Builder b) {
    this.name = b.name;
    this.command = List.copyOf(b.command);
    this.directory = b.directory;
    this.environment = Map.copyOf(b.environment);
    this.removedEnvironment = Set.copyOf(b.removedEnvironment);
    this.output = b.output;
    this.lineListeners = List.copyOf(b.lineListeners);
  }

  /** A builder for running {@code command} (program and arguments, no shell involved). */
  public static Builder builder(List<String> command) {
    return new Builder(command);
  }

  /** The short name used in output prefixes and messages, e.g. {@code checkout-service}. */
  public String name() {
    return name;
  }

  /** Program and arguments. */
  public List<String> command() {
    return command;
  }

  /** The working directory. */
  public Path directory() {
    return directory;
  }

  /** Variables set on top of the inherited environment. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Inherited variables the child must not see. */
  public Set<String> removedEnvironment() {
    return removedEnvironment;
  }

  /** Where stdout and stderr (merged) go. */
  public ProcessOutput output() {
    return output;
  }

  List<Consumer<String>> lineListeners() {
    return lineListeners;
  }

  /** The command as one line for messages, arguments with spaces quoted. */
  public String commandLine() {
    StringBuilder sb = new StringBuilder();
    for (String arg : command) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(arg));
    }
    return sb.toString();
  }

  /** {@link #commandLine()} with arguments over 60 characters (class paths) cut short, for progress lines. */
  public String shortCommandLine() {
    StringBuilder sb = new StringBuilder();
    for (String arg : command) {
      String shown = arg.length() > 60 ? arg.substring(0, 28) + "..." + arg.substring(arg.length() - 28) : arg;
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(shown));
    }
    return sb.toString();
  }

  private static String quote(String arg) {
    return arg.isEmpty() || arg.matches(".*[\\s\"'$`\\\\].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg;
  }

  /** Options of one run; each setter validates its argument. */
  public static final class Builder {
    private final List<String> command;
    private String name;
    private Path directory = Path.of("").toAbsolutePath();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Set<String> removedEnvironment = new LinkedHashSet<>();
    private ProcessOutput output = ProcessOutput.discard();
    private final List<Consumer<String>> lineListeners = new ArrayList<>();

    Builder(List<String> command) {
      requireNonNull(command, "command");
      if (command.isEmpty() || command.get(0).isBlank()) {
        throw new IllegalArgumentException("command must name a program");
      }
      this.command = new ArrayList<>(command);
      this.name = Path.of(command.get(0)).getFileName().toString();
    }

    /** Short name for prefixes and messages; defaults to the program's file name. */
    public Builder setName(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** Working directory; defaults to otelboard's. */
    public Builder setDirectory(Path directory) {
      this.directory = requireNonNull(directory, "directory").toAbsolutePath().normalize();
      return this;
    }

    /** Sets one environment variable for the child. */
    public Builder putEnvironment(String key, String value) {
      requireNonNull(key, "key");
      requireNonNull(value, "value");
      removedEnvironment.remove(key);
      environment.put(key, value);
      return this;
    }

    /** Sets several environment variables for the child. */
    public Builder putAllEnvironment(Map<String, String> variables) {
      requireNonNull(variables, "variables").forEach(this::putEnvironment);
      return this;
    }

    /** Hides an inherited environment variable from the child (unless set again afterwards). */
    public Builder removeEnvironment(String key) {
      requireNonNull(key, "key");
      environment.remove(key);
      removedEnvironment.add(key);
      return this;
    }

    /** Where output goes; defaults to {@link ProcessOutput#discard()}. */
    public Builder setOutput(ProcessOutput output) {
      this.output = requireNonNull(output, "output");
      return this;
    }

    /**
     * Calls {@code listener} with every output line (stdout and stderr merged), on the thread that
     * reads the output: keep it quick and never let it throw.
     */
    public Builder addLineListener(Consumer<String> listener) {
      lineListeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /** The immutable spec. */
    public ProcessSpec build() {
      return new ProcessSpec(this);
    }
  }
}
