package dev.otelboard.cli.config;

import dev.otelboard.cli.OtelboardException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document loaded into plain Java values (maps, lists, strings, numbers, booleans) together
 * with the line where each key path starts, so config errors can say {@code file:line: key.path:
 * what}. Key paths look like {@code services[1].logs.traceIdKeys[0]}.
 *
 * @param root the document: a Map, List, scalar, or null when empty
 * @param lines 1-based line of each key path
 * @param file where the text came from, for messages
 */
public record LocatedYaml(Object root, Map<String, Integer> lines, Path file) {

  /** Parses {@code text}; a syntax error is a bad-input failure naming file and line. */
  public static LocatedYaml parse(Path file, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      Yaml yaml = new Yaml(new SafeConstructor(options));
      Object root = yaml.load(text);
      Node node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
      Map<String, Integer> lines = new HashMap<>();
      if (node != null) {
        index(node, "", lines);
      }
      return new LocatedYaml(root, Map.copyOf(lines), file);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw OtelboardException.badInput(file, line, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw OtelboardException.badInput(file, 0, "not valid YAML: " + e.getMessage());
    }
  }

  /**
   * A syntax problem of a YAML text that may hold several documents (Spring's application.yml).
   *
   * @param line 1-based, 0 when unknown
   * @param what the parser's one-line description
   */
  public record SyntaxProblem(int line, String what) {}

  /** The first syntax problem of every document in {@code text}; empty when all parse. */
  public static Optional<SyntaxProblem> syntaxProblem(String text) {
    try {
      for (Object ignored : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
        // Parsing every document is the check.
      }
      return Optional.empty();
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
      return Optional.of(new SyntaxProblem(line, problem.replace('\n', ' ')));
    } catch (YAMLException e) {
      return Optional.of(new SyntaxProblem(0,
          String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid YAML")));
    }
  }

  /**
   * A node of a YAML text with its exact place, for edits that keep the rest of the file byte for
   * byte.
   *
   * @param path the key path, as in {@link #lines()}
   * @param line 1-based line of its key (of the node itself for a sequence item or the root)
   * @param start char offset of the node's first character (a quote, for a quoted scalar)
   * @param end char offset just after its last character
   * @param style for a scalar, its first character when quoted or a block ({@code " ' | >}), else
   *     a space; for a mapping {@code {} or a sequence {@code [}
   * @param value a scalar's value; null for a mapping or sequence
   * @param column 0-based column where the node starts
   */
  public record Located(String path, int line, int start, int end, char style, String value,
      int column) {}

  /**
   * Every node of the single-document {@code text} with its place, in document order (a key
   * path's mapping before its children).
   *
   * @throws YAMLException when the text is not valid YAML (see {@link #syntaxProblem})
   */
  public static List<Located> locate(String text) {
    Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    List<Located> out = new java.util.ArrayList<>();
    if (node != null) {
      locate(text, node, "", node.getStartMark().getLine() + 1, out);
    }
    return out;
  }

  private static void locate(String text, Node node, String path, int line,
      List<Located> out) {
    // SnakeYAML's index counts code points; String offsets count chars.
    int start = text.offsetByCodePoints(0, node.getStartMark().getIndex());
    int end = text.offsetByCodePoints(0, node.getEndMark().getIndex());
    int column = node.getStartMark().getColumn();
    if (node instanceof ScalarNode scalar) {
      char style = scalar.getScalarStyle().getChar() == null ? ' '
          : scalar.getScalarStyle().getChar();
      out.add(new Located(path, line, start, end, style, scalar.getValue(), column));
    } else if (node instanceof MappingNode m) {
      out.add(new Located(path, line, start, end, '{', null, column));
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          locate(text, t.getValueNode(), path.isEmpty() ? k.getValue() : path + "." + k.getValue(),
              k.getStartMark().getLine() + 1, out);
        }
      }
    } else if (node instanceof SequenceNode s) {
      out.add(new Located(path, line, start, end, '[', null, column));
      for (int i = 0; i < s.getValue().size(); i++) {
        Node item = s.getValue().get(i);
        locate(text, item, path + "[" + i + "]", item.getStartMark().getLine() + 1, out);
      }
    }
  }

  /** The line of {@code path}, or of its nearest ancestor that has one; 0 when unknown. */
  public int line(String path) {
    String p = path;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 0;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? "" : p.substring(0, cut);
    }
  }

  /** {@code file:line: path: message}, the form every config error takes. */
  public String locate(String path, String message) {
    int line = line(path);
    String where = line > 0 ? file + ":" + line : file.toString();
    return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }

  private static void index(Node node, String path, Map<String, Integer> lines) {
    lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          String child = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
          lines.put(child, k.getStartMark().getLine() + 1);
          index(t.getValueNode(), child, lines);
        }
      }
    } else if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      Iterator<Node> it = items.iterator();
      for (int i = 0; it.hasNext(); i++) {
        index(it.next(), path + "[" + i + "]", lines);
      }
    }
  }
}
