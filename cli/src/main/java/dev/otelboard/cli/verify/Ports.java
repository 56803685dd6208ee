package dev.otelboard.cli.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free ports for the {@code ${port:NAME}} placeholders of a plan, chosen by otelboard so a plan
 * never hard-codes a port that might be busy. Each NAME gets one port the first time it is
 * resolved. Two habits keep this safe on a busy machine:
 *
 * <ul>
 *   <li>ports come from below the kernel's ephemeral range ({@code ip_local_port_range}), which
 *       outgoing connections draw from, so no client connection takes one meanwhile;
 *   <li>otelboard keeps each port bound (on the wildcard address) until just before the first
 *       process that mentions it starts, so no other program can bind it in between.
 * </ul>
 *
 * {@code $${} writes a literal {@code ${}.
 */
public final class Ports implements AutoCloseable {
  /** A port placeholder; group 1 is the NAME. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{port:([A-Za-z0-9._-]+)}");

  private static final Pattern ANY = Pattern.compile("\\$(\\$?)\\{([^}]*)(}?)");
  private static final int LOWEST = 20_000;
  private static final int ATTEMPTS = 100;

  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, ServerSocket> held = new LinkedHashMap<>();
  private final int low;
  private final int high;

  /** Ports between 20000 and the start of the ephemeral range, when that range allows it. */
  public Ports() {
    int ephemeralLow = ephemeralLow();
    if (ephemeralLow - LOWEST >= 1000) {
      low = LOWEST;
      high = ephemeralLow - 1;
    } else {
      low = 0;
      high = 0;
    }
  }

  /** What is wrong with the placeholders in {@code text}; empty when nothing is. */
  static List<String> placeholderProblems(String text) {
    List<String> problems = new ArrayList<>();
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      if (!m.group(1).isEmpty()) {
        continue; // $${ is an escaped ${
      }
      String token = "${" + m.group(2) + m.group(3);
      if (m.group(3).isEmpty()) {
        problems.add("unclosed placeholder " + token);
      } else if (!PLACEHOLDER.matcher(token).matches()) {
        problems.add("unknown placeholder " + token + "; known: ${port:NAME} (a free port per NAME), $${ for a literal ${");
      }
    }
    return problems;
  }

  /** The NAMEs of the port placeholders in {@code text}. */
  static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      if (m.group(1).isEmpty()) {
        Matcher p = PLACEHOLDER.matcher("${" + m.group(2) + m.group(3));
        if (p.matches()) {
          names.add(p.group(1));
        }
      }
    }
    return names;
  }

  /** {@code text} with every placeholder replaced, choosing ports for new NAMEs. */
  public synchronized String resolve(String text) {
    Matcher m = ANY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = "${" + m.group(2) + m.group(3);
      } else {
        Matcher p = PLACEHOLDER.matcher("${" + m.group(2) + m.group(3));
        if (!p.matches()) {
          throw new IllegalArgumentException("unknown placeholder in " + text);
        }
        replacement = Integer.toString(port(p.group(1)));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The port of {@code name}, chosen (and held) now if it has none yet. */
  public synchronized int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      ServerSocket socket = reserve();
      port = socket.getLocalPort();
      ports.put(name, port);
      held.put(name, socket);
    }
    return port;
  }

  /** Every NAME chosen so far with its port. */
  public synchronized Map<String, Integer> assigned() {
    return Map.copyOf(ports);
  }

  /** Lets go of the ports of {@code names}, so the process about to start can bind them. */
  public synchronized void release(Collection<String> names) {
    for (String name : names) {
      ServerSocket socket = held.remove(name);
      if (socket != null) {
        closeQuietly(socket);
      }
    }
  }

  /** Forgets the ports of {@code names} (released or not), so they get new ones when resolved again. */
  public synchronized void forget(Collection<String> names) {
    release(names);
    names.forEach(ports::remove);
  }

  /** Releases every port still held. */
  @Override
  public synchronized void close() {
    held.values().forEach(Ports::closeQuietly);
    held.clear();
  }

  private ServerSocket reserve() {
    if (high > low) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < ATTEMPTS; i++) {
        int candidate = random.nextInt(low, high + 1);
        if (ports.containsValue(candidate)) {
          continue;
        }
        ServerSocket socket = bind(candidate);
        if (socket != null) {
          return socket;
        }
      }
    }
    ServerSocket socket = bind(0);
    if (socket == null) {
      throw new UncheckedIOException(new IOException("cannot bind any free port"));
    }
    return socket;
  }

  private static ServerSocket bind(int port) {
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return socket;
    } catch (IOException e) {
      if (socket != null) {
        closeQuietly(socket);
      }
      return null;
    }
  }

  private static int ephemeralLow() {
    try {
      String[] range =
          Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do: the port is free or about to be.
    }
  }
}
