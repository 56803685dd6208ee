package dev.otelboard.collector.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each converter the sandbox runs, on literal and attribute input, with the value the collector
 * 0.158.0 gives (TransformParityIT checks the same statements against the real collector).
 */
class ConvertersTest {
  private static final Map<String, Object> ATTRIBUTES = attributes();

  private static Map<String, Object> attributes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "Hello World");
    m.put("n", 42L);
    m.put("d", 2.5);
    m.put("b", true);
    m.put("list", List.of("b", "a", "c"));
    m.put("map", Map.of("k", "v"));
    m.put("kv", "a=1 b=\"two words\"");
    m.put("items", List.of(Map.of("id", "x", "v", 1L)));
    return m;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("Trim(\"  x  \")", "x"),
        arguments("Trim(\"--x-\", \"-\")", "x"),
        arguments("TrimPrefix(attributes[\"s\"], \"Hello \")", "World"),
        arguments("TrimSuffix(attributes[\"s\"], \" World\")", "Hello"),
        arguments("Substring(attributes[\"s\"], 6, 5)", "World"),
        arguments("Split(\"a,b,,c\", \",\")", List.of("a", "b", "", "c")),
        arguments("Index(attributes[\"s\"], \"World\")", 6L),
        arguments("Index(attributes[\"list\"], \"c\")", 2L),
        arguments("ContainsValue(attributes[\"list\"], \"a\")", true),
        arguments("ConvertCase(\"HelloWorld\", \"snake\")", "hello_world"),
        arguments("ToSnakeCase(\"simpleXMLParser\")", "simple_xml_parser"),
        arguments("ToCamelCase(\"hello_world-x.y\")", "HelloWorldXY"),
        arguments("ToUpperCase(attributes[\"s\"])", "HELLO WORLD"),
        arguments("Concat([attributes[\"s\"], attributes[\"n\"], attributes[\"d\"], nil], \"|\")",
            "Hello World|42|2.5|<nil>"),
        arguments("String(attributes[\"map\"])", "{\"k\":\"v\"}"),
        arguments("String(1.0e-7)", "1e-7"),
        arguments("Int(\"12\")", 12L),
        arguments("Int(attributes[\"d\"])", 2L),
        arguments("Double(attributes[\"n\"])", 42.0),
        arguments("Bool(\"true\")", true),
        arguments("Bool(attributes[\"n\"])", true),
        arguments("Len(\"h\u00e9\")", 3L),
        arguments("Len(attributes[\"list\"])", 3L),
        arguments("Coalesce([attributes[\"missing\"], \"fallback\"])", "fallback"),
        arguments("ParseInt(\"ff\", 16)", 255L),
        arguments("ParseInt(\"0x1F\", 0)", 31L),
        arguments("Log(1)", 0.0),
        arguments("IsValidLuhn(\"4111 1111 1111 1111\")", true),
        arguments("Hex(attributes[\"s\"])", "48656c6c6f20576f726c64"),
        arguments("Base64Encode(\"hi?\")", "aGk/"),
        arguments("Base64Encode(\"hi?\", \"base64-raw-url\")", "aGk_"),
        arguments("Base64Decode(\"aGk/\")", "hi?"),
        arguments("Decode(\"aGk_\", \"base64-url\")", "hi?"),
        arguments("MD5(\"a\")", "0cc175b9c0f1b6a831c399e269772661"),
        arguments("SHA1(\"a\")", "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8"),
        arguments("FNV(\"a\")", -5808556873153909620L),
        arguments("Murmur3Hash(\"Hello World\")", "ce837619"),
        arguments("Murmur3Hash128(\"Hello World\")", "dbc2a0c1ab26631a27b4c09fcf1fe683"),
        arguments("Keys(attributes[\"map\"])", List.of("k")),
        arguments("Values(attributes[\"map\"])", List.of("v")),
        arguments("ParseKeyValue(attributes[\"kv\"])", Map.of("a", "1", "b", "two words")),
        arguments("ToKeyValueString({\"b\": \"x y\", \"a\": 1}, \"=\", \" \", true)",
            "a=1 b=\"x y\""),
        arguments("SliceToMap(attributes[\"items\"], [\"id\"], [\"v\"])", Map.of("x", 1L)),
        arguments("Sort(attributes[\"list\"], \"desc\")", List.of("c", "b", "a")),
        arguments("Sort([3, 1.5, 2])", List.of(1.5, 2L, 3L)),
        arguments("ExtractPatterns(attributes[\"s\"], \"^(?P<first>\\\\w+) (?P<x>z)?\")",
            Map.of("first", "Hello", "x", "")),
        arguments("UnixNano(Time(\"2024-03-05T10:11:12.5+01:00\", \"%Y-%m-%dT%H:%M:%S%z\"))",
            1709629872500000000L),
        arguments("FormatTime(Time(\"05/03/2024 10:11\", \"%d/%m/%Y %H:%M\", \"UTC\"),"
            + " \"%A %B %e %Y %I:%M %p\")", "Tuesday March  5 2024 10:11 AM"),
        arguments("Hour(Time(\"2024-03-05 10:11:12 -0300\", \"%Y-%m-%d %H:%M:%S %z\"))", 10L),
        arguments("UnixSeconds(TruncateTime(Unix(1709629872), Duration(\"1h\")))", 1709629200L),
        arguments("Weekday(Unix(0))", 4L),
        arguments("Minutes(Duration(\"1h30m\"))", 90.0),
        arguments("Milliseconds(Duration(\"1.5s\"))", 1500L),
        arguments("Nanoseconds(Unix(10) - Unix(4))", 6_000_000_000L),
        arguments("ParseSeverity(attributes[\"n\"], {\"warn\": [{\"range\": {\"min\": 40, \"max\": 49}}]})", "warn"),
        arguments("ParseSeverity(attributes[\"s\"], {\"a\": [{\"equals\": [\"x\"]}], \"b\": [{\"equals\": [\"Hello World\"]}]})", "b"),
        arguments("Format(\"%s=%03d %.1f %v\", [\"n\", 7, 2.25, nil])", "n=007 2.2 <nil>"),
        arguments("Format(\"%d\", [\"x\"])", "%!d(string=x)"),
        arguments("Format(\"a%99999999999d b\", [1])", "a%!(NOVERB)%!(EXTRA int64=1)"),
        arguments("ParseCSV(\"a,\\\"b,c\\\"\", \"x,y\")", Map.of("x", "a", "y", "b,c")),
        arguments("ParseCSV(\"a,b\\nc\", \"x,y\")", Map.of("x", "a", "y", "b\nc")),
        arguments("IsInCIDR(\"10.1.2.3\", [\"10.0.0.0/8\"])", true),
        arguments("IsInCIDR(\"192.168.1.1\", [\"10.0.0.0/8\", \"2001:db8::/32\"])", false),
        arguments("IsInCIDR(\"2001:db8::1\", [\"2001:db8::/32\"])", true),
        arguments("IsInCIDR(\"host.example\", [\"10.0.0.0/8\"])", false),
        arguments("IsMatch(UUID(), \"^[0-9a-f]{8}-[0-9a-f]{4}-4\")", true),
        arguments("IsMatch(UUIDv7(), \"^[0-9a-f]{8}-[0-9a-f]{4}-7\")", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void convertsAsTheCollectorDoes(String expression, Object expected) {
    assertThat(OttlHarness.eval(ATTRIBUTES, expression)).isEqualTo(expected);
  }

  @Test
  void aTimeCannotBeStoredInAnAttribute() {
    OttlHarness.Result r = OttlHarness.run(ATTRIBUTES, "x", "set(attributes[\"t\"], Now())");
    assertThat(r.errors()).isEqualTo(1);
    assertThat(r.attributes()).doesNotContainKey("t");
  }

  @Test
  void aNilWhereAStringIsNeededIsAnError() {
    OttlHarness.Result r = OttlHarness.run(ATTRIBUTES, "x",
        "set(attributes[\"out\"], Trim(attributes[\"missing\"]))");
    assertThat(r.errors()).isEqualTo(1);
  }

  @Test
  void aTimeFormatDirectiveTheSandboxLacksIsRefusedUpFront() {
    OttlHarness.Result r = OttlHarness.run(ATTRIBUTES, "x",
        "set(attributes[\"t\"], UnixNano(Time(\"x\", \"%Z\")))");
    assertThat(r.unsupported()).singleElement().extracting(Unsupported::why)
        .isEqualTo("Time with %Z");
  }
}
