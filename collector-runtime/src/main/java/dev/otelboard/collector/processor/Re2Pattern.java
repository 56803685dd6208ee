package dev.otelboard.collector.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Go (RE2) regular expression run with java.util.regex: named groups may use any name RE2
 * allows (Java's may not hold '_' or '.'), so they are renamed and mapped back; POSIX classes
 * such as [[:alpha:]] are translated. RE2's other syntax is a subset of Java's.
 */
final class Re2Pattern {
  private static final Map<String, Re2Pattern> CACHE = new ConcurrentHashMap<>();
  private static final Pattern NAMED = Pattern.compile("\\(\\?P?<([A-Za-z0-9_.]+)>");
  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("[:alpha:]", "\\p{Alpha}"), Map.entry("[:digit:]", "\\d"),
      Map.entry("[:alnum:]", "\\p{Alnum}"), Map.entry("[:space:]", "\\s"),
      Map.entry("[:upper:]", "\\p{Upper}"), Map.entry("[:lower:]", "\\p{Lower}"),
      Map.entry("[:punct:]", "\\p{Punct}"), Map.entry("[:xdigit:]", "\\p{XDigit}"),
      Map.entry("[:word:]", "\\w"));

  private final Pattern pattern;
  private final List<String> groupNames;

  private Re2Pattern(Pattern pattern, List<String> groupNames) {
    this.pattern = pattern;
    this.groupNames = groupNames;
  }

  static Re2Pattern compile(String re2) {
    return CACHE.computeIfAbsent(re2, Re2Pattern::translate);
  }

  private static Re2Pattern translate(String re2) {
    String s = re2;
    for (Map.Entry<String, String> e : POSIX.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    List<String> names = new ArrayList<>();
    Matcher m = NAMED.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(b, "(?<g" + (names.size() - 1) + ">");
    }
    m.appendTail(b);
    try {
      return new Re2Pattern(Pattern.compile(b.toString()), List.copyOf(names));
    } catch (PatternSyntaxException e) {
      throw new OttlRuntimeException("invalid regex " + re2 + ": " + e.getDescription());
    }
  }

  /** The named groups' RE2 names, in order. */
  List<String> groupNames() {
    return groupNames;
  }

  /** Go's MatchString: a match anywhere. */
  boolean find(String s) {
    return pattern.matcher(s).find();
  }

  /** ExtractPatterns: the named groups of the first match ("" when a group took no part). */
  Map<String, Object> namedGroups(String s) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    Matcher m = pattern.matcher(s);
    if (m.find()) {
      for (int i = 0; i < groupNames.size(); i++) {
        String v = m.group("g" + i);
        out.put(groupNames.get(i), v == null ? "" : v);
      }
    }
    return out;
  }

  /** Every match replaced by its expansion of {@code template} passed through {@code post}. */
  String replaceEach(String s, String template, java.util.function.UnaryOperator<String> post) {
    String javaReplacement = javaReplacement(template);
    Matcher m = pattern.matcher(s);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      StringBuilder expanded = new StringBuilder();
      m.appendReplacement(expanded, javaReplacement);
      out.append(s, last, m.start()).append(post.apply(expanded.substring(m.start() - last)));
      last = m.end();
    }
    return out.append(s.substring(last)).toString();
  }

  /** replace_pattern: every match replaced; $1 / ${name} expand as Go's Regexp.Expand. */
  String replaceAll(String s, String replacement) {
    return pattern.matcher(s).replaceAll(javaReplacement(replacement));
  }

  private String javaReplacement(String replacement) {
    StringBuilder javaReplacement = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (c == '\\') {
        javaReplacement.append("\\\\");
      } else if (c == '$' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '$') {
        javaReplacement.append("\\$");
        i++;
      } else if (c == '$' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '{') {
        int end = replacement.indexOf('}', i);
        String name = end > 0 ? replacement.substring(i + 2, end) : "";
        int idx = groupNames.indexOf(name);
        javaReplacement.append(idx >= 0 ? "${g" + idx + "}" : "$" + name.replaceAll("\\D", ""));
        i = end > 0 ? end : i;
      } else {
        javaReplacement.append(c);
      }
    }
    return javaReplacement.toString();
  }
}
