package dev.otelboard.cli.scan;

import static java.util.Objects.requireNonNull;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.validator.postprocessors.Java10PostProcessor;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Scans a service repository: walks it (respecting .gitignore, skipping build output and
 * generated sources), finds Maven and Gradle modules, parses every Java file with JavaParser on
 * {@link Builder#setThreads parser threads} (one parser per thread), runs the detectors and
 * returns an immutable {@link ScanResult}. Works on any {@link Path}, including in-memory file
 * systems. A file that cannot be read or parsed is listed, never fatal.
 *
 * <pre>{@code
 * ScanResult result = RepoScanner.builder().setThreads(2).build().scan(Path.of("."));
 * }</pre>
 */
public final class RepoScanner {
  /** Parser threads when not set: the number of available processors. */
  public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

  /** Java files larger than this are listed as failures instead of parsed: 4 MiB. */
  public static final long DEFAULT_MAX_JAVA_FILE_BYTES = 4L << 20;

  private static final long MAX_TEXT_FILE_BYTES = 1L << 20;

  /** Directories never scanned. */
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of("node_modules", "generated-sources", "generated-test-sources", "bower_components");

  /** Build output, skipped unless inside a source tree (where it may be a package name). */
  private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "out", "bin");

  private static final Pattern TEST_SOURCE =
      Pattern.compile("(?:^|/)src/(?:test|it|integrationTest|integration-test|testFixtures|intTest"
          + "|functionalTest|jmh|[A-Za-z0-9]+Test)(?:/|$)");

  private static final List<JavaDetector> DETECTORS =
      List.of(
          new LoggingDetector(),
          new HttpClientDetector(),
          new HttpServerDetector(),
          new AsyncDetector(),
          new MessagingDetector(),
          new TracingDetector(),
          new EntryPointDetector());

  private final int threads;
  private final ScanProgress progress;
  private final boolean respectGitignore;
  private final long maxJavaFileBytes;

  RepoScanner(int threads, ScanProgress progress, boolean respectGitignore, long maxJavaFileBytes) {
    this.threads = threads;
    this.progress = progress;
    this.respectGitignore = respectGitignore;
    this.maxJavaFileBytes = maxJavaFileBytes;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Scans the repository at {@code root}.
   *
   * @throws IOException when {@code root} itself cannot be walked
   */
  public ScanResult scan(Path root) throws IOException {
    requireNonNull(root, "root");
    long start = System.nanoTime();
    Walk walk = walk(root);
    RepoIndex index = RepoIndex.of(walk.javaFiles);
    FileOutcome[] outcomes = parseAll(root, walk.javaFiles, index);
    List<TextSource> texts = new ArrayList<>();
    Assembler assembler = new Assembler();
    for (String file : walk.textFiles) {
      String text = readText(root.resolve(file), MAX_TEXT_FILE_BYTES);
      if (text == null) {
        continue;
      }
      TextSource src = new TextSource(file, scopeOf(file), text);
      texts.add(src);
      if (src.name.equals("pom.xml")) {
        assembler.addModule(RepoIndex.directory(file), "maven", file,
            BuildFiles.pom(src, directoryName(root, file)));
      } else if (src.name.startsWith("build.gradle") || src.name.startsWith("settings.gradle")) {
        assembler.addModule(RepoIndex.directory(file), "gradle", file,
            BuildFiles.gradle(src, directoryName(root, file)));
      }
      new LogConfigDetector().detect(src);
      if (AgentDetector.accepts(src.name)) {
        new AgentDetector().detect(src);
      }
    }
    for (TextSource src : texts) {
      assembler.addText(src);
    }
    int main = 0;
    int test = 0;
    int generated = 0;
    for (int i = 0; i < outcomes.length; i++) {
      FileOutcome o = outcomes[i];
      if (o.generated()) {
        generated++;
      } else if (o.scope() == Scope.MAIN) {
        main++;
      } else {
        test++;
      }
      assembler.addJava(walk.javaFiles.get(i), o);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    ScanResult.Stats stats =
        new ScanResult.Stats(main + test, main, test, generated, texts.size(),
            effectiveThreads(walk.javaFiles.size()), millis);
    return CoverageForecast.settle(assembler.result(root.toString(), stats), root);
  }

  // --- walking ---

  private static final class Walk {
    final List<String> javaFiles = new ArrayList<>();
    final List<String> textFiles = new ArrayList<>();
  }

  private Walk walk(Path root) throws IOException {
    Walk walk = new Walk();
    GitIgnore ignore = new GitIgnore();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String rel = relative(root, dir);
            if (!rel.isEmpty()) {
              String name = dir.getFileName().toString();
              if (SKIPPED_DIRECTORIES.contains(name)
                  || (name.startsWith(".") && !name.equals(".mvn"))
                  || (BUILD_OUTPUT.contains(name) && !insideSourceTree(rel))
                  || (respectGitignore && ignore.ignores(rel, true))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
            }
            Path gitignore = dir.resolve(".gitignore");
            if (respectGitignore && Files.isRegularFile(gitignore)) {
              String text = readText(gitignore, MAX_TEXT_FILE_BYTES);
              if (text != null) {
                ignore.add(rel, text);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
              return FileVisitResult.CONTINUE;
            }
            String rel = relative(root, file);
            if (respectGitignore && ignore.ignores(rel, false)) {
              return FileVisitResult.CONTINUE;
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".java")) {
              if (!name.equals("package-info.java") && !name.equals("module-info.java")) {
                walk.javaFiles.add(rel);
              }
            } else if (isTextOfInterest(name)) {
              walk.textFiles.add(rel);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    walk.javaFiles.sort(Comparator.naturalOrder());
    walk.textFiles.sort(Comparator.naturalOrder());
    return walk;
  }

  private static boolean isTextOfInterest(String name) {
    return name.equals("pom.xml")
        || name.startsWith("build.gradle")
        || name.startsWith("settings.gradle")
        || LogConfigDetector.kindOf(name) != null
        || AgentDetector.accepts(name);
  }

  private static boolean insideSourceTree(String rel) {
    return rel.startsWith("src/") || rel.contains("/src/");
  }

  static String relative(Path root, Path path) {
    Path rel = root.relativize(path);
    StringBuilder b = new StringBuilder();
    for (Path part : rel) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(part.toString());
    }
    return b.toString();
  }

  private static String directoryName(Path root, String file) {
    String dir = RepoIndex.directory(file);
    if (!dir.isEmpty()) {
      return dir.substring(dir.lastIndexOf('/') + 1);
    }
    Path abs = root.toAbsolutePath().normalize().getFileName();
    return abs == null ? "" : abs.toString();
  }

  static Scope scopeOf(String file) {
    return TEST_SOURCE.matcher(file).find() ? Scope.TEST : Scope.MAIN;
  }

  // --- parsing ---

  private int effectiveThreads(int files) {
    return Math.max(1, Math.min(threads, files));
  }

  private FileOutcome[] parseAll(Path root, List<String> files, RepoIndex index) {
    FileOutcome[] outcomes = new FileOutcome[files.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Runnable worker =
        () -> {
          JavaParser parser = new JavaParser(parserConfiguration());
          for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
            outcomes[i] = scanJava(parser, root, files.get(i), index);
            progress.update(done.incrementAndGet(), outcomes.length);
          }
        };
    int n = effectiveThreads(files.size());
    if (n <= 1) {
      worker.run();
      return outcomes;
    }
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "otelboard-scan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }

  /**
   * Java 21 grammar (so {@code yield}, records, sealed types and pattern switches parse) without
   * the per-version validators: they cost as much as parsing and only repeat javac's checks, so
   * only syntax errors make a file unparseable. Of the standard processors only the one that turns
   * {@code var} into a VarType is kept; comments are not attributed (no finding comes from a
   * comment) and no lexical preservation is set up. Tokens are stored: without them nodes have
   * no positions.
   */
  static ParserConfiguration parserConfiguration() {
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
            .setAttributeComments(false)
            .setDetectOriginalLineSeparator(false)
            .setLexicalPreservationEnabled(false);
    config.getProcessors().clear();
    config.getProcessors().add(VarTypes::new);
    return config;
  }

  /** Turns {@code var} in declarations into a VarType, as the Java 10+ levels do. */
  private static final class VarTypes extends Processor {
    private final Java10PostProcessor varTypes = new Java10PostProcessor();

    @Override
    public void postProcess(ParseResult<? extends Node> result, ParserConfiguration config) {
      varTypes.postProcess(result, config);
    }
  }

  private FileOutcome scanJava(JavaParser parser, Path root, String file, RepoIndex index) {
    Scope scope = scopeOf(file);
    String text;
    try {
      Path path = root.resolve(file);
      if (Files.size(path) > maxJavaFileBytes) {
        return FileOutcome.failed(scope, new ScanResult.ParseFailure(file, 0, 0,
            "larger than " + (maxJavaFileBytes >> 10) + " KiB; not parsed"));
      }
      text = readText(path, Long.MAX_VALUE);
    } catch (IOException e) {
      text = null;
    }
    if (text == null) {
      return FileOutcome.failed(scope, new ScanResult.ParseFailure(file, 0, 0, "cannot read"));
    }
    ParseResult<CompilationUnit> parsed;
    try {
      parsed = parser.parse(text);
    } catch (RuntimeException | StackOverflowError e) {
      return FileOutcome.failed(scope, new ScanResult.ParseFailure(file, 0, 0,
          "parser failed: " + e.getClass().getSimpleName()));
    }
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return FileOutcome.failed(scope, failure(file, parsed.getProblems()));
    }
    CompilationUnit unit = parsed.getResult().get();
    if (isGenerated(unit, text)) {
      return FileOutcome.skipped(scope);
    }
    JavaSource src = new JavaSource(file, scope, unit, text, index);
    try {
      for (JavaDetector detector : DETECTORS) {
        detector.detect(src);
      }
    } catch (RuntimeException | StackOverflowError e) {
      return FileOutcome.failed(scope, new ScanResult.ParseFailure(file, 0, 0,
          "otelboard could not analyze this file: " + e));
    }
    return FileOutcome.of(src);
  }

  private static ScanResult.ParseFailure failure(String file, List<Problem> problems) {
    if (problems.isEmpty()) {
      return new ScanResult.ParseFailure(file, 0, 0, "parse error");
    }
    Problem p = problems.get(0);
    int line = 0;
    int column = 0;
    var range = p.getLocation().flatMap(l -> l.toRange());
    if (range.isPresent()) {
      line = range.get().begin.line;
      column = range.get().begin.column;
    }
    String message = p.getMessage().lines().findFirst().orElse("parse error").strip();
    return new ScanResult.ParseFailure(file, line, column, Snippets.oneLine(message, 200));
  }

  private static boolean isGenerated(CompilationUnit unit, String text) {
    for (TypeDeclaration<?> type : unit.getTypes()) {
      for (AnnotationExpr a : type.getAnnotations()) {
        String name = a.getNameAsString();
        if (name.equals("Generated") || name.endsWith(".Generated")) {
          return true;
        }
      }
    }
    String header = text.substring(0, Math.min(text.length(), 1000));
    return !header.contains(TracingDetector.GENERATED_STAMP)
        && (header.contains("DO NOT EDIT") || header.contains("@generated")
            || header.contains("Generated by the protocol buffer compiler"));
  }

  /** The file's text (UTF-8, else ISO-8859-1), or null when unreadable or too large. */
  static String readText(Path file, long maxBytes) {
    try {
      if (Files.size(file) > maxBytes) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      return null;
    }
  }

  /** What parsing one Java file produced; the tree itself is not kept. */
  record FileOutcome(
      Scope scope,
      boolean generated,
      List<Finding> findings,
      Map<String, Map<String, Integer>> logCalls,
      Map<String, Boolean> mainClasses,
      Set<String> frameworks,
      ScanResult.ParseFailure failure) {
    static FileOutcome of(JavaSource src) {
      return new FileOutcome(src.scope, false, src.findings, src.logCalls, src.mainClasses,
          src.frameworks, null);
    }

    static FileOutcome failed(Scope scope, ScanResult.ParseFailure failure) {
      return new FileOutcome(scope, false, List.of(), Map.of(), Map.of(), Set.of(), failure);
    }

    static FileOutcome skipped(Scope scope) {
      return new FileOutcome(scope, true, List.of(), Map.of(), Map.of(), Set.of(), null);
    }
  }

  /** Builds a {@link RepoScanner}. */
  public static final class Builder {
    private int threads = DEFAULT_THREADS;
    private ScanProgress progress = ScanProgress.NONE;
    private boolean respectGitignore = true;
    private long maxJavaFileBytes = DEFAULT_MAX_JAVA_FILE_BYTES;

    Builder() {}

    /** Parser threads, at least 1. Default: {@link #DEFAULT_THREADS} (available processors). */
    public Builder setThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, not " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Receives progress from the parser threads. Default: {@link ScanProgress#NONE}. */
    public Builder setProgress(ScanProgress progress) {
      this.progress = requireNonNull(progress, "progress");
      return this;
    }

    /** Whether .gitignore files exclude paths. Default: true. */
    public Builder setRespectGitignore(boolean respectGitignore) {
      this.respectGitignore = respectGitignore;
      return this;
    }

    /**
     * Java files larger than this are listed as failures, not parsed. Default: {@link
     * #DEFAULT_MAX_JAVA_FILE_BYTES} (4 MiB).
     */
    public Builder setMaxJavaFileBytes(long maxJavaFileBytes) {
      if (maxJavaFileBytes < 1) {
        throw new IllegalArgumentException("maxJavaFileBytes must be positive");
      }
      this.maxJavaFileBytes = maxJavaFileBytes;
      return this;
    }

    /** The scanner. */
    public RepoScanner build() {
      return new RepoScanner(threads, progress, respectGitignore, maxJavaFileBytes);
    }
  }
}
