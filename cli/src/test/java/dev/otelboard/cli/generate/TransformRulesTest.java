package dev.otelboard.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.cli.fleet.Fleet;
import dev.otelboard.cli.generate.CollectorModel.Group;
import dev.otelboard.cli.generate.CollectorModel.ServiceRules;
import dev.otelboard.collector.ottl.OttlContext;
import dev.otelboard.collector.ottl.OttlValidator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-service OTTL rules. */
class TransformRulesTest {

  private static Fleet.Service service(String name) {
    return Fixtures.fleet("fleet-three.yaml").services().stream()
        .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyGroupIsGuardedByTheServiceName() {
    ServiceRules rules = TransformRules.of(service("payments-service"));

    assertThat(Stream.of(rules.transform().traces(), rules.transform().metrics(),
        rules.transform().logs()).flatMap(List::stream))
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.conditions())
            .containsExactly("resource.attributes[\"service.name\"] == \"payments-service\""));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"payments-service", "checkout-service", "inventory-service"})
  void everyGeneratedStatementIsValidInItsGroupsContext(String name) {
    ServiceRules rules = TransformRules.of(service(name));
    if (rules.transform() == null) {
      return;
    }
    for (List<Group> signal : List.of(rules.transform().traces(), rules.transform().metrics(),
        rules.transform().logs())) {
      for (Group g : signal) {
        if (g.context() != null) {
          OttlContext context = OttlContext.byId(g.context()).orElseThrow();
          for (String s : g.statements()) {
            assertThat(OttlValidator.checkStatement(s, context)).as(s).isEmpty();
          }
        }
      }
    }
  }

  @Test
  void jsonBodiesAreMergedIntoAttributesBeforeIdsAreLifted() {
    List<String> statements = TransformRules.of(service("checkout-service")).transform().logs()
        .stream().filter(g -> "log".equals(g.context())).findFirst().orElseThrow().statements();

    assertThat(statements.get(0)).startsWith("merge_maps(log.attributes, ParseJSON(log.body), \"insert\")");
    assertThat(statements).anySatisfy(s -> assertThat(s).startsWith(
        "set(log.trace_id.string, log.attributes[\"traceId\"]) where log.trace_id == TraceID(0x00000000000000000000000000000000)"));
  }

  @Test
  void namespaceAndEnvironmentAreOnlySetWhenMissing() {
    Group resource = TransformRules.of(service("payments-service")).transform().traces().get(0);

    assertThat(resource.context()).isEqualTo("resource");
    assertThat(resource.statements()).containsExactly(
        "set(resource.attributes[\"service.namespace\"], \"shop\") where resource.attributes[\"service.namespace\"] == nil",
        "set(resource.attributes[\"deployment.environment.name\"], \"production\") where resource.attributes[\"deployment.environment.name\"] == nil");
  }

  @Test
  void redactionDeletesAndHashesInSpansAndLogs() {
    ServiceRules rules = TransformRules.of(service("payments-service"));

    assertThat(rules.transform().traces()).anySatisfy(g -> assertThat(g.statements()).contains(
        "delete_key(span.attributes, \"card.number\")",
        "set(span.attributes[\"enduser.id\"], SHA256(span.attributes[\"enduser.id\"])) where IsString(span.attributes[\"enduser.id\"])"));
    assertThat(rules.transform().logs()).anySatisfy(g -> assertThat(g.statements())
        .contains("delete_key(log.attributes, \"http.request.header.authorization\")"));
  }

  @Test
  void healthChecksAreDroppedByAFilterProcessor() {
    ServiceRules rules = TransformRules.of(service("checkout-service"));

    assertThat(rules.filter().id()).isEqualTo("filter/checkout-service");
    assertThat(rules.filter().traceConditions()).singleElement().asString()
        .startsWith("resource.attributes[\"service.name\"] == \"checkout-service\" and (IsMatch(span.attributes[\"url.path\"], \"^(?:/healthz|/readyz)/?(?:\\\\?.*)?$\")");
    Pattern health = Pattern.compile(TransformRules.healthRegex(List.of("/healthz", "/readyz")));
    assertThat(Stream.of("/healthz", "/readyz/", "/healthz?full=1")).allMatch(p -> health.matcher(p).find());
    assertThat(Stream.of("/healthzz", "/api/healthz", "/orders")).noneMatch(p -> health.matcher(p).find());
  }

  @Test
  void aServiceWithLiftingOffAndNoHealthChecksOnlyGetsItsResourceRules() {
    ServiceRules rules = TransformRules.of(service("inventory-service"));

    assertThat(rules.filter()).isNull();
    assertThat(rules.transform().logs()).extracting(Group::context).containsExactly("resource");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "request done traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=00f067aa0ba902b7",
      "{\"message\":\"done\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"00f067aa0ba902b7\"}",
      "INFO [trace_id: 4bf92f3577b34da6a3ce929d0e0e4736, span_id: 00f067aa0ba902b7] done"})
  void textBodyPatternsFindTheIds(String body) {
    Matcher trace = java(TransformRules.idPattern(List.of("trace_id", "traceId"), "t", 32)).matcher(body);
    Matcher span = java(TransformRules.idPattern(List.of("span_id", "spanId"), "s", 16)).matcher(body);

    assertThat(trace.find()).isTrue();
    assertThat(trace.group("t")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.find()).isTrue();
    assertThat(span.group("s")).isEqualTo("00f067aa0ba902b7");
  }

  private static Pattern java(String re2) {
    return Pattern.compile(re2.replace("(?P<", "(?<"));
  }
}
