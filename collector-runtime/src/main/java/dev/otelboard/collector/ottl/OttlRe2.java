package dev.otelboard.collector.ottl;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Go's RE2 syntax checked with java.util.regex, after rejecting what RE2 does not support. */
final class OttlRe2 {
  private static final Pattern UNSUPPORTED =
      Pattern.compile("\\(\\?(=|!|<=|<!|>)|\\\\[1-9]|[*+?}][+]");
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<[^>=!]+>");

  private OttlRe2() {}

  /** Null when {@code regex} is valid RE2 syntax, else why not. */
  static String check(String regex) {
    java.util.regex.Matcher m = UNSUPPORTED.matcher(regex);
    if (m.find()) {
      return "RE2 (Go regexp) does not support lookaround, backreferences, atomic groups or"
          + " possessive quantifiers (\"" + m.group() + "\" at offset " + m.start() + ")";
    }
    try {
      Pattern.compile(NAMED_GROUP.matcher(regex).replaceAll("("));
      return null;
    } catch (PatternSyntaxException e) {
      return e.getDescription() + " near offset " + Math.max(e.getIndex(), 0);
    }
  }
}
