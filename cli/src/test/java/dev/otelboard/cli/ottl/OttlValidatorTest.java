package dev.otelboard.cli.ottl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlProblem;
import dev.otelboard.collector.ottl.OttlSignal;
import dev.otelboard.collector.ottl.OttlValidator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline OTTL validator against documented statements (they must pass) and broken ones (each
 * must fail with its expected message and column). Valid statements come from the examples of
 * collector-contrib's processor/transformprocessor/README.md ("TP") and pkg/ottl/ottlfuncs/README.md
 * ("FUNCS"), as written there.
 */
class OttlValidatorTest {

  static Stream<Arguments> documentedStatements() {
    return Stream.of(
        // TP, "Basic Config"
        valid(OttlSignal.TRACES, "keep_keys(span.attributes, [\"service.name\", \"service.namespace\", \"cloud.region\", \"process.command_line\"])"),
        valid(OttlSignal.TRACES, "replace_pattern(span.attributes[\"process.command_line\"], \"password\\\\=[^\\\\s]*(\\\\s?)\", \"password=***\")"),
        valid(OttlSignal.TRACES, "limit(span.attributes, 100, [])"),
        valid(OttlSignal.TRACES, "truncate_all(span.attributes, 4096)"),
        valid(OttlSignal.METRICS, "keep_keys(resource.attributes, [\"host.name\"])"),
        // differential: the collector accepts a named argument given twice (the later one wins)
        valid(OttlSignal.LOGS, "truncate_all(log.attributes, limit=1, limit=2)"),
        valid(OttlSignal.LOGS, "truncate_all(log.attributes, 1, limit=2)"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"m\"], SliceToMap([[1], [\"a\"]]))"),
        valid(OttlSignal.METRICS, "truncate_all(resource.attributes, 4096)"),
        valid(OttlSignal.METRICS, "set(metric.description, \"Sum\") where metric.type == \"Sum\""),
        valid(OttlSignal.METRICS, "convert_sum_to_gauge() where metric.name == \"system.processes.count\""),
        valid(OttlSignal.METRICS, "convert_gauge_to_sum(\"cumulative\", false) where metric.name == \"prometheus_metric\""),
        valid(OttlSignal.LOGS, "set(log.severity_text, \"FAIL\") where log.body == \"request failed\""),
        valid(OttlSignal.LOGS, "replace_all_matches(log.attributes, \"/user/*/list/*\", \"/user/{userId}/list/{listId}\")"),
        valid(OttlSignal.LOGS, "replace_all_patterns(log.attributes, \"value\", \"/account/\\\\d{4}\", \"/account/{accountId}\")"),
        valid(OttlSignal.LOGS, "set(log.body, log.attributes[\"http.route\"])"),
        // TP, "Context inference"
        valid(OttlSignal.METRICS, "set(metric.description, \"test passed\") where datapoint.attributes[\"test\"] == \"pass\""),
        valid(OttlSignal.METRICS, "set(resource.attributes[\"test\"], \"passed\")"),
        valid(OttlSignal.METRICS, "limit(datapoint.attributes, 100, [\"host.name\"])"),
        // TP, metric functions
        valid(OttlSignal.METRICS, "extract_percentile_metric(99.9) where metric.name == \"http.server.duration\""),
        valid(OttlSignal.METRICS, "aggregate_on_attributes(\"sum\", [\"attr1\", \"attr2\"]) where metric.name == \"system.memory.usage\""),
        valid(OttlSignal.METRICS, "aggregate_on_attribute_value(\"sum\", \"attr1\", [\"val1\", \"val2\"], \"new_val\") where metric.name == \"system.memory.usage\""),
        valid(OttlSignal.METRICS, "merge_histogram_buckets(5, method=\"limit_buckets\") where metric.name == \"http_request_duration\""),
        valid(OttlSignal.METRICS, "delete_matching_keys(resource.attributes, \"(?i).*myRegex.*\") where metric.name == \"system.memory.usage\""),
        // TP, "Examples"
        valid(OttlSignal.TRACES, "set(span.attributes[\"test\"], \"pass\") where span.attributes[\"test\"] == nil"),
        valid(OttlSignal.TRACES, "set(resource.attributes[\"namespace\"], resource.attributes[\"k8s.namespace.name\"])"),
        valid(OttlSignal.TRACES, "delete_key(resource.attributes, \"k8s.namespace.name\")"),
        valid(OttlSignal.TRACES, "replace_all_patterns(resource.attributes, \"key\", \"k8s\\\\.namespace\\\\.name\", \"namespace\")"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"body\"], log.body)"),
        valid(OttlSignal.TRACES, "set(resource.attributes[\"test\"], Concat([resource.attributes[\"foo\"], resource.attributes[\"bar\"]], \" \"))"),
        valid(OttlSignal.LOGS, "merge_maps(log.cache, ParseJSON(log.body), \"upsert\") where IsMatch(log.body, \"^\\\\{\")"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"nested.attr3\"], log.cache[\"nested\"][\"attr3\"])"),
        valid(OttlSignal.LOGS, "set(log.severity_number, SEVERITY_NUMBER_INFO) where IsString(log.body) and IsMatch(log.body, \"\\\\sINFO\\\\s\")"),
        valid(OttlSignal.TRACES, "set(resource.cache[\"attrs\"], resource.attributes)"),
        valid(OttlSignal.TRACES, "keep_matching_keys(resource.cache[\"attrs\"], \"pod_labels_.*\")"),
        valid(OttlSignal.LOGS, "set(scope.attributes[\"test\"], [\"pass\"])"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"test\"], true)"),
        // FUNCS, editors
        valid(OttlSignal.LOGS, "append(log.attributes[\"tags\"], values = [\"staging\", \"staging:east\"])"),
        valid(OttlSignal.LOGS, "delete_matching_keys(log.attributes, \"(?i).*password.*\")"),
        valid(OttlSignal.LOGS, "flatten(log.body, depth=2)"),
        valid(OttlSignal.LOGS, "merge_maps(log.attributes, ParseJSON(log.attributes[\"kubernetes\"]), \"update\")"),
        valid(OttlSignal.TRACES, "set(span.trace_state[\"svc\"], \"example\")"),
        valid(OttlSignal.LOGS, "stringify_all(log.attributes)"),
        valid(OttlSignal.LOGS, "truncate_all(log.attributes, 100, truncation_marker = \"(truncated)\")"),
        valid(OttlSignal.METRICS, "set(metric.name, resource.attributes[\"http.route\"])"),
        // FUNCS, converters inside statements
        valid(OttlSignal.LOGS, "set(log.attributes[\"date\"], Format(\"%04d-%02d-%02d\", [Year(Now()), Month(Now()), Day(Now())]))"),
        valid(OttlSignal.TRACES, "set(span.attributes[\"isRoot\"], \"true\") where IsRootSpan()"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"csv\"], ParseCSV(log.body, \"phone|name|email\", delimiter=\"|\"))"),
        valid(OttlSignal.TRACES, "set(resource.attributes[\"service.name\"], TrimPrefix(resource.attributes[\"service.name\"], \"ingest_\"))"),
        valid(OttlSignal.TRACES, "set(span.attributes[\"product\"], Murmur3Hash(span.attributes[\"order.productId\"]))"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"grok\"], ExtractGrokPatterns(log.body, \"%{URI:url}\", true))"),
        // otelboard's own rules (generate transform)
        valid(OttlSignal.LOGS, "set(log.trace_id.string, log.attributes[\"trace_id\"]) where log.trace_id == TraceID(0x00000000000000000000000000000000) and IsMatch(log.attributes[\"trace_id\"], \"^[0-9a-fA-F]{32}$\")"),
        valid(OttlSignal.TRACES, "set(span.status.code, STATUS_CODE_ERROR) where span.kind == SPAN_KIND_SERVER and span.attributes[\"http.response.status_code\"] >= 500"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"n\"], (1 + 2) * 3) where not (log.body == nil or log.severity_number < 9)"),
        // parse in the collector 0.158.0: a converter as a condition (checked at run time) and
        // arithmetic without spaces (numbers carry no sign; '-' is the operator)
        valid(OttlSignal.LOGS, "set(log.body, 1) where ParseJSON(log.body)"),
        valid(OttlSignal.LOGS, "set(log.time_unix_nano, 1-1)"),
        // inference falls back to a lower context that has the function: span, not resource
        valid(OttlSignal.TRACES, "set(resource.attributes[\"r\"], \"x\") where IsRootSpan()"),
        valid(OttlSignal.LOGS, "set(log.attributes[\"neg\"], -1.5 * -2)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedStatements")
  void documentedStatementIsValid(String statement, OttlSignal signal) {
    assertThat(OttlValidator.checkStatement(statement, signal)).isEmpty();
  }

  static Stream<Arguments> legacyContextStatements() {
    return Stream.of(
        Arguments.of(named("FUNCS delete_index", "delete_index(attributes[\"tags\"], Len(attributes[\"tags\"]) - 1)"), OttlContext.LOG),
        Arguments.of(named("FUNCS delete_index range", "delete_index(attributes[\"tags\"], 0, 3)"), OttlContext.LOG),
        Arguments.of(named("FUNCS flatten resolveConflicts", "flatten(body, resolveConflicts=true)"), OttlContext.LOG),
        Arguments.of(named("TP test attribute", "set(attributes[\"test\"], \"pass\") where attributes[\"test\"] == nil"), OttlContext.SPAN),
        // TP metric functions: their statements name no path, so they need an explicit context
        Arguments.of(named("TP extract_count_metric", "extract_count_metric(true, \".count\")"), OttlContext.METRIC),
        Arguments.of(named("TP convert_summary_count_val_to_sum", "convert_summary_count_val_to_sum(\"delta\", true, \".count\")"), OttlContext.DATAPOINT),
        Arguments.of(named("TP convert_summary_quantile_val_to_gauge", "convert_summary_quantile_val_to_gauge(\"custom_quantile\", \"custom_suffix\")"), OttlContext.METRIC),
        Arguments.of(named("TP scale_metric", "scale_metric(10.0, \"kWh\")"), OttlContext.METRIC),
        Arguments.of(named("TP convert_exponential_histogram_to_histogram", "convert_exponential_histogram_to_histogram(\"random\", [0.0, 10.0, 100.0, 1000.0, 10000.0])"), OttlContext.METRIC),
        // FUNCS: a converter passed by name parses as an enum symbol, which inference refuses
        Arguments.of(named("FUNCS replace_pattern SHA256", "replace_pattern(name, \"^kube_([0-9A-Za-z]+_)\", \"$$1.\", SHA256, \"k8s.%s\")"), OttlContext.METRIC),
        Arguments.of(named("FUNCS replace_match SHA256", "replace_match(attributes[\"http.target\"], \"/user/*/list/*\", \"/user/{userId}/list/{listId}\", SHA256, \"/user/%s\")"), OttlContext.SPAN),
        Arguments.of(named("spanevent sees its span", "set(attributes[\"span\"], span.name) where name == \"exception\""), OttlContext.SPANEVENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacyContextStatements")
  void unprefixedPathsAreRelativeToAnExplicitContext(String statement, OttlContext context) {
    assertThat(OttlValidator.checkStatement(statement, context)).isEmpty();
  }

  static Stream<Arguments> brokenStatements() {
    return Stream.of(
        invalid(OttlSignal.LOGS, "sett(log.body, \"x\")", 1, "undefined function \"sett\"; did you mean set?"),
        invalid(OttlSignal.LOGS, "Set(log.body, \"x\")", 1, "editor names must start with a lowercase letter but got 'Set'"),
        invalid(OttlSignal.LOGS, "set(log.body, set(log.body, \"x\"))", 15, "converter names must start with an uppercase letter but got 'set'"),
        invalid(OttlSignal.LOGS, "set(log.bodyy, \"x\")", 9, "segment \"bodyy\" from path \"log.bodyy\" is not a valid path for the log context; did you mean body?"),
        invalid(OttlSignal.LOGS, "set(log.attributes.foo, 1)", 20, "\"attributes\" has no field \"foo\"; index it instead: attributes[\"foo\"]"),
        invalid(OttlSignal.LOGS, "set(attributes[\"x\"], 1)", 5, "missing context name for path \"attributes[...]\""),
        invalid(OttlSignal.LOGS, "set(span.name, \"x\")", 5, "path \"span.name\" is not valid in log_statements"),
        invalid(OttlSignal.LOGS, "set(log.body, \"\\d+\")", 15, "invalid escape \\d in string literal"),
        invalid(OttlSignal.LOGS, "set(log.body, \"abc)", 15, "unterminated string literal"),
        invalid(OttlSignal.LOGS, "set(log.body 1)", 14, "expected ',' or ')' in the arguments of set, got '1'"),
        invalid(OttlSignal.LOGS, "set(log.body, 1) where", 23, "expected a condition"),
        invalid(OttlSignal.LOGS, "set(log.body, 1) where log.body", 32, "expected a comparison operator"),
        invalid(OttlSignal.LOGS, "set(log.body, 1) where log.body = \"x\"", 33, "expected a comparison operator (==, !=, <, <=, >, >=) after the value, got '='"),
        invalid(OttlSignal.LOGS, "set(log.body, 1) where log.body == \"x\" && true", 40, "use 'and' / 'or'"),
        invalid(OttlSignal.LOGS, "set(log.severity_number, SEVERITY_NUMBER_WARNING)", 26, "unknown enum symbol SEVERITY_NUMBER_WARNING in the log context; did you mean SEVERITY_NUMBER_WARN?"),
        invalid(OttlSignal.TRACES, "set(span.kind, SEVERITY_NUMBER_INFO)", 16, "unknown enum symbol SEVERITY_NUMBER_INFO in the span context"),
        invalid(OttlSignal.LOGS, "keep_keys(log.attributes, \"a\")", 27, "argument \"keys\" of keep_keys must be a list literal"),
        invalid(OttlSignal.LOGS, "limit(log.attributes, 100)", 1, "too few arguments for limit: missing priority_keys"),
        invalid(OttlSignal.LOGS, "set(log.body)", 1, "too few arguments for set: missing value"),
        invalid(OttlSignal.LOGS, "set(log.body, 1, 2)", 18, "too many arguments for set: expected at most 2, got 3"),
        invalid(OttlSignal.LOGS, "merge_maps(log.attributes, log.cache, \"merge\")", 39, "argument \"strategy\" of merge_maps must be one of \"insert\", \"update\", \"upsert\", got \"merge\""),
        invalid(OttlSignal.LOGS, "replace_all_patterns(log.attributes, \"values\", \"a\", \"b\")", 38, "must be one of \"key\", \"value\""),
        invalid(OttlSignal.LOGS, "replace_pattern(log.body, \"foo(?=bar)\", \"x\")", 27, "RE2 (Go regexp) does not support lookaround"),
        invalid(OttlSignal.LOGS, "replace_pattern(log.body, \"[a-\", \"x\")", 27, "is not a valid regular expression"),
        invalid(OttlSignal.LOGS, "set(\"x\", log.body)", 5, "argument \"target\" of set must be a path"),
        invalid(OttlSignal.LOGS, "delete_key(log.attributes, \"a\")[\"x\"]", 32, "only paths and converters may be indexed, not editors"),
        invalid(OttlSignal.LOGS, "set(log.trace_id, TraceID(0x123))", 26, "byte literal 0x123 has an odd number of hex digits"),
        invalid(OttlSignal.LOGS, "convert_sum_to_gauge() where log.body == \"x\"", 1, "convert_sum_to_gauge is only available in the metric context, not in log"),
        invalid(OttlSignal.LOGS, "set(log.attributes[\"root\"], IsRootSpan())", 29, "IsRootSpan is only available in the span context"),
        invalid(OttlSignal.TRACES, "set(span.attributes[\"x\"], 1) where log.body == \"b\"", 36, "path \"log.body\" is not valid in trace_statements"),
        invalid(OttlSignal.TRACES, "set(span.attributes[\"x\"], Foo(1))", 27, "undefined function \"Foo\""),
        invalid(OttlSignal.LOGS, "truncate_all(log.attributes, -1)", 30, "must be an integer literal, got an arithmetic expression"),
        invalid(OttlSignal.LOGS, "truncate_all(log.attributes, \"100\")", 30, "argument \"limit\" of truncate_all must be an integer literal, got the string \"100\""),
        invalid(OttlSignal.LOGS, "flatten(log.body, depthh=2)", 19, "flatten has no parameter named \"depthh\""),
        invalid(OttlSignal.LOGS, "flatten(log.body, depth=2, \"p\")", 28, "positional argument after a named one"),
        invalid(OttlSignal.LOGS, "replace_pattern(log.body, \"a\", \"b\", Sha256)", 37, "argument \"function\" of replace_pattern must name a converter such as SHA256"),
        invalid(OttlSignal.LOGS, "set(log.body, 'x')", 15, "OTTL strings use double quotes"),
        invalid(OttlSignal.LOGS, "set(log.attributes[\"p\"], Filter(log.attributes, (_, v) => v == \"prod\"))", 50, "lambda expressions need the ottl.functions.enableLambda feature gate"),
        invalid(OttlSignal.LOGS, "", 1, "empty statement"),
        invalid(OttlSignal.LOGS, "set(log.body, [1, 2)", 13, "(column 20: expected ',' or ']' in the list, got ')')"),
        invalid(OttlSignal.LOGS, "set(log.body, {\"a\" 1})", 13, "what follows ',' in the arguments of set is not a valid value"),
        invalid(OttlSignal.LOGS, "set(log.name, \"x\")", 9, "segment \"name\" from path \"log.name\" is not a valid path for the log context"),
        invalid(OttlSignal.TRACES, "set(span.attributes[\"x\"], 1) where log.body == nil and spanevent.name == \"e\"", 36, "not valid in trace_statements"),
        invalid(OttlSignal.LOGS, "set(log.severity_text[0], \"x\")", 9, "path segment \"severity_text\" cannot be indexed"),
        invalid(OttlSignal.LOGS, "set(log.attributes[\"grok\"], ExtractGrokPatterns(log.body, \"%{URI}\", true))", 59, "needs at least 1 named capture group"),
        invalid(OttlSignal.METRICS, "extract_count_metric(true, \".count\")", 1, "unable to infer the context: no path starts with a context name"),
        invalid(OttlSignal.METRICS, "scale_metric(10, \"kWh\")", 1, "unable to infer the context"),
        invalid(OttlSignal.METRICS, "replace_pattern(metric.name, \"^kube_([0-9A-Za-z]+_)\", \"$$1.\", SHA256, \"k8s.%s\")", 1, "inferred context \"metric\" does not support the enum symbol \"SHA256\""),
        invalid(OttlSignal.LOGS, "set(log.attributes[\"r\"], \"x\") where IsRootSpan()", 37, "IsRootSpan is only available in the span context, not in log"),
        // differential: the filter processor's own converters are undefined in a transform
        invalid(OttlSignal.METRICS, "set(metric.description, \"x\") where HasAttrOnDatapoint(\"k\", \"v\")", 36, "undefined function \"HasAttrOnDatapoint\""),
        invalid(OttlSignal.METRICS, "set(metric.description, \"x\") where HasAttrKeyOnDatapoint(\"k\")", 36, "undefined function \"HasAttrKeyOnDatapoint\""),
        // differential: a literal list for a PSliceGetter may not hold map literals
        invalid(OttlSignal.LOGS, "set(log.attributes[\"m\"], SliceToMap([{\"id\": \"x\"}], [\"id\"]))", 37, "Invalid value type pcommon.Map"),
        invalid(OttlSignal.LOGS, "set(log.attributes[\"m\"], ContainsValue([[{\"id\": \"x\"}]], \"x\"))", 40, "Invalid value type pcommon.Map"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenStatements")
  void brokenStatementIsRejectedWithItsColumnAndReason(String statement, OttlSignal signal,
      int column, String reason) {
    List<OttlProblem> problems = OttlValidator.checkStatement(statement, signal);
    assertThat(problems).isNotEmpty();
    OttlProblem first = problems.get(0);
    assertThat(first.item()).isEqualTo(OttlProblem.Item.STATEMENT);
    assertThat(first.index()).isZero();
    assertThat(first.message()).contains(reason);
    assertThat(first.column()).as(first.toString()).isEqualTo(column);
  }

  private static Arguments valid(OttlSignal signal, String statement) {
    return Arguments.of(named(statement, statement), signal);
  }

  private static Arguments invalid(OttlSignal signal, String statement, int column, String reason) {
    return Arguments.of(named(statement.isEmpty() ? "(empty)" : statement, statement), signal,
        column, reason);
  }
}
