package dev.otelboard.cli.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log with one run, built from rules, results and tool notifications; shared by
 * {@code scan --format sarif} and {@code check --format sarif}. Paths are relative to
 * {@code %SRCROOT%}, which {@link Builder#setSourceRoot} points at.
 */
public final class Sarif {
  /** The SARIF version written. */
  public static final String VERSION = "2.1.0";
  /** The schema URI written into {@code $schema}. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /**
   * A reporting rule.
   *
   * @param id stable id, e.g. {@code http.client.java-net-http}
   * @param shortDescription one line
   * @param properties extra properties (category...), may be empty
   */
  public record Rule(String id, String shortDescription, Map<String, Object> properties) {
    /** Validates and copies. */
    public Rule {
      requireNonNull(id, "id");
      requireNonNull(shortDescription, "shortDescription");
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A result at one place.
   *
   * @param ruleId the rule's id (must be one of the rules)
   * @param level {@code error}, {@code warning}, {@code note} or {@code none}
   * @param kind {@code fail}, {@code pass}, {@code informational}...
   * @param message the message text
   * @param uri the file relative to the source root, '/' separators
   * @param line 1-based start line
   * @param column 1-based start column
   * @param snippet the source text at the location ("" for none)
   * @param properties extra properties, may be empty
   */
  public record Result(
      String ruleId,
      String level,
      String kind,
      String message,
      String uri,
      int line,
      int column,
      String snippet,
      Map<String, Object> properties) {
    /** Validates and copies. */
    public Result {
      requireNonNull(ruleId, "ruleId");
      requireNonNull(level, "level");
      requireNonNull(kind, "kind");
      requireNonNull(message, "message");
      requireNonNull(uri, "uri");
      properties = new LinkedHashMap<>(properties);
    }
  }

  /**
   * A problem the tool had (an unparseable file), reported as a tool execution notification.
   *
   * @param level {@code error} or {@code warning}
   * @param message the message
   * @param uri the file, relative
   * @param line 1-based line, or 0 when unknown
   */
  public record Notification(String level, String message, String uri, int line) {}

  private final String toolName;
  private final String toolVersion;
  private final String informationUri;
  private final String sourceRoot;
  private final List<Rule> rules;
  private final List<Result> results;
  private final List<Notification> notifications;

  private Sarif(Builder b) {
    this.toolName = b.toolName;
    this.toolVersion = b.toolVersion;
    this.informationUri = b.informationUri;
    this.sourceRoot = b.sourceRoot;
    this.rules = List.copyOf(b.rules);
    this.results = List.copyOf(b.results);
    this.notifications = List.copyOf(b.notifications);
  }

  /** A builder for a log of tool {@code toolName}. */
  public static Builder builder(String toolName, String toolVersion) {
    return new Builder(toolName, toolVersion);
  }

  /** Writes the log as pretty-printed JSON. */
  public void write(Writer out) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try {
      mapper.writeValue(out, toJson(mapper));
      out.write(System.lineSeparator());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log as a JSON tree. */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode log = mapper.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", VERSION);
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", toolName);
    driver.put("version", toolVersion);
    if (informationUri != null) {
      driver.put("informationUri", informationUri);
    }
    Map<String, Integer> ruleIndex = new HashMap<>();
    ArrayNode ruleArray = driver.putArray("rules");
    for (Rule r : rules) {
      ruleIndex.put(r.id(), ruleIndex.size());
      ObjectNode rule = ruleArray.addObject();
      rule.put("id", r.id());
      rule.putObject("shortDescription").put("text", r.shortDescription());
      if (!r.properties().isEmpty()) {
        rule.set("properties", mapper.valueToTree(new java.util.TreeMap<>(r.properties())));
      }
    }
    if (sourceRoot != null) {
      run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", sourceRoot);
    }
    ArrayNode resultArray = run.putArray("results");
    for (Result r : results) {
      Integer index = ruleIndex.get(r.ruleId());
      if (index == null) {
        throw new IllegalArgumentException("result for unknown rule " + r.ruleId());
      }
      ObjectNode result = resultArray.addObject();
      result.put("ruleId", r.ruleId());
      result.put("ruleIndex", index);
      result.put("level", r.level());
      result.put("kind", r.kind());
      result.putObject("message").put("text", r.message());
      ObjectNode physical = result.putArray("locations").addObject()
          .putObject("physicalLocation");
      location(physical, r.uri());
      ObjectNode region = physical.putObject("region");
      region.put("startLine", Math.max(1, r.line()));
      region.put("startColumn", Math.max(1, r.column()));
      if (r.snippet() != null && !r.snippet().isEmpty()) {
        region.putObject("snippet").put("text", r.snippet());
      }
      if (!r.properties().isEmpty()) {
        result.set("properties", mapper.valueToTree(r.properties()));
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    if (!notifications.isEmpty()) {
      ArrayNode array = invocation.putArray("toolExecutionNotifications");
      for (Notification n : notifications) {
        ObjectNode note = array.addObject();
        note.put("level", n.level());
        note.putObject("message").put("text", n.message());
        ObjectNode physical = note.putArray("locations").addObject()
            .putObject("physicalLocation");
        location(physical, n.uri());
        if (n.line() > 0) {
          physical.putObject("region").put("startLine", n.line());
        }
      }
    }
    return log;
  }

  private void location(ObjectNode physical, String uri) {
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri);
    if (sourceRoot != null) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
  }

  /** Builds a {@link Sarif} log. */
  public static final class Builder {
    private final String toolName;
    private final String toolVersion;
    private String informationUri;
    private String sourceRoot;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();

    Builder(String toolName, String toolVersion) {
      this.toolName = requireNonNull(toolName, "toolName");
      this.toolVersion = requireNonNull(toolVersion, "toolVersion");
    }

    /** The tool's documentation URI. Default: none. */
    public Builder setInformationUri(String informationUri) {
      this.informationUri = informationUri;
      return this;
    }

    /** The absolute {@code file:} URI (ending in '/') results are relative to. Default: none. */
    public Builder setSourceRoot(String sourceRoot) {
      this.sourceRoot = sourceRoot;
      return this;
    }

    /** Adds a rule; rules keep their order and index. */
    public Builder addRule(Rule rule) {
      rules.add(requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds a result. */
    public Builder addResult(Result result) {
      results.add(requireNonNull(result, "result"));
      return this;
    }

    /** Adds a tool execution notification. */
    public Builder addNotification(Notification notification) {
      notifications.add(requireNonNull(notification, "notification"));
      return this;
    }

    /** The log. */
    public Sarif build() {
      return new Sarif(this);
    }
  }
}
