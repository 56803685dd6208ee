package dev.otelboard.cli.scan;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.buildfile.PomEditor;
import dev.otelboard.cli.buildfile.SpringBootVersion;
import dev.otelboard.cli.catalog.HttpLibraries;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import dev.otelboard.cli.catalog.LibraryCategory;
import dev.otelboard.cli.catalog.Onboarding;
import dev.otelboard.cli.config.OtelboardConfig;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.Rewrites;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What {@code otelboard onboard} will cover, forecast before anything runs: per service, each
 * inbound entry point (HTTP server framework, message consumer) and outbound client (HTTP client,
 * message producer) with the rewrite, the Spring Boot starter or the javaagent that will
 * instrument it, or why nothing will. Derived from the scan's findings and the catalog's {@link
 * Onboarding} of each library, so a library or rewrite added to the catalog shows up here as is.
 *
 * @param services one forecast per service (or per module with entry points or clients)
 */
public record CoverageForecast(List<ServiceForecast> services) {
  /** What the javaagent is called in "will be instrumented by". */
  public static final String JAVAAGENT = "the javaagent";

  /** Copies the list. */
  public CoverageForecast {
    services = List.copyOf(services);
  }

  /** Which way requests go through an entry. */
  public enum Direction {
    /** Requests or messages come in: a SERVER or CONSUMER span is needed. */
    INBOUND,
    /** Requests or messages go out: a CLIENT or PRODUCER span and propagated context. */
    OUTBOUND;

    /** The lower-case id used in JSON and SARIF. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What will happen to an entry. */
  public enum Coverage {
    /** Instrumented already, before onboard. */
    INSTRUMENTED("instrumented"),
    /** Onboard (or the javaagent in agent mode) will instrument it. */
    WILL_BE_INSTRUMENTED("will-be-instrumented"),
    /** Nothing onboard does covers it. */
    NOT_COVERED("not-covered");

    private final String id;

    Coverage(String id) {
      this.id = id;
    }

    /** The id used in JSON and SARIF. */
    public String id() {
      return id;
    }
  }

  /**
   * One library's entry points or clients in one service, with one forecast.
   *
   * @param direction inbound or outbound
   * @param library the catalog library's id
   * @param libraryName the name people know it by
   * @param kind the finding kind
   * @param sites how many places in service code
   * @param file the first site's file
   * @param line the first site's line
   * @param coverage what will happen
   * @param by the rewrite id, {@code spring-boot-starter} or {@link #JAVAAGENT} that will
   *     instrument it; "" when not covered
   * @param reason for {@link Coverage#NOT_COVERED} why, and what to do; otherwise ""
   */
  public record Entry(
      Direction direction,
      String library,
      String libraryName,
      FindingKind kind,
      int sites,
      String file,
      int line,
      Coverage coverage,
      String by,
      String reason) {
    /** Validates. */
    public Entry {
      requireNonNull(direction, "direction");
      requireNonNull(kind, "kind");
      requireNonNull(coverage, "coverage");
      by = by == null ? "" : by;
      reason = reason == null ? "" : reason;
    }

    /** Whether this is an HTTP server framework nothing will instrument. */
    public boolean uncoveredServer() {
      return coverage == Coverage.NOT_COVERED && kind.category() == Category.HTTP_SERVER;
    }

    /** "will be instrumented by X", "already instrumented" or "not covered: why". */
    public String outcome() {
      return switch (coverage) {
        case INSTRUMENTED -> "already instrumented";
        case WILL_BE_INSTRUMENTED -> "will be instrumented by " + by;
        case NOT_COVERED -> "not covered: " + reason;
      };
    }

    /** {@code file:line}. */
    public String location() {
      return file + ":" + line;
    }
  }

  /**
   * The forecast of one service.
   *
   * @param module its module's path ("" for the root)
   * @param name the service's (or module's) name
   * @param service whether scan found a main class or Spring Boot application in it
   * @param springBootStarter whether onboard will give it opentelemetry-spring-boot-starter
   * @param entries inbound entries first, then outbound, each in the order first found
   */
  public record ServiceForecast(
      String module, String name, boolean service, boolean springBootStarter,
      List<Entry> entries) {
    /** Copies the list. */
    public ServiceForecast {
      entries = List.copyOf(entries);
    }

    /** Its inbound entries. */
    public List<Entry> inbound() {
      return entries.stream().filter(e -> e.direction() == Direction.INBOUND).toList();
    }

    /** Its outbound entries. */
    public List<Entry> outbound() {
      return entries.stream().filter(e -> e.direction() == Direction.OUTBOUND).toList();
    }

    /** Its HTTP server frameworks nothing will instrument. */
    public List<Entry> uncoveredServers() {
      return entries.stream().filter(Entry::uncoveredServer).toList();
    }
  }

