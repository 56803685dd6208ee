package dev.otelboard.cli.verify;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one verify run starts, in order, and what it drives them with. Commands, environment
 * values and readiness URLs may hold {@code ${port:NAME}} placeholders; {@link Ports} fills them
 * in when each process starts.
 *
 * @param services long-running services, started in this order (downstream first) and stopped in
 *     the reverse order
 * @param workload the command that runs to completion while the services run: the plan's driver,
 *     or the command of {@code otelboard verify -- CMD}
 * @param flushWindow how long to wait for late telemetry after everything stopped
 * @param source the plan file, or null when the plan came from the command line
 */
public record VerifyPlan(
    List<ServicePlan> services, Optional<Workload> workload, Duration flushWindow, Path source) {

  /** Default flush window, 2 seconds. */
  public static final Duration DEFAULT_FLUSH_WINDOW = Duration.ofSeconds(2);

  /** Copies the lists. */
  public VerifyPlan {
    services = List.copyOf(services);
    requireNonNull(workload, "workload");
    requireNonNull(flushWindow, "flushWindow");
  }

  /** The service name of a directory: its otelboard.yaml's service_name, else the directory's name. */
  public static String defaultServiceName(Path dir) {
    return ServiceSettings.of(dir).serviceName(dir);
  }

  /** The services telemetry is expected from: every service, and the workload when instrumented. */
  public List<String> expectedServices() {
    List<String> names = new ArrayList<>();
    services.forEach(s -> names.add(s.name()));
    workload.flatMap(Workload::serviceName).ifPresent(names::add);
    return names;
  }

  /** The directory of each expected service, by name. */
  public Map<String, Path> serviceDirectories() {
    Map<String, Path> dirs = new LinkedHashMap<>();
    services.forEach(s -> dirs.put(s.name(), s.dir()));
    workload.ifPresent(w -> w.serviceName().ifPresent(n -> dirs.put(n, w.dir())));
    return dirs;
  }

  /**
   * A long-running service.
   *
   * @param name its service.name, also the output prefix
   * @param dir working directory
   * @param command program and arguments, placeholders unresolved
   * @param env environment on top of the telemetry variables, placeholders unresolved
   * @param readiness how to tell it is ready
   * @param startupTimeout how long it may take to become ready
   * @param stopGrace how long it gets between SIGTERM and SIGKILL
   * @param protocol the OTLP protocol it exports with, or empty for the run's default
   */
  public record ServicePlan(
      String name,
      Path dir,
      List<String> command,
      Map<String, String> env,
      Readiness readiness,
      Duration startupTimeout,
      Duration stopGrace,
      Optional<String> protocol) {
    /** Default startup timeout, 60 seconds. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** Default stop grace period, 10 seconds. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    /** Copies the collections. */
    public ServicePlan {
      requireNonNull(name, "name");
      requireNonNull(dir, "dir");
      command = List.copyOf(command);
      env = Map.copyOf(env);
      requireNonNull(readiness, "readiness");
      requireNonNull(startupTimeout, "startupTimeout");
      requireNonNull(stopGrace, "stopGrace");
      requireNonNull(protocol, "protocol");
    }
  }

  /**
   * The command that runs to completion.
   *
   * @param name output prefix and name in messages ({@code driver}, or the service name)
   * @param dir working directory
   * @param command program and arguments, placeholders unresolved
   * @param env extra environment, placeholders unresolved
   * @param timeout how long it may run
   * @param serviceName when present it is instrumented too (gets the telemetry variables) under
   *     this service.name
   * @param protocol the OTLP protocol it exports with, or empty for the run's default
   */
  public record Workload(
      String name,
      Path dir,
      List<String> command,
      Map<String, String> env,
      Duration timeout,
      Optional<String> serviceName,
      Optional<String> protocol) {
    /** Default timeout, 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** Copies the collections. */
    public Workload {
      requireNonNull(name, "name");
      requireNonNull(dir, "dir");
      command = List.copyOf(command);
      env = Map.copyOf(env);
      requireNonNull(timeout, "timeout");
      requireNonNull(serviceName, "serviceName");
      requireNonNull(protocol, "protocol");
    }
  }

  /**
   * How a service shows it is ready.
   *
   * @param kind what to check
   * @param target the URL (placeholders unresolved) or the regular expression searched in each
   *     output line
   */
  public record Readiness(Kind kind, String target) {
    /** What to check. */
    public enum Kind {
      /** An HTTP GET of the URL answers 2xx. */
      HTTP,
      /** An output line matches the regular expression. */
      LOG,
      /** Ready as soon as it started. */
      NONE
    }

    /** Ready as soon as it started. */
    public static Readiness none() {
      return new Readiness(Kind.NONE, "");
    }
  }
}
