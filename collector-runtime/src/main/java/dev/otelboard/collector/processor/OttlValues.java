package dev.otelboard.collector.processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OTTL values as plain Java: String, Long, Double, Boolean, byte[] (bytes, trace and span ids),
 * {@code Map<String, Object>} (maps, kvlists), {@code List<Object>} (slices) and null (nil);
 * converted from and to OTLP's AnyValue, compared with OTTL's rules (LANGUAGE.md).
 */
final class OttlValues {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final HexFormat HEX = HexFormat.of();

  private OttlValues() {}

  static Object fromAny(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case BYTES_VALUE -> v.getBytesValue().toByteArray();
      case ARRAY_VALUE -> {
        List<Object> list = new ArrayList<>();
        for (AnyValue item : v.getArrayValue().getValuesList()) {
          list.add(fromAny(item));
        }
        yield list;
      }
      case KVLIST_VALUE -> fromKeyValues(v.getKvlistValue().getValuesList());
      default -> null;
    };
  }

  static Map<String, Object> fromKeyValues(List<KeyValue> kvs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (KeyValue kv : kvs) {
      m.put(kv.getKey(), fromAny(kv.getValue()));
    }
    return m;
  }

  static AnyValue toAny(Object v) {
    AnyValue.Builder b = AnyValue.newBuilder();
    if (v == null) {
      return b.build();
    }
    if (v instanceof String s) {
      return b.setStringValue(s).build();
    }
    if (v instanceof Boolean x) {
      return b.setBoolValue(x).build();
    }
    if (v instanceof Long || v instanceof Integer) {
      return b.setIntValue(((Number) v).longValue()).build();
    }
    if (v instanceof Number n) {
      return b.setDoubleValue(n.doubleValue()).build();
    }
    if (v instanceof byte[] bytes) {
      return b.setBytesValue(ByteString.copyFrom(bytes)).build();
    }
    if (v instanceof Map<?, ?> m) {
      return b.setKvlistValue(KeyValueList.newBuilder().addAllValues(toKeyValues(map(m)))).build();
    }
    if (v instanceof List<?> l) {
      ArrayValue.Builder a = ArrayValue.newBuilder();
      for (Object o : l) {
        a.addValues(toAny(o));
      }
      return b.setArrayValue(a).build();
    }
    return b.setStringValue(String.valueOf(v)).build();
  }

  static List<KeyValue> toKeyValues(Map<String, Object> m) {
    List<KeyValue> out = new ArrayList<>(m.size());
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out.add(KeyValue.newBuilder().setKey(e.getKey()).setValue(toAny(e.getValue())).build());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  /** A deep copy, so a value set in two places is not shared. */
  static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      map(m).forEach((k, x) -> out.put(k, copy(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }

  /** ParseJSON: objects become maps, arrays lists, every number a float64 (Double). */
  static Object parseJson(String text) {
    try {
      return normalize(JSON.readValue(text, Object.class));
    } catch (JsonProcessingException e) {
      throw new OttlRuntimeException("ParseJSON: not JSON: " + e.getOriginalMessage());
    }
  }

  private static Object normalize(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      map(m).forEach((k, x) -> out.put(k, normalize(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normalize(x)));
      return out;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return v;
  }

  /** pcommon.Value.AsString: numbers as Go writes them, bytes base64, maps and lists as JSON. */
  static String stringify(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      return GoText.json(v, false);
    }
    if (v instanceof Double d) {
      return GoText.formatFloat(d);
    }
    return String.valueOf(v);
  }

  static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  /** Parses {@code length} bytes of hex, as pdata's ParseTraceID/ParseSpanID do. */
  static byte[] parseHexId(String s, int length, String what) {
    if (s.length() != length * 2) {
      throw new OttlRuntimeException(what + " ids must be " + (length * 2) + " hex characters");
    }
    try {
      return HEX.parseHex(s.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OttlRuntimeException("encoding/hex: invalid byte in " + what + " id");
    }
  }

  /** Times and durations cannot be stored in a record: set fails as in the collector. */
  static void requireStorable(Object v) {
    if (v instanceof GoTime.Time || v instanceof GoTime.Duration) {
      throw new OttlRuntimeException("unsupported type " + v.getClass().getSimpleName()
          + " for set operation");
    }
  }

  /** OTTL equality: numbers across int/float, bytes by content, nil only equals nil. */
  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof GoTime.Time x && b instanceof GoTime.Time y) {
      return x.instant().equals(y.instant());
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a.equals(b);
  }

  /** Ordering for <, <=, >, >=: numbers and strings only; other pairs are not comparable. */
  static Integer compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof GoTime.Time x && b instanceof GoTime.Time y) {
      return Integer.signum(x.instant().compareTo(y.instant()));
    }
    if (a instanceof GoTime.Duration x && b instanceof GoTime.Duration y) {
      return Long.compare(x.nanos(), y.nanos());
    }
    return null;
  }
}
