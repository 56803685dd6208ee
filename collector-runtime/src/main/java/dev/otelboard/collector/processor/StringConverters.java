package dev.otelboard.collector.processor;

import dev.otelboard.collector.ottl.Expr;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * String converters (ottlfuncs func_concat, func_trim*, func_substring, func_split, func_index,
 * func_convert_case, func_base64*, func_decode, func_is_match, func_extract_patterns). Go indexes
 * strings by UTF-8 byte, so Substring, Index and Len do too.
 */
final class StringConverters {
  /** Decode's encodings the sandbox runs; others are refused before the statement runs. */
  static final Set<String> DECODINGS = Set.of("base64", "base64-raw", "base64-url",
      "base64-raw-url", "utf-8", "utf8", "ascii", "us-ascii", "", "utf-16", "utf16", "latin1",
      "iso-8859-1");

  private StringConverters() {}

  static void register(Map<String, Converter> m) {
    m.put("Concat", StringConverters::concat);
    m.put("ToLowerCase", a -> a.string(0).toLowerCase(Locale.ROOT));
    m.put("ToUpperCase", a -> a.string(0).toUpperCase(Locale.ROOT));
    m.put("ToSnakeCase", a -> CaseStyles.snake(a.string(0)));
    m.put("ToCamelCase", a -> CaseStyles.camel(a.string(0)));
    m.put("ConvertCase", a -> {
      String v = a.string(0);
      return switch (a.string(1)) {
        case "lower" -> v.toLowerCase(Locale.ROOT);
        case "upper" -> v.toUpperCase(Locale.ROOT);
        case "snake" -> CaseStyles.snake(v);
        case "camel" -> CaseStyles.camel(v);
        default -> throw a.fail("invalid case");
      };
    });
    m.put("HasPrefix", a -> a.string(0).startsWith(a.string(1)));
    m.put("HasSuffix", a -> a.string(0).endsWith(a.string(1)));
    m.put("TrimPrefix", a -> {
      String v = a.string(0);
      String p = a.string(1);
      return v.startsWith(p) ? v.substring(p.length()) : v;
    });
    m.put("TrimSuffix", a -> {
      String v = a.string(0);
      String s = a.string(1);
      return v.endsWith(s) ? v.substring(0, v.length() - s.length()) : v;
    });
    m.put("Trim", a -> trim(a.string(0), a.literal(1, " ")));
    m.put("Substring", StringConverters::substring);
    m.put("Split", a -> split(a.string(0), a.string(1)));
    m.put("Index", StringConverters::index);
    m.put("ContainsValue", a -> {
      List<Object> slice = a.slice(0);
      Object item = a.value(1);
      return slice.stream().anyMatch(v -> OttlValues.equal(v, item));
    });
    m.put("IsMatch", a -> {
      Re2Pattern re = Re2Pattern.compile(a.string(1));
      String v = a.stringLike(0);
      return v != null && re.find(v);
    });
    m.put("ExtractPatterns", a -> {
      Re2Pattern re = Re2Pattern.compile(a.string(1));
      if (re.groupNames().isEmpty()) {
        throw a.fail("at least 1 named capture group must be supplied in the given regex");
      }
      return re.namedGroups(a.string(0));
    });
    m.put("Base64Encode", StringConverters::base64Encode);
    m.put("Base64Decode", a -> new String(base64(a, a.string(0), "base64"),
        StandardCharsets.UTF_8));
    m.put("Decode", StringConverters::decode);
    m.put("Format", a -> GoFormat.sprintf(a.string(0), a.values(1)));
  }

