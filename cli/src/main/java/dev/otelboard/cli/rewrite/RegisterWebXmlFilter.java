package dev.otelboard.cli.rewrite;

import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A war's {@code WEB-INF/web.xml} declares the generated servlet Filter and maps it to every
 * request ahead of the filters already there, so the container gives each request a SERVER span
 * that is current while the application's filters and servlets run. A Servlet 2.x descriptor is
 * refused: the filter needs the Servlet 3.0 API.
 */
public final class RegisterWebXmlFilter {
  /** The id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.REGISTER_WEB_XML_FILTER;
  private static final Set<String> ENTRIES =
      Set.of("filter", "filter-mapping", "servlet", "servlet-mapping", "listener");

  private RegisterWebXmlFilter() {}

  /**
   * The outcome for one web.xml.
   *
   * @param text the new text (the input when nothing changes)
   * @param line the line of the change or of the refusal, 0 when nothing happened
   * @param refusal null, or why the file was left alone
   */
  public record Result(String text, int line, String refusal) {
    /** Whether the text differs from {@code before}. */
    public boolean changed(String before) {
      return !text.equals(before);
    }
  }

  /**
   * Registers {@code filterClass} (fully qualified) in the web.xml {@code text}.
   *
   * @throws XmlParseException when the file is not well-formed XML (it is then left alone)
   */
  public static Result register(String text, String filterClass) throws XmlParseException {
    XmlTree tree = XmlTree.parse(text);
    Element root = tree.root();
    if (!root.localName().equals("web-app")) {
      return new Result(text, 0, null);
    }
    for (Element filter : root.children("filter")) {
      Optional<String> declared = filter.child("filter-class").map(tree::textOf);
      if (declared.map(c -> c.strip().equals(filterClass)).orElse(false)) {
        return new Result(text, 0, null);
      }
    }
    String version = root.attribute("version").orElse("");
    if (version.startsWith("2.") || text.contains("web-app_2_3.dtd")
        || text.contains("web-app_2_2.dtd")) {
      return new Result(text, root.line(), "web.xml is a Servlet " + (version.isEmpty()
          ? "2.x" : version) + " descriptor; the generated OtelServletFilter needs Servlet 3.0+ "
          + "(async listeners): no filter was registered. Move the descriptor and the container "
          + "to Servlet 3.0+ and re-run onboard, or run the javaagent");
    }
    String name = filterClass.substring(filterClass.lastIndexOf('.') + 1);
    String snippet = String.join("\n",
        "<filter>",
        "\t<filter-name>" + name + "</filter-name>",
        "\t<filter-class>" + filterClass + "</filter-class>",
        "\t<async-supported>true</async-supported>",
        "</filter>",
        "<filter-mapping>",
        "\t<filter-name>" + name + "</filter-name>",
        "\t<url-pattern>/*</url-pattern>",
        "</filter-mapping>");
    snippet = snippet.replace("\t", tree.indentUnit());
    List<Element> entries =
        root.children().stream().filter(c -> ENTRIES.contains(c.localName())).toList();
    if (entries.isEmpty()) {
      return new Result(tree.appendChild(root, snippet), root.line() + 1, null);
    }
    return new Result(tree.insertBefore(entries.get(0), snippet), entries.get(0).line(), null);
  }
}
