package dev.otelboard.cli.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values that look like credentials: API keys, tokens, passwords. otelboard never writes
 * one into a generated file (they come from Kubernetes Secrets through {@code ${env:...}}); the
 * generator runs this over its output before writing, and refuses fleet entries that inline one.
 */
public final class SecretScanner {
  private static final Pattern TOKEN =
      Pattern.compile("(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/-]{20,}={0,2}(?![A-Za-z0-9_+/=-])");
  private static final Pattern KNOWN = Pattern.compile(
      "AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9]{20,}"
          + "|(?i:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern SENSITIVE_KEY = Pattern.compile(
      "(?i)^\\s*-?\\s*[\"']?([A-Za-z0-9_.-]*(api[_-]?key|apikey|token|secret|password|passwd"
          + "|authorization|credential)[A-Za-z0-9_.-]*)[\"']?\\s*:\\s*(.+?)\\s*$");
  private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
      "(?i).*(auth|key|token|secret|password|team|credential).*");
  private static final Pattern ENV_REFERENCE = Pattern.compile("^[\"']?\\$\\{env:[A-Z0-9_]+\\}[\"']?$");

  private SecretScanner() {}

  /** One suspicious value: 1-based line and why. */
  public record Finding(int line, String reason) {}

  /** Whether a header of this name usually carries a credential (Authorization, x-api-key...). */
  public static boolean isCredentialHeader(String name) {
    return CREDENTIAL_HEADER.matcher(name).matches();
  }

  /** Whether {@code value} itself looks like a key, token or credential-bearing URL. */
  public static boolean looksLikeCredential(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    if (KNOWN.matcher(value).find() || value.matches("(?s).*://[^/\\s:@]+:[^/\\s@]+@.*")) {
      return true;
    }
    Matcher m = TOKEN.matcher(value);
    while (m.find()) {
      if (randomLooking(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** Every line of {@code text} that holds a key-like value. */
  public static List<Finding> scan(String text) {
    List<Finding> findings = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String content = stripComment(line);
      Matcher key = SENSITIVE_KEY.matcher(content);
      if (key.matches()) {
        String value = key.group(3);
        if (!value.isEmpty() && !ENV_REFERENCE.matcher(value).matches()
            && !value.startsWith("{") && !value.equals("null") && !isSecretReference(lines, i)) {
          findings.add(new Finding(i + 1, "\"" + key.group(1) + "\" has a literal value; it must"
              + " come from a Secret via ${env:...}"));
          continue;
        }
      }
      if (looksLikeCredential(content)) {
        findings.add(new Finding(i + 1, "a value that looks like a key or token"));
      }
    }
    return findings;
  }

  /** {@code key: api-key} under a {@code secretKeyRef:} names a Secret's key, not a secret. */
  private static boolean isSecretReference(String[] lines, int i) {
    for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
      if (lines[j].contains("secretKeyRef:")) {
        return true;
      }
    }
    return false;
  }

  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Mixed letters and digits with high per-character entropy: generated, not a word. */
  static boolean randomLooking(String token) {
    boolean digit = false;
    boolean letter = false;
    for (char c : token.toCharArray()) {
      digit |= Character.isDigit(c);
      letter |= Character.isLetter(c);
    }
    if (!digit || !letter) {
      return false;
    }
    Map<Character, Integer> counts = new HashMap<>();
    for (char c : token.toCharArray()) {
      counts.merge(c, 1, Integer::sum);
    }
    double entropy = 0;
    for (int n : counts.values()) {
      double p = (double) n / token.length();
      entropy -= p * (Math.log(p) / Math.log(2));
    }
    return entropy >= 3.3;
  }
}
