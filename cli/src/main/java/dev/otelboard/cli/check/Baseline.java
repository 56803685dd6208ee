package dev.otelboard.cli.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelboard.cli.OtelboardException;
import dev.otelboard.cli.check.CheckItem.Outcome;
import dev.otelboard.cli.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code findings a team has accepted, so that check fails only on new ones: a JSON file of
 * fingerprints (kind, file, enclosing class and method, snippet hash; no line numbers) with an
 * occurrence count each. Kind, file, where and snippet are written beside each fingerprint for
 * reviewers; only the fingerprint and count are matched. The file has no timestamp, so
 * regenerating it on an unchanged repo changes nothing.
 */
public final class Baseline {
  /** The {@code schema} value written and accepted. */
  public static final String SCHEMA = "otelboard-check-baseline/1";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String source;
  private final Map<String, Integer> counts;
  private final List<Entry> entries;

  /** One accepted fingerprint and, for reviewers, what it stands for. */
  record Entry(String fingerprint, int count, String kind, String rewrite, String file,
      String where, String snippet) {}

  private Baseline(String source, List<Entry> entries) {
    this.source = source;
    this.entries = List.copyOf(entries);
    Map<String, Integer> c = new HashMap<>();
    for (Entry e : entries) {
      c.merge(e.fingerprint(), e.count(), Integer::sum);
    }
    this.counts = Map.copyOf(c);
  }

  /** The failing and warning code findings of {@code result} (before any baseline). */
  public static Baseline of(CheckResult result, String source) {
    Map<String, Entry> byPrint = new LinkedHashMap<>();
    for (CheckItem i : result.items()) {
      if (i.fingerprint() == null || i.outcome() == Outcome.PASSED) {
        continue;
      }
      Object cls = i.properties().get("enclosingClass");
      Object method = i.properties().get("enclosingMethod");
      String where = cls == null ? "" : method == null ? cls.toString() : cls + "#" + method;
      byPrint.merge(i.fingerprint(),
          new Entry(i.fingerprint(), 1, i.ruleId(), String.valueOf(i.properties().get("rewrite")),
              i.file(), where, i.snippet()),
          (a, b) -> new Entry(a.fingerprint(), a.count() + 1, a.kind(), a.rewrite(), a.file(),
              a.where(), a.snippet()));
    }
    List<Entry> entries = new ArrayList<>(byPrint.values());
    entries.sort(Comparator.comparing(Entry::file).thenComparing(Entry::kind)
        .thenComparing(Entry::where).thenComparing(Entry::fingerprint));
    return new Baseline(source, entries);
  }

  /**
   * Reads a baseline file.
   *
   * @throws OtelboardException bad input (exit 3) when it is missing or not a baseline
   */
  public static Baseline read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw OtelboardException.badInput(file, 0,
          "no such baseline (write one with otelboard check --write-baseline FILE)");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw OtelboardException.badInput(file, line, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
    if (root == null || !SCHEMA.equals(root.path("schema").asText())
        || !root.path("findings").isArray()) {
      throw OtelboardException.badInput(file, 1, "not an otelboard check baseline: expected"
          + " \"schema\": \"" + SCHEMA + "\" and a \"findings\" array");
    }
    List<Entry> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode e : root.path("findings")) {
      String print = e.path("fingerprint").asText("");
      int count = e.path("count").asInt(1);
      if (print.isEmpty() || count < 1) {
        throw OtelboardException.badInput(file, 0, "findings[" + index
            + "]: needs a \"fingerprint\" and a positive \"count\"");
      }
      entries.add(new Entry(print, count, e.path("kind").asText(""), e.path("rewrite").asText(""),
          e.path("file").asText(""), e.path("where").asText(""), e.path("snippet").asText("")));
      index++;
    }
    return new Baseline(file.toString(), entries);
  }

  /** Writes this baseline to {@code file} atomically. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, toJson());
  }

  /** The file's text. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("description", "Code findings accepted when otelboard check was adopted; check fails"
        + " only on findings not listed here. Matched by fingerprint (kind, file, enclosing class"
        + " and method, snippet), not by line. Regenerate: otelboard check --write-baseline FILE.");
    ArrayNode findings = root.putArray("findings");
    for (Entry e : entries) {
      ObjectNode o = findings.addObject();
      o.put("fingerprint", e.fingerprint());
      o.put("count", e.count());
      o.put("kind", e.kind());
      o.put("rewrite", e.rewrite());
      o.put("file", e.file());
      o.put("where", e.where());
      o.put("snippet", e.snippet());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many occurrences the baseline accepts. */
  public int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * {@code result} with the findings this baseline accepts marked {@link Outcome#BASELINED}: per
   * fingerprint, as many occurrences as the baseline counts, in scan order; any more are new.
   */
  public CheckResult apply(CheckResult result) {
    Map<String, Integer> left = new HashMap<>(counts);
    List<CheckItem> items = new ArrayList<>();
    for (CheckItem i : result.items()) {
      boolean open = i.outcome() == Outcome.FAILED || i.outcome() == Outcome.WARNING;
      if (open && i.fingerprint() != null && left.getOrDefault(i.fingerprint(), 0) > 0) {
        left.merge(i.fingerprint(), -1, Integer::sum);
        items.add(i.withOutcome(Outcome.BASELINED));
      } else {
        items.add(i);
      }
    }
    int stale = left.values().stream().mapToInt(Integer::intValue).sum();
    return result.withItems(items, source, stale);
  }
}