  /** The forecast of the service in module {@code module}, if the scan has one. */
  public Optional<ServiceForecast> of(String module) {
    return services.stream().filter(s -> s.module().equals(module)).findFirst();
  }

  /**
   * The forecast of a scan of {@code root} (the scanned directory, whose pom.xml files and
   * otelboard.yaml say whether onboard takes the Spring Boot starter or agent path).
   */
  public static CoverageForecast of(ScanResult scan, Path root) {
    return new CoverageForecast(sites(scan, root).services());
  }

  /**
   * {@code scan} with each entry point's and client's finding saying what the forecast says: the
   * rewrite, starter or generated filter that will instrument it, or manual with the forecast's
   * reason. Findings alone can't know the service's path (a Spring MVC handler has no rewrite of
   * its own, yet the starter traces it), so without this the summary's "onboard"/"manual" counts
   * and {@code check --fail-on manual} contradicted the forecast. In agent mode the findings stay
   * as they are: onboard changes no code there, and the forecast names the javaagent.
   */
  public static ScanResult settle(ScanResult scan, Path root) {
    Map<Finding, Entry> sites = sites(scan, root).byFinding();
    List<Finding> findings = new ArrayList<>(scan.findings().size());
    for (Finding f : scan.findings()) {
      Entry e = sites.get(f);
      findings.add(e == null ? f : settled(f, e));
    }
    return new ScanResult(scan.root(), scan.modules(), scan.services(), findings,
        scan.parseFailures(), scan.stats());
  }

  private static Finding settled(Finding f, Entry e) {
    if (f.rewrite() == RewriteId.NONE) {
      return f; // nothing to do at this site (a Retrofit client on a wrapped OkHttpClient)
    }
    return switch (e.coverage()) {
      case INSTRUMENTED -> f;
      case NOT_COVERED -> f.isManual() ? f : f.withRewrite(RewriteId.MANUAL, false, e.reason());
      case WILL_BE_INSTRUMENTED -> {
        if (e.by().equals(JAVAAGENT)) {
          yield f;
        }
        Optional<RewriteId> by = RewriteId.find(e.by());
        if (by.isPresent() && by.get() == f.rewrite()) {
          yield f;
        }
        // The generated servlet filter of a starter app without Spring MVC is the starter path's.
        yield f.withRewrite(by.orElse(RewriteId.SPRING_BOOT_STARTER), false,
            "onboard instruments it with " + e.by());
      }
    };
  }

  /** Each service's forecast, and the entry of every finding that went into one. */
  private record Sites(List<ServiceForecast> services, Map<Finding, Entry> byFinding) {}

  private static Sites sites(ScanResult scan, Path root) {
    Map<Finding, Entry> byFinding = new java.util.IdentityHashMap<>();
    boolean agent = agentMode(root);
    String rootPom = read(root.resolve("pom.xml"));
    List<ServiceForecast> out = new ArrayList<>();
    for (ScanResult.Module module : scan.modules()) {
      Optional<ScanResult.Service> service = scan.services().stream()
          .filter(s -> s.module().equals(module.path())).findFirst();
      boolean boot = !agent && service.map(s -> s.springBoot()).orElse(false);
      String pom = module.buildFile().endsWith("pom.xml")
          ? read(root.resolve(module.buildFile())) : "";
      Optional<SpringBootVersion.Version> version = SpringBootVersion.of(pom)
          .or(() -> SpringBootVersion.of(rootPom));
      boolean starter = boot && SpringBootVersion.starterFits(version, version.isEmpty()
          && importsJakarta(root.resolve(module.path()).resolve("src/main/java")));
      // Below the starter, onboard registers the spring-webmvc filter where it fits.
      boolean mvcFilter = boot && !starter
          && SpringBootVersion.webMvcFilterLine(version, pom + "\n" + rootPom).isPresent();
      String servletFilter = servletFilter(starter, pom, rootPom,
          root.resolve(module.path()).resolve("src/main/java"));
      // One entry per library, kind and forecast: the first site and a count.
      Map<List<Object>, List<Entry>> groups = new LinkedHashMap<>();
      for (Finding f : scan.findingsIn(module.path())) {
        Optional<Direction> direction = direction(f);
        if (f.scope() != Scope.MAIN || !f.kind().countsTowardCoverage() || direction.isEmpty()) {
          continue;
        }
        Entry e = entry(f, direction.get(), library(f).orElse(null), starter, mvcFilter,
            servletFilter, agent);
        byFinding.put(f, e);
        groups.computeIfAbsent(List.of(e.direction(), e.library(), e.kind(), e.coverage(),
            e.by(), e.reason()), k -> new ArrayList<>()).add(e);
      }
      if (groups.isEmpty() && service.isEmpty()) {
        continue;
      }
      List<Entry> entries = new ArrayList<>();
      for (List<Entry> sites : groups.values()) {
        Entry e = sites.get(0);
        entries.add(new Entry(e.direction(), e.library(), e.libraryName(), e.kind(),
            sites.size(), e.file(), e.line(), e.coverage(), e.by(), e.reason()));
      }
      entries.sort(Comparator.comparing(Entry::direction));
      out.add(new ServiceForecast(module.path(),
          service.map(ScanResult.Service::name).orElse(module.name()), service.isPresent(),
          starter, entries));
    }
    return new Sites(out, byFinding);
  }

