package dev.otelboard.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void eachNameGetsOnePortAndDifferentNamesDifferentPorts() {
    try (Ports ports = new Ports()) {
      String a = ports.resolve("http://127.0.0.1:${port:a}/health");
      String again = ports.resolve("${port:a}");
      String b = ports.resolve("${port:b}");

      assertThat(a).isEqualTo("http://127.0.0.1:" + again + "/health");
      assertThat(b).isNotEqualTo(again);
      assertThat(ports.assigned()).containsOnlyKeys("a", "b");
    }
  }

  @Test
  void aPortIsHeldUntilReleasedSoNothingElseTakesItMeanwhile() throws IOException {
    try (Ports ports = new Ports()) {
      int port = ports.port("svc");

      assertThatThrownBy(() -> bind(port)).isInstanceOf(IOException.class);
      ports.release(List.of("svc"));
      bind(port);
    }
  }

  @Test
  void portsComeFromBelowTheEphemeralRangeWhereThereIsRoom() {
    try (Ports ports = new Ports()) {
      int port = ports.port("x");

      assertThat(port).isBetween(1024, 65535);
    }
  }

  @Test
  void forgottenNamesGetNewPorts() throws IOException {
    try (Ports ports = new Ports()) {
      int first = ports.port("x");
      ports.forget(List.of("x"));
      assertThat(ports.assigned()).doesNotContainKey("x");

      // Held here, the old port can't be drawn again by chance (1 in ~12,000 otherwise).
      try (ServerSocket taken = new ServerSocket()) {
        taken.bind(new InetSocketAddress(first));
        assertThat(ports.port("x")).isPositive().isNotEqualTo(first);
      }
    }
  }

  @Test
  void dollarDollarBraceIsALiteral() {
    try (Ports ports = new Ports()) {
      assertThat(ports.resolve("for i in $${x}; echo $HOME")).isEqualTo("for i in ${x}; echo $HOME");
      assertThat(Ports.placeholderProblems("$${whatever}")).isEmpty();
    }
  }

  @Test
  void unknownAndUnclosedPlaceholdersAreProblems() {
    assertThat(Ports.placeholderProblems("${host} ${port:a} ${port:"))
        .containsExactly(
            "unknown placeholder ${host}; known: ${port:NAME} (a free port per NAME), $${ for a literal ${",
            "unclosed placeholder ${port:");
    assertThat(Ports.names("${port:a}-${port:b}-${port:a}")).containsExactly("a", "b");
  }

  private static void bind(int port) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(port));
    }
  }
}
