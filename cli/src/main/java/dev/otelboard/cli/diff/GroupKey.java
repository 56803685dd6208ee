package dev.otelboard.cli.diff;

import java.util.Comparator;
import java.util.Set;

/**
 * The shape a span is matched by across runs, within its service: never its ids. HTTP spans by
 * method and path template (a route with parameters, else the normalized path, else the route),
 * RPC spans by service/method, database spans by system and operation, messaging spans by
 * destination, all others by their normalized name.
 *
 * @param kind SERVER, CLIENT, PRODUCER, CONSUMER, INTERNAL or UNSPECIFIED
 * @param name the normalized name: {@code POST /orders/{id}}, {@code inventory.Stock/Reserve}...
 * @param method the HTTP method, or empty
 * @param statusClass {@code 2xx}..{@code 5xx}, or empty
 * @param dbSystem {@code db.system.name} (or the deprecated {@code db.system}), or empty
 * @param dbOperation {@code db.operation.name} (or {@code db.operation}), or empty
 * @param destination the normalized messaging destination, or empty
 */
public record GroupKey(
    String kind,
    String name,
    String method,
    String statusClass,
    String dbSystem,
    String dbOperation,
    String destination)
    implements Comparable<GroupKey> {

  private static final Comparator<GroupKey> ORDER =
      Comparator.comparing(GroupKey::kind)
          .thenComparing(GroupKey::name)
          .thenComparing(GroupKey::statusClass)
          .thenComparing(GroupKey::dbSystem)
          .thenComparing(GroupKey::dbOperation)
          .thenComparing(GroupKey::destination)
          .thenComparing(GroupKey::method);

  /** The attributes whose values {@link #of} reads; the reader skips the values of all others. */
  static final Set<String> READ =
      Set.of(
          "http.request.method", "http.method", "http.response.status_code", "http.status_code",
          "http.route", "url.path", "http.target", "url.full", "http.url",
          "rpc.system", "rpc.service", "rpc.method", "rpc.grpc.status_code",
          "db.system.name", "db.system", "db.operation.name", "db.operation",
          "messaging.system", "messaging.destination.name", "messaging.destination",
          "messaging.destination.temporary");

  /** The group key of a service that had more groups than the reader keeps apart. */
  static final GroupKey OTHER = new GroupKey("INTERNAL", "(other groups)", "", "", "", "", "");

  static GroupKey of(SpanRecord s) {
    String kind = kindName(s.kind);
    String method = Normalize.method(s.attr("http.request.method", "http.method"));
    if (!method.isEmpty()) {
      String status = Normalize.statusClass(s.attr("http.response.status_code", "http.status_code"));
      String path = httpPath(s);
      return new GroupKey(kind, path == null ? method : method + " " + path, method, status, "", "", "");
    }
    String rpc = s.attr("rpc.system");
    if (rpc != null) {
      String service = s.attr("rpc.service");
      String m = s.attr("rpc.method");
      String name = service != null && m != null ? service + "/" + m : Normalize.name(s.name);
      String grpc = s.attr("rpc.grpc.status_code");
      return new GroupKey(kind, name, "", grpc == null ? "" : "grpc " + grpc, "", "", "");
    }
    String db = s.attr("db.system.name", "db.system");
    if (db != null) {
      String op = s.attr("db.operation.name", "db.operation");
      return new GroupKey(kind, Normalize.name(s.name), "", "", db, op == null ? "" : op, "");
    }
    if (s.attr("messaging.system") != null) {
      String dest = s.attr("messaging.destination.name", "messaging.destination");
      String temporary = s.attr("messaging.destination.temporary");
      String d = "true".equals(temporary) ? "(temporary)" : dest == null ? "" : Normalize.name(dest);
      return new GroupKey(kind, Normalize.name(s.name), "", "", "", "", d);
    }
    return new GroupKey(kind, Normalize.name(s.name), "", "", "", "", "");
  }

  private static String httpPath(SpanRecord s) {
    String route = s.attr("http.route");
    if (route != null && (route.indexOf('{') >= 0 || route.indexOf(':') >= 0 || route.indexOf('*') >= 0)) {
      return Normalize.path(route);
    }
    String path = s.attr("url.path", "http.target", "url.full", "http.url");
    if (path != null) {
      return Normalize.path(path);
    }
    if (route != null) {
      return Normalize.path(route);
    }
    // Only the name is left: "GET /users/42" (pre-semconv or hand-made) or just "GET".
    String n = Normalize.name(s.name);
    int space = n.indexOf(' ');
    return space > 0 && n.startsWith("/", space + 1) ? n.substring(space + 1) : null;
  }

  static String kindName(int kind) {
    return switch (kind) {
      case 1 -> "INTERNAL";
      case 2 -> "SERVER";
      case 3 -> "CLIENT";
      case 4 -> "PRODUCER";
      case 5 -> "CONSUMER";
      default -> "UNSPECIFIED";
    };
  }

  /** {@code SERVER POST /checkout 2xx}, {@code CLIENT postgresql SELECT orders}, ... */
  public String label() {
    StringBuilder b = new StringBuilder(kind).append(' ');
    if (!dbSystem.isEmpty()) {
      b.append(dbSystem).append(' ');
    }
    b.append(name);
    if (!dbOperation.isEmpty() && !name.contains(dbOperation)) {
      b.append(" (").append(dbOperation).append(')');
    }
    if (!destination.isEmpty()) {
      b.append(" -> ").append(destination);
    }
    if (!statusClass.isEmpty()) {
      b.append(' ').append(statusClass);
    }
    return b.toString();
  }

  @Override
  public int compareTo(GroupKey o) {
    return ORDER.compare(this, o);
  }
}