  private static Optional<Direction> direction(Finding f) {
    return switch (f.kind().category()) {
      case HTTP_SERVER -> Optional.of(Direction.INBOUND);
      case HTTP_CLIENT -> Optional.of(Direction.OUTBOUND);
      case MESSAGING -> Optional.of(f.kind().id().endsWith(".consumer")
          ? Direction.INBOUND : Direction.OUTBOUND);
      default -> Optional.empty();
    };
  }

  /** The catalog library of a finding, naming types only of HTTP and messaging libraries. */
  static Optional<Library> library(Finding f) {
    return f.library(EnumSet.of(LibraryCategory.HTTP_CLIENT,
        LibraryCategory.HTTP_SERVER, LibraryCategory.MESSAGING));
  }

  /**
   * One finding's forecast: already instrumented; else the javaagent in agent mode; else the
   * starter for what it instruments, or below the starter the spring-webmvc filter onboard
   * registers for Spring MVC ({@link SpringBootVersion#webMvcFilterLine}); else the finding's own
   * rewrite (which the
   * starter path replaces by manual items where it does not instrument that); else the starter
   * for what it instruments; else the catalog's rewrite for the library, unless the finding says
   * why this site is manual; else not covered, with the finding's or the catalog's reason.
   */
  private static Entry entry(Finding f, Direction direction, Library library, boolean starter,
      boolean mvcFilter, String servletFilter, boolean agent) {
    String id = library == null ? "" : library.id();
    String name = library == null ? f.kind().title() : library.name();
    Onboarding onboarding = library == null ? null : library.onboarding();
    Coverage coverage;
    String by = "";
    String reason = "";
    boolean concreteFinding = f.rewrite() != RewriteId.MANUAL && f.rewrite() != RewriteId.NONE;
    String catalogRewrite = onboarding == null ? "" : onboarding.rewrite();
    boolean concreteCatalog = !catalogRewrite.isEmpty() && !onboarding.isManual()
        && !catalogRewrite.equals(Onboarding.NONE);
    String note = onboarding == null ? "" : onboarding.note();
    if (f.instrumented()) {
      coverage = Coverage.INSTRUMENTED;
    } else if (agent) {
      coverage = Coverage.WILL_BE_INSTRUMENTED;
      by = JAVAAGENT;
    } else if (starter && library != null && LibraryCatalog.instrumentedBySpringBootStarter(library)) {
      coverage = Coverage.WILL_BE_INSTRUMENTED;
      by = RewriteId.SPRING_BOOT_STARTER.id();
    } else if (!servletFilter.isEmpty() && SERVLET_HOSTED.contains(library)) {
      coverage = Coverage.WILL_BE_INSTRUMENTED;
      by = servletFilter;
    } else if (mvcFilter && library == HttpLibraries.SPRING_MVC) {
      coverage = Coverage.WILL_BE_INSTRUMENTED;
      by = RewriteId.INSTRUMENT_SPRING_MVC.id();
    } else if (concreteFinding && (!starter || appliesWithStarter(f.rewrite().id()))) {
      coverage = Coverage.WILL_BE_INSTRUMENTED;
      by = f.rewrite().id();
    } else if (concreteCatalog && (!starter || appliesWithStarter(catalogRewrite))
        && (f.reason() == null || f.reason().equals(note))) {
      coverage = Coverage.WILL_BE_INSTRUMENTED;
      by = catalogRewrite;
    } else {
      coverage = Coverage.NOT_COVERED;
      if (concreteFinding || concreteCatalog) {
        reason = "the application gets opentelemetry-spring-boot-starter, which does not"
            + " instrument " + name + ", and the rewrite "
            + (concreteFinding ? f.rewrite().id() : catalogRewrite)
            + " is not applied on that path: make it a Spring bean the starter instruments, or"
            + " run the javaagent";
      } else {
        reason = f.reason() != null && !f.reason().isBlank() ? f.reason()
            : !note.isBlank() ? note : "no onboard rewrite for " + name + ": run the javaagent";
      }
    }
    return new Entry(direction, id, name, f.kind(), 1, f.file(), f.line(), coverage, by, reason);
  }

