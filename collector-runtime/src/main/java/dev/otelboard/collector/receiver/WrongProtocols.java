package dev.otelboard.collector.receiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections that spoke another protocol than their port serves: an OTLP/HTTP exporter pointed
 * at the gRPC port (its HTTP/1.1 request line), a gRPC exporter pointed at the HTTP port (the
 * HTTP/2 preface), TLS on either. Their data never reaches the pipeline, so this is the only
 * trace of it; the receivers record, the report lists. Thread-safe.
 */
public final class WrongProtocols {
  /**
   * Connections of one kind on one port.
   *
   * @param receiver {@code OTLP/gRPC} or {@code OTLP/HTTP}: what the port serves
   * @param port the port
   * @param protocol what the connection spoke: {@code HTTP/1.1}, {@code HTTP/2 (gRPC)}, {@code TLS}
   * @param connections how many connections
   * @param example the first one's first line, e.g. {@code POST /v1/traces HTTP/1.1}
   */
  public record Connection(
      String receiver, int port, String protocol, long connections, String example) {
    /** One line for people, naming the likely cause. */
    public String describe() {
      String cause = switch (protocol) {
        case HTTP_1 -> "an exporter with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (or"
            + " http/json) was pointed at the gRPC endpoint";
        case HTTP_2 -> "a gRPC exporter (OTEL_EXPORTER_OTLP_PROTOCOL=grpc) was pointed at the"
            + " HTTP endpoint";
        default -> "an https:// endpoint was used where the collector listens in plain text";
      };
      return String.format(java.util.Locale.ROOT,
          "%,d connection(s) spoke %s to the %s port %d (%s): %s; what they sent was lost",
          connections, protocol, receiver, port, example, cause);
    }
  }

  static final String HTTP_1 = "HTTP/1.1";
  static final String HTTP_2 = "HTTP/2 (gRPC)";
  static final String TLS = "TLS";

  private record Key(String receiver, int port, String protocol) {}

  private static final class Tally {
    final AtomicLong connections = new AtomicLong();
    final String example;

    Tally(String example) {
      this.example = example;
    }
  }

  private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

  /** Records one connection that spoke {@code protocol} to a port serving {@code receiver}. */
  void record(String receiver, int port, String protocol, String example) {
    tallies.computeIfAbsent(new Key(receiver, port, protocol), k -> new Tally(example))
        .connections.incrementAndGet();
  }

  /** What was recorded so far, by receiver, port and protocol. */
  public List<Connection> snapshot() {
    List<Connection> out = new ArrayList<>();
    tallies.forEach((k, t) -> out.add(
        new Connection(k.receiver(), k.port(), k.protocol(), t.connections.get(), t.example)));
    out.sort(java.util.Comparator.comparing(Connection::receiver)
        .thenComparing(Connection::protocol));
    return out;
  }
}
