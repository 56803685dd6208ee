package dev.otelboard.cli.agent;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a javaagent jar for {@code verify --agent}, in this order: the cache directory (a jar
 * whose SHA-1 still matches), the local Maven repository (copied into the cache after the same
 * check), and finally a download over HTTPS from a Maven repository (Maven Central by default)
 * checked against the pinned SHA-1 of the artifact, or the repository's {@code .sha1} file when
 * none is pinned. Every file lands in the cache through {@link AtomicFiles}, so a broken download
 * never leaves a half jar behind. No Maven process is involved.
 */
public final class AgentResolver {
  /** Default remote repository, {@value}. */
  public static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2/";
  /** Default download timeout, 5 minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Path cacheDir;
  private final Path localRepository;
  private final URI repository;
  private final Duration timeout;

  private AgentResolver(Builder b) {
    this.cacheDir = b.cacheDir;
    this.localRepository = b.localRepository;
    this.repository = b.repository;
    this.timeout = b.timeout;
  }

  /** A builder with the default cache, local repository and Maven Central. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where jars are cached. */
  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * The cached jar of {@code artifact}, fetched first if needed; progress lines go to {@code
   * progress}.
   *
   * @throws IOException when it can be had from nowhere, or a copy fails its checksum; the message
   *     says what was tried
   */
  public Path resolve(AgentArtifact artifact, PrintWriter progress) throws IOException {
    requireNonNull(artifact, "artifact");
    requireNonNull(progress, "progress");
    Path cached = cacheDir.resolve(artifact.fileName());
    if (Files.isRegularFile(cached)) {
      byte[] bytes = Files.readAllBytes(cached);
      if (artifact.sha1().isEmpty() || artifact.sha1().equals(sha1(bytes))) {
        return cached;
      }
      progress.println("otelboard verify: cached " + cached + " fails its SHA-1 check; fetching it again");
    }
    if (localRepository != null) {
      Path local = localRepository.resolve(artifact.repositoryPath());
      if (Files.isRegularFile(local)) {
        byte[] bytes = Files.readAllBytes(local);
        String expected = expectedSha1(artifact, local.resolveSibling(local.getFileName() + ".sha1"));
        if (expected == null || expected.equals(sha1(bytes))) {
          AtomicFiles.write(cached, bytes);
          progress.println("otelboard verify: " + artifact.coordinates() + " copied from " + local);
          return cached;
        }
        progress.println("otelboard verify: " + local + " fails its SHA-1 check; not used");
      }
    }
    return download(artifact, cached, progress);
  }

  private Path download(AgentArtifact artifact, Path cached, PrintWriter progress)
      throws IOException {
    URI jarUri = repository.resolve(artifact.repositoryPath());
    progress.println("otelboard verify: downloading " + artifact.coordinates() + " from " + jarUri);
    progress.flush();
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    try {
      String expected = artifact.sha1();
      if (expected.isEmpty()) {
        byte[] sum = get(client, URI.create(jarUri + ".sha1"));
        expected = firstToken(new String(sum, StandardCharsets.US_ASCII));
      }
      byte[] jar = get(client, jarUri);
      String actual = sha1(jar);
      if (!actual.equals(expected)) {
        throw new IOException(
            "downloaded " + jarUri + " has SHA-1 " + actual + ", expected " + expected + "; not used");
      }
      AtomicFiles.write(cached, jar);
      progress.println("otelboard verify: cached " + cached + " (" + (jar.length >> 10) + " KiB)");
      return cached;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + jarUri, e);
    }
  }

  private byte[] get(HttpClient client, URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IOException(
          "cannot download " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + " (offline? pass --agent-jar, or put the jar in " + cacheDir + ")",
          e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("cannot download " + uri + ": HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static String expectedSha1(AgentArtifact artifact, Path sha1File) throws IOException {
    if (!artifact.sha1().isEmpty()) {
      return artifact.sha1();
    }
    return Files.isRegularFile(sha1File) ? firstToken(Files.readString(sha1File, StandardCharsets.US_ASCII)) : null;
  }

  private static String firstToken(String text) {
    String t = text.strip();
    int space = t.indexOf(' ');
    return (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** Options of the resolver; each setter validates its argument. */
  public static final class Builder {
    private Path cacheDir = defaultCacheDir(System.getenv(), System.getProperty("user.home"));
    private Path localRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private URI repository = URI.create(DEFAULT_REPOSITORY);
    private Duration timeout = DEFAULT_TIMEOUT;

    Builder() {}

    /**
     * The cache directory when none is set: {@code $OTELBOARD_CACHE/agents}, else {@code
     * $XDG_CACHE_HOME/otelboard/agents}, else {@code ~/.cache/otelboard/agents}.
     */
    public static Path defaultCacheDir(Map<String, String> env, String userHome) {
      String own = env.get("OTELBOARD_CACHE");
      if (own != null && !own.isBlank()) {
        return Path.of(own, "agents");
      }
      String xdg = env.get("XDG_CACHE_HOME");
      if (xdg != null && !xdg.isBlank()) {
        return Path.of(xdg, "otelboard", "agents");
      }
      return Path.of(userHome, ".cache", "otelboard", "agents");
    }

    /** Where jars are cached; see {@link #defaultCacheDir}. */
    public Builder setCacheDir(Path dir) {
      this.cacheDir = requireNonNull(dir, "dir");
      return this;
    }

    /** The local Maven repository to reuse, or null for none; defaults to {@code ~/.m2/repository}. */
    public Builder setLocalRepository(Path dir) {
      this.localRepository = dir;
      return this;
    }

    /** The remote repository's base URL; defaults to {@value #DEFAULT_REPOSITORY}. */
    public Builder setRepository(URI base) {
      requireNonNull(base, "base");
      String s = base.toString();
      this.repository = URI.create(s.endsWith("/") ? s : s + "/");
      return this;
    }

    /** Timeout of each download request; defaults to 5 minutes. */
    public Builder setTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The resolver. */
    public AgentResolver build() {
      return new AgentResolver(this);
    }
  }
}