  private static Object concat(Args a) {
    String delimiter = a.string(1);
    List<String> parts = new ArrayList<>();
    List<Object> values = a.values(0);
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      Expr e = a.expr(0) instanceof Expr.ListLiteral l ? l.items().get(i) : a.expr(0);
      parts.add(v == null ? "<nil>" : Args.stringLike(e, v));
    }
    return String.join(delimiter, parts);
  }

  /** strings.Trim: drops leading and trailing characters that are in {@code cutset}. */
  static String trim(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static Object substring(Args a) {
    long start = a.integer(1);
    if (start < 0) {
      throw a.fail("invalid start for substring function, " + start + " cannot be negative");
    }
    long length = a.integer(2);
    if (length <= 0) {
      throw a.fail("invalid length for substring function, " + length
          + " cannot be negative or zero");
    }
    byte[] b = a.string(0).getBytes(StandardCharsets.UTF_8);
    if (start > b.length || length > b.length - start) {
      throw a.fail("invalid range for substring function");
    }
    int from = (int) start;
    int to = (int) (start + length);
    if (a.has(3) && Boolean.TRUE.equals(a.value(3))) {
      while (from < b.length && (b[from] & 0xC0) == 0x80) {
        from++;
      }
      while (from < to && to < b.length && (b[to] & 0xC0) == 0x80) {
        to--;
      }
      to = Math.max(to, from);
    }
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** strings.Split: an empty delimiter splits into characters; an empty string gives [""]. */
  static List<Object> split(String s, String delimiter) {
    List<Object> out = new ArrayList<>();
    if (delimiter.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    int at;
    while ((at = s.indexOf(delimiter, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + delimiter.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static Object index(Args a) {
    Object target = a.value(0);
    Object value = a.value(1);
    if (target instanceof String s) {
      if (!(value instanceof String v)) {
        throw a.fail("invalid value type for Index function, value must be a string");
      }
      int at = s.indexOf(v);
      return at < 0 ? -1L : (long) s.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }
    if (!(target instanceof List<?> l)) {
      throw a.fail("expected pcommon.Slice but got " + Args.type(target));
    }
    for (int i = 0; i < l.size(); i++) {
      if (OttlValues.equal(l.get(i), value)) {
        return (long) i;
      }
    }
    return -1L;
  }

  private static Object base64Encode(Args a) {
    byte[] data = a.string(0).getBytes(StandardCharsets.UTF_8);
    String variant = a.has(1) ? a.string(1) : "base64";
    return switch (variant) {
      case "base64" -> Base64.getEncoder().encodeToString(data);
      case "base64-raw" -> Base64.getEncoder().withoutPadding().encodeToString(data);
      case "base64-url" -> Base64.getUrlEncoder().encodeToString(data);
      case "base64-raw-url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(data);
      default -> throw a.fail("unsupported base64 variant: " + variant);
    };
  }

  /** Go's base64 decoders skip \r and \n; padding is required exactly where Go requires it. */
  private static byte[] base64(Args a, String text, String variant) {
    String s = text.replace("\r", "").replace("\n", "");
    boolean raw = variant.contains("raw");
    if (raw ? s.contains("=") : s.length() % 4 != 0) {
      throw a.fail("illegal base64 data");
    }
    try {
      return (variant.contains("url") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
    } catch (IllegalArgumentException e) {
      throw a.fail("illegal base64 data");
    }
  }

  private static Object decode(Args a) {
    Object v = a.value(0);
    String encoding = a.string(1);
    byte[] bytes;
    if (v instanceof byte[] b) {
      bytes = b;
    } else if (v instanceof String s) {
      bytes = s.getBytes(StandardCharsets.UTF_8);
    } else if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
      bytes = OttlValues.stringify(v).getBytes(StandardCharsets.UTF_8);
    } else {
      throw a.fail("unsupported type provided to Decode function");
    }
    String lower = encoding.toLowerCase(Locale.ROOT);
    if (encoding.startsWith("base64")) {
      if (!DECODINGS.contains(encoding)) {
        throw a.fail("unsupported encoding '" + encoding + "'");
      }
      return new String(base64(a, new String(bytes, StandardCharsets.UTF_8), encoding),
          StandardCharsets.UTF_8);
    }
    Charset charset = switch (lower) {
      case "utf-8", "utf8", "ascii", "us-ascii", "" -> StandardCharsets.UTF_8;
      case "utf-16", "utf16" -> StandardCharsets.UTF_16LE;
      case "latin1", "iso-8859-1" -> StandardCharsets.ISO_8859_1;
      default -> throw a.fail("encoding " + encoding + " is not run by the sandbox");
    };
    return new String(bytes, charset);
  }
}
