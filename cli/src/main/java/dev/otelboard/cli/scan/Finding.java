package dev.otelboard.cli.scan;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LibraryCatalog;
import dev.otelboard.cli.catalog.LibraryCategory;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One thing the scan found.
 *
 * @param kind what it is
 * @param file the file, relative to the scanned directory, with '/' separators
 * @param line the 1-based line (1 for a whole-file finding)
 * @param column the 1-based column (1 for a whole-file finding)
 * @param enclosingClass the fully qualified enclosing type, or null outside Java code
 * @param enclosingMethod the enclosing method ({@code <init>} for constructors, {@code <clinit>}
 *     for initializers), or null outside methods
 * @param symbol what was matched, resolved: e.g. {@code java.net.http.HttpClient.newHttpClient}
 * @param snippet the source text at the location, one line, at most 120 characters
 * @param instrumented whether trace context is already handled here
 * @param rewrite the onboard rewrite that handles it, {@link RewriteId#MANUAL} or {@link
 *     RewriteId#NONE}; only ids {@link RewriteId#onScanFindings() meant for findings}
 * @param reason why it is manual or none, or extra detail; null when there is nothing to add
 * @param scope main code or tests
 * @param module the build module's directory relative to the scanned directory ("" for the root)
 */
public record Finding(
    FindingKind kind,
    String file,
    int line,
    int column,
    String enclosingClass,
    String enclosingMethod,
    String symbol,
    String snippet,
    boolean instrumented,
    RewriteId rewrite,
    String reason,
    Scope scope,
    String module) {

  /** Validates the required components. */
  public Finding {
    requireNonNull(kind, "kind");
    requireNonNull(file, "file");
    requireNonNull(symbol, "symbol");
    requireNonNull(rewrite, "rewrite");
    if (!rewrite.onScanFindings()) {
      throw new IllegalArgumentException(rewrite.id() + " is not a rewrite id of scan findings");
    }
    requireNonNull(scope, "scope");
    requireNonNull(module, "module");
    snippet = snippet == null ? "" : snippet;
  }

  /** Whether a person has to act on this finding. */
  public boolean isManual() {
    return rewrite == RewriteId.MANUAL;
  }

  /**
   * Whether this finding counts toward coverage: main code, a coverage kind, and either already
   * instrumented or something to do (a {@code none} that is not instrumented, such as an executor
   * handed to HttpServer.setExecutor, is not a gap).
   */
  public boolean countsTowardCoverage() {
    return scope == Scope.MAIN
        && kind.countsTowardCoverage()
        && (instrumented || rewrite != RewriteId.NONE);
  }

  /** {@code file:line:column}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  /**
   * The catalog library this finding belongs to: the one whose type its symbol names (longest
   * name first, so spring-kafka's KafkaTemplate is not kafka-clients'), else its kind's library,
   * else the one whose package prefixes the symbol (a tracer's import), else the first whose
   * coordinates match it (a tracer's dependency, {@code groupId:artifactId}).
   */
  public Optional<Library> library() {
    return library(Set.of(LibraryCategory.values()));
  }

  /** {@link #library()}, matching type names only of libraries in {@code namedIn}. */
  Optional<Library> library(Set<LibraryCategory> namedIn) {
    Optional<Library> named = LibraryCatalog.all().stream()
        .filter(l -> namedIn.contains(l.category()))
        .flatMap(l -> l.typeNames().stream().filter(this::namesType)
            .map(t -> Map.entry(t.length(), l)))
        .max(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue);
    return named
        .or(() -> kind.libraryId().flatMap(LibraryCatalog::byId))
        .or(() -> LibraryCatalog.byImport(symbol))
        .or(() -> {
          String[] ga = symbol.split(":");
          return ga.length == 2
              ? LibraryCatalog.byCoordinates(ga[0], ga[1]).stream().findFirst()
              : Optional.empty();
        });
  }

  private boolean namesType(String type) {
    int at = symbol.indexOf(type);
    int end = at + type.length();
    return at >= 0 && (end == symbol.length() || !Character.isJavaIdentifierPart(symbol.charAt(end)));
  }

  Finding withModule(String newModule) {
    return new Finding(kind, file, line, column, enclosingClass, enclosingMethod, symbol, snippet,
        instrumented, rewrite, reason, scope, newModule);
  }

  Finding withRewrite(RewriteId newRewrite, boolean newInstrumented, String newReason) {
    return new Finding(kind, file, line, column, enclosingClass, enclosingMethod, symbol, snippet,
        newInstrumented, newRewrite, newReason, scope, module);
  }
}
