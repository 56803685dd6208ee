package dev.otelboard.cli.diff;

import java.util.List;
import java.util.Map;

/**
 * Attribute names of the semantic conventions that were renamed when HTTP (1.23), database (1.26+)
 * and messaging conventions became stable: a key that moved from one run's spans to the other's
 * under its new (or old) name is a rename, not a loss.
 */
final class SemconvNames {
  /** Deprecated name -> its stable replacement(s). */
  static final Map<String, List<String>> STABLE =
      Map.ofEntries(
          Map.entry("http.method", List.of("http.request.method")),
          Map.entry("http.url", List.of("url.full")),
          Map.entry("http.status_code", List.of("http.response.status_code")),
          Map.entry("http.target", List.of("url.path", "url.query")),
          Map.entry("http.scheme", List.of("url.scheme")),
          Map.entry("http.host", List.of("server.address")),
          Map.entry("http.user_agent", List.of("user_agent.original")),
          Map.entry("http.flavor", List.of("network.protocol.version")),
          Map.entry("http.client_ip", List.of("client.address")),
          Map.entry("http.request_content_length", List.of("http.request.body.size")),
          Map.entry("http.response_content_length", List.of("http.response.body.size")),
          Map.entry("net.peer.name", List.of("server.address")),
          Map.entry("net.peer.port", List.of("server.port")),
          Map.entry("net.host.name", List.of("server.address")),
          Map.entry("net.host.port", List.of("server.port")),
          Map.entry("net.sock.peer.addr", List.of("network.peer.address")),
          Map.entry("net.sock.peer.port", List.of("network.peer.port")),
          Map.entry("net.protocol.version", List.of("network.protocol.version")),
          Map.entry("db.system", List.of("db.system.name")),
          Map.entry("db.statement", List.of("db.query.text")),
          Map.entry("db.operation", List.of("db.operation.name")),
          Map.entry("db.name", List.of("db.namespace")),
          Map.entry("db.sql.table", List.of("db.collection.name")),
          Map.entry("messaging.destination", List.of("messaging.destination.name")),
          Map.entry("messaging.operation", List.of("messaging.operation.type")),
          Map.entry("messaging.kafka.partition", List.of("messaging.destination.partition.id")));

  private SemconvNames() {}

  /** Whether {@code stable} is (one of) the stable name(s) of {@code deprecated}. */
  static boolean renamed(String deprecated, String stable) {
    return STABLE.getOrDefault(deprecated, List.of()).contains(stable);
  }
}
