package dev.otelboard.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentResolverTest {
  private static final byte[] JAR = "not really a jar, but bytes with a known SHA-1".getBytes(StandardCharsets.UTF_8);
  private static final String JAR_SHA1 = AgentResolver.sha1(JAR);
  private static final AgentArtifact PINNED = new AgentArtifact("com.example", "agent", "1.0", JAR_SHA1);
  private static final AgentArtifact UNPINNED = new AgentArtifact("com.example", "agent", "1.0", "");

  @TempDir Path temp;
  private HttpServer repo;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final StringWriter progress = new StringWriter();
  private byte[] served = JAR;
  private String servedSha1 = JAR_SHA1;

  @BeforeEach
  void startRepository() throws IOException {
    repo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    repo.createContext("/maven2/", ex -> {
      String path = ex.getRequestURI().getPath();
      requests.add(path);
      byte[] body = path.endsWith(".sha1") ? (servedSha1 + "  agent-1.0.jar\n").getBytes(StandardCharsets.US_ASCII)
          : path.endsWith("/com/example/agent/1.0/agent-1.0.jar") ? served : null;
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    repo.start();
  }

  @AfterEach
  void stopRepository() {
    repo.stop(0);
  }

  private AgentResolver resolver(Path localRepository) {
    return AgentResolver.builder()
        .setCacheDir(temp.resolve("cache"))
        .setLocalRepository(localRepository)
        .setRepository(URI.create("http://127.0.0.1:" + repo.getAddress().getPort() + "/maven2"))
        .build();
  }

  @Test
  void downloadsIntoTheCacheAndChecksThePinnedSha1() throws Exception {
    Path jar = resolver(null).resolve(PINNED, new PrintWriter(progress, true));

    assertThat(jar).isEqualTo(temp.resolve("cache/agent-1.0.jar"));
    assertThat(Files.readAllBytes(jar)).isEqualTo(JAR);
    assertThat(requests).containsExactly("/maven2/com/example/agent/1.0/agent-1.0.jar");
    assertThat(progress.toString()).contains("downloading com.example:agent:1.0");
  }

  @Test
  void aCachedJarIsUsedWithoutAskingTheNetwork() throws Exception {
    resolver(null).resolve(PINNED, new PrintWriter(progress, true));
    requests.clear();

    Path again = resolver(null).resolve(PINNED, new PrintWriter(progress, true));

    assertThat(Files.readAllBytes(again)).isEqualTo(JAR);
    assertThat(requests).isEmpty();
  }

  @Test
  void aTamperedCachedJarIsFetchedAgain() throws Exception {
    Path jar = resolver(null).resolve(PINNED, new PrintWriter(progress, true));
    Files.writeString(jar, "tampered");

    Path again = resolver(null).resolve(PINNED, new PrintWriter(progress, true));

    assertThat(Files.readAllBytes(again)).isEqualTo(JAR);
    assertThat(progress.toString()).contains("fails its SHA-1 check");
  }

  @Test
  void aDownloadWithTheWrongSha1IsRefusedAndNotCached() {
    served = "something else".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> resolver(null).resolve(PINNED, new PrintWriter(progress, true)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected " + JAR_SHA1);
    assertThat(temp.resolve("cache/agent-1.0.jar")).doesNotExist();
  }

  @Test
  void withoutAPinnedSha1TheRepositorysSha1FileIsChecked() throws Exception {
    servedSha1 = "0000000000000000000000000000000000000000";

    assertThatThrownBy(() -> resolver(null).resolve(UNPINNED, new PrintWriter(progress, true)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected 0000000000000000000000000000000000000000");

    servedSha1 = JAR_SHA1;
    assertThat(Files.readAllBytes(resolver(null).resolve(UNPINNED, new PrintWriter(progress, true)))).isEqualTo(JAR);
  }

  @Test
  void theLocalMavenRepositoryIsReusedWhenItHasTheJar() throws Exception {
    Path m2 = temp.resolve("m2");
    Path local = m2.resolve("com/example/agent/1.0/agent-1.0.jar");
    Files.createDirectories(local.getParent());
    Files.write(local, JAR);

    Path jar = resolver(m2).resolve(PINNED, new PrintWriter(progress, true));

    assertThat(Files.readAllBytes(jar)).isEqualTo(JAR);
    assertThat(requests).isEmpty();
    assertThat(progress.toString()).contains("copied from " + local);
  }

  @Test
  void aMissingArtifactSaysWhatWasTried() {
    AgentArtifact missing = new AgentArtifact("com.example", "nope", "1.0", "");

    assertThatThrownBy(() -> resolver(null).resolve(missing, new PrintWriter(progress, true)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void theDefaultCacheFollowsOtelboardCacheThenXdgThenHome() {
    assertThat(AgentResolver.Builder.defaultCacheDir(Map.of("OTELBOARD_CACHE", "/c"), "/home/u"))
        .isEqualTo(Path.of("/c/agents"));
    assertThat(AgentResolver.Builder.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/x"), "/home/u"))
        .isEqualTo(Path.of("/x/otelboard/agents"));
    assertThat(AgentResolver.Builder.defaultCacheDir(Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/otelboard/agents"));
  }

  @Test
  void theOpenTelemetryJavaagentIsPinnedToTheVersionOtelboardTargets() {
    assertThat(AgentArtifact.OPENTELEMETRY_JAVAAGENT.coordinates())
        .isEqualTo("io.opentelemetry.javaagent:opentelemetry-javaagent:2.31.1");
    assertThat(AgentArtifact.OPENTELEMETRY_JAVAAGENT.repositoryPath())
        .isEqualTo("io/opentelemetry/javaagent/opentelemetry-javaagent/2.31.1/opentelemetry-javaagent-2.31.1.jar");
    assertThat(AgentArtifact.OPENTELEMETRY_JAVAAGENT.sha1()).hasSize(40);
  }
}
