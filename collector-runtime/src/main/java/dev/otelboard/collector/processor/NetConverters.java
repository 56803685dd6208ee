package dev.otelboard.collector.processor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IsInCIDR (ottlfuncs func_is_in_cidr) with Go's net.ParseIP / ParseCIDR rules: dotted IPv4
 * without leading zeros, IPv6 literals (an IPv4-mapped one counts as IPv4); never a host name, so
 * never a DNS lookup. Also IsRootSpan, which reads the span's parent id.
 */
final class NetConverters {
  private static final Pattern IPV4 = Pattern.compile(
      "(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private NetConverters() {}

  static void register(Map<String, Converter> m) {
    m.put("IsInCIDR", a -> {
      byte[] ip = parseIp(a.string(0));
      boolean in = false;
      for (int i = 0; i < a.values(1).size(); i++) {
        Object network = a.values(1).get(i);
        if (!(network instanceof String cidr)) {
          throw a.fail("expected string but got " + Args.type(network));
        }
        in |= ip != null && contains(a, cidr, ip);
      }
      return in;
    });
    m.put("IsRootSpan", a -> {
      Node span = a.cursor().span() != null ? a.cursor().span() : a.cursor().item();
      Object parent = span.fields.get("parent_span_id");
      return parent instanceof byte[] b && Arrays.equals(b, new byte[b.length]);
    });
  }

  /** net.ParseIP: 4 bytes for IPv4 (and IPv4-mapped IPv6), 16 for IPv6; null if not an IP. */
  static byte[] parseIp(String s) {
    if (IPV4.matcher(s).matches()) {
      byte[] out = new byte[4];
      String[] parts = s.split("\\.");
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return null;
        }
        out[i] = (byte) v;
      }
      return out;
    }
    if (!IPV6.matcher(s).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean contains(Args a, String cidr, byte[] ip) {
    int slash = cidr.indexOf('/');
    byte[] network = slash < 0 ? null : parseIp(cidr.substring(0, slash));
    Integer bits = slash < 0 ? null : GoNumbers.parseInt(cidr.substring(slash + 1), 10) == null
        ? null : GoNumbers.parseInt(cidr.substring(slash + 1), 10).intValue();
    if (network == null || bits == null || bits < 0 || bits > network.length * 8
        || !cidr.substring(slash + 1).matches("\\d+")) {
      throw a.fail("invalid CIDR address: " + cidr);
    }
    if (network.length != ip.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((network[i / 8] & mask) != (ip[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