  /** Server libraries whose requests run inside the generated servlet filter's SERVER span. */
  private static final List<Library> SERVLET_HOSTED =
      List.of(HttpLibraries.SERVLET, HttpLibraries.JAXRS);

  /**
   * What registers the generated servlet filter in a module, or "": a Spring Boot starter
   * application serving without Spring MVC ({@link SpringBootVersion#servesWithoutSpringMvc}),
   * which gets a FilterRegistrationBean; or a catalog library among the pom's dependencies (not
   * its dependencyManagement or exclusions) whose onboarding is a registration rewrite ({@link
   * Rewrites#registersServletFilter}: embedded Jetty, embedded Tomcat, Dropwizard) that would
   * look at one of the module's sources, as onboard decides. A Boot app that pins or pulls in
   * tomcat-embed-core creates no Tomcat Context of its own, so nothing registers there.
   */
  private static String servletFilter(boolean starter, String pom, String rootPom,
      Path sources) {
    if (starter && SpringBootVersion.servesWithoutSpringMvc(pom + "\n" + rootPom)) {
      return "the generated OtelServletFilter (a FilterRegistrationBean)";
    }
    Set<String> dependencies;
    try {
      dependencies = pom.isBlank() ? Set.of() : PomEditor.of(pom).dependencyKeys();
    } catch (XmlParseException e) {
      return ""; // an unreadable pom is onboard's to report; forecast no registration
    }
    for (String key : dependencies) {
      String[] ga = key.split(":", 2);
      for (Library l : LibraryCatalog.byCoordinates(ga[0].strip(), ga[1].strip())) {
        Optional<RewriteId> rewrite = RewriteId.find(l.onboarding().rewrite())
            .filter(Rewrites::registersServletFilter);
        if (rewrite.isPresent()
            && anySource(sources, Rewrites.byId(rewrite.get())::precondition)) {
          return rewrite.get().id();
        }
      }
    }
    return "";
  }

  /**
   * Whether onboard runs the rewrite {@code id} in a Spring Boot starter application: a Java
   * rewrite only when it is one of {@link Rewrites#springBootStarter()}; other steps always.
   */
  private static boolean appliesWithStarter(String id) {
    Optional<RewriteId> rewrite = RewriteId.find(id);
    if (rewrite.isEmpty()) {
      return false;
    }
    boolean java = Rewrites.sdkMode().stream().anyMatch(r -> r.id() == rewrite.get());
    return !java || Rewrites.springBootStarter().stream().anyMatch(r -> r.id() == rewrite.get());
  }

  private static boolean importsJakarta(Path sources) {
    return anySource(sources, text -> text.contains("import jakarta."));
  }

  /** Whether one of the .java files under {@code sources} satisfies {@code test}. */
  private static boolean anySource(Path sources, Predicate<String> test) {
    if (!Files.isDirectory(sources)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> test.test(read(p)));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Whether the project's otelboard.yaml says {@code mode: agent}. */
  private static boolean agentMode(Path root) {
    Path file = root.resolve(OtelboardConfig.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      return OtelboardConfig.load(file).mode() == OtelboardConfig.Mode.AGENT;
    } catch (RuntimeException e) {
      // An invalid otelboard.yaml is onboard's and verify's to report; forecast SDK mode.
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
