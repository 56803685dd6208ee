package dev.otelboard.cli.check;

import dev.otelboard.cli.scan.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Baseline fingerprints of findings: the finding's kind, file, enclosing class and method and its
 * source snippet (whitespace collapsed), hashed. Line numbers are left out on purpose, so an edit
 * elsewhere in the file does not turn an accepted finding into a new one. Two identical findings
 * in one method share a fingerprint; the baseline counts occurrences.
 */
final class Fingerprints {
  private Fingerprints() {}

  /** 32 hex digits: the first 128 bits of a SHA-256. */
  static String of(Finding f) {
    String key = String.join("\n",
        f.kind().id(),
        f.file(),
        f.enclosingClass() == null ? "" : f.enclosingClass(),
        f.enclosingMethod() == null ? "" : f.enclosingMethod(),
        f.snippet().strip().replaceAll("\\s+", " "));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }

  /** {@code com.acme.Foo#bar}, {@code com.acme.Foo} or "" — where a finding is, for people. */
  static String where(Finding f) {
    if (f.enclosingClass() == null) {
      return "";
    }
    return f.enclosingMethod() == null ? f.enclosingClass()
        : f.enclosingClass() + "#" + f.enclosingMethod();
  }
}
