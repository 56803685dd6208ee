package dev.otelboard.cli.rewrite.xml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A lossless view of an XML file: elements with the character offsets of their tags, so edits can
 * insert or replace text and leave every other byte (formatting, comments) as it was. Parse, edit
 * the text through {@link Edits}, parse again.
 */
public final class XmlTree {
  private final String text;
  private final Element root;

  private XmlTree(String text, Element root) {
    this.text = text;
    this.root = root;
  }

  /** An XML file that is not well-formed, with the line the parser stopped at. */
  public static final class XmlParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    XmlParseException(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the error, or 0 when unknown. */
    public int line() {
      return line;
    }
  }

  /** One element: its name, attributes and where its tags sit in the text. */
  public static final class Element {
    final String name;
    final Map<String, String> attributes;
    final Map<String, int[]> attributeValueRanges;
    final int start;
    final int startTagEnd;
    int endTagStart;
    int end;
    final boolean selfClosing;
    final Element parent;
    final List<Element> children = new ArrayList<>();
    final int line;

    Element(
        String name,
        Map<String, String> attributes,
        Map<String, int[]> attributeValueRanges,
        int start,
        int startTagEnd,
        boolean selfClosing,
        Element parent,
        int line) {
      this.name = name;
      this.attributes = attributes;
      this.attributeValueRanges = attributeValueRanges;
      this.start = start;
      this.startTagEnd = startTagEnd;
      this.selfClosing = selfClosing;
      this.parent = parent;
      this.line = line;
      if (selfClosing) {
        this.endTagStart = startTagEnd;
        this.end = startTagEnd;
      }
    }

    /** The tag name as written (with any prefix). */
    public String name() {
      return name;
    }

    /** The tag name without a namespace prefix. */
    public String localName() {
      int colon = name.indexOf(':');
      return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The value of an attribute, unescaped only for the five predefined entities. */
    public Optional<String> attribute(String attributeName) {
      return Optional.ofNullable(attributes.get(attributeName)).map(XmlTree::unescape);
    }

    /** Offsets {@code [start, end)} of an attribute's value inside the quotes. */
    public Optional<int[]> attributeValueRange(String attributeName) {
      return Optional.ofNullable(attributeValueRanges.get(attributeName));
    }

    /** Child elements in document order. */
    public List<Element> children() {
      return children;
    }

    /** Child elements with this local name (case-sensitive). */
    public List<Element> children(String localName) {
      return children.stream().filter(c -> c.localName().equals(localName)).toList();
    }

    /** Child elements with this local name, ignoring case (Log4j2 configs are case-insensitive). */
    public List<Element> childrenIgnoreCase(String localName) {
      return children.stream().filter(c -> c.localName().equalsIgnoreCase(localName)).toList();
    }

    /** The first child with this local name. */
    public Optional<Element> child(String localName) {
      return children(localName).stream().findFirst();
    }

    /** The parent element, or null for the root. */
    public Element parent() {
      return parent;
    }

    /** Offset of the {@code <} of the start tag. */
    public int start() {
      return start;
    }

    /** Offset just after the {@code >} of the start tag. */
    public int startTagEnd() {
      return startTagEnd;
    }

    /** Offset of the {@code <} of the end tag (the start tag's end for an empty element). */
    public int endTagStart() {
      return endTagStart;
    }

    /** Offset just after the element. */
    public int end() {
      return end;
    }

    /** Whether written as {@code <x/>}. */
    public boolean selfClosing() {
      return selfClosing;
    }

    /** The 1-based line of the start tag. */
    public int line() {
      return line;
    }
  }

  /** The file's text. */
  public String text() {
    return text;
  }

  /** The document element. */
  public Element root() {
    return root;
  }

  /** The text content of a leaf element, trimmed and unescaped. */
  public String textOf(Element element) {
    if (element.selfClosing) {
      return "";
    }
    return unescape(text.substring(element.startTagEnd, element.endTagStart).trim());
  }

  /** Parses {@code text}; fails with the line of the first well-formedness error. */
  public static XmlTree parse(String text) throws XmlParseException {
    checkWellFormed(text);
    return new Scanner(text).scan();
  }

  private static void checkWellFormed(String text) throws XmlParseException {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      var parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      parser.parse(new InputSource(new StringReader(body)), new DefaultHandler());
    } catch (SAXParseException e) {
      throw new XmlParseException(e.getLineNumber(), e.getMessage());
    } catch (Exception e) {
      throw new XmlParseException(0, String.valueOf(e.getMessage()));
    }
  }

  /** Escapes text for an attribute value or element content. */
  public static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String unescape(String value) {
    return value
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  /** The whitespace that starts the line holding {@code offset}. */
  public String indentAt(int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(lineStart, i);
  }

  /** The indentation one level deeper than {@code parent}'s, as this file writes it. */
  public String childIndent(Element parent) {
    if (!parent.children.isEmpty()) {
      return indentAt(parent.children.get(0).start);
    }
    return indentAt(parent.start) + indentUnit();
  }

  /** The file's indentation step, guessed from the root's children; two spaces by default. */
  public String indentUnit() {
    for (Element child : root.children) {
      String indent = indentAt(child.start);
      String rootIndent = indentAt(root.start);
      if (indent.length() > rootIndent.length() && indent.startsWith(rootIndent)) {
        return indent.substring(rootIndent.length());
      }
    }
    return "  ";
  }

  /** The line separator the file uses. */
  public String newline() {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  /**
   * Text for appending {@code snippet} (one or more lines, without leading indentation) as the last
   * child of {@code parent}: returns the new file text.
   */
  public String appendChild(Element parent, String snippet) {
    String nl = newline();
    String indent = childIndent(parent);
    String indented = indentLines(snippet, indent, nl);
    if (parent.selfClosing) {
      String parentIndent = indentAt(parent.start);
      int slash = text.lastIndexOf('/', parent.startTagEnd - 1);
      String open = text.substring(parent.start, slash).stripTrailing() + ">";
      String replacement =
          open + nl + indented + nl + parentIndent + "</" + parent.name + ">";
      return text.substring(0, parent.start) + replacement + text.substring(parent.end);
    }
    int insertAt;
    if (parent.children.isEmpty()) {
      String inner = text.substring(parent.startTagEnd, parent.endTagStart);
      if (inner.isBlank()) {
        String parentIndent = indentAt(parent.start);
        return text.substring(0, parent.startTagEnd)
            + nl
            + indented
            + nl
            + parentIndent
            + text.substring(parent.endTagStart);
      }
      insertAt = parent.startTagEnd;
    } else {
      insertAt = endOfLastChild(parent);
    }
    return text.substring(0, insertAt) + nl + indented + text.substring(insertAt);
  }

  /** Text for inserting {@code snippet} as a sibling line right before {@code element}. */
  public String insertBefore(Element element, String snippet) {
    String nl = newline();
    String indent = indentAt(element.start);
    String indented = indentLines(snippet, indent, nl);
    int lineStart = text.lastIndexOf('\n', element.start - 1) + 1;
    if (text.substring(lineStart, element.start).isBlank()) {
      return text.substring(0, lineStart) + indented + nl + text.substring(lineStart);
    }
    return text.substring(0, element.start) + indented.strip() + " " + text.substring(element.start);
  }

  /** Text for inserting {@code snippet} as a sibling line right after {@code element}. */
  public String insertAfter(Element element, String snippet) {
    String nl = newline();
    String indent = indentAt(element.start);
    return text.substring(0, element.end)
        + nl
        + indentLines(snippet, indent, nl)
        + text.substring(element.end);
  }

  /** Text with the range {@code [from, to)} replaced. */
  public String replace(int from, int to, String replacement) {
    return text.substring(0, from) + replacement + text.substring(to);
  }

  private int endOfLastChild(Element parent) {
    Element last = parent.children.get(parent.children.size() - 1);
    int end = last.end;
    // Keep a trailing comment on the same line together with its element.
    int lineEnd = text.indexOf('\n', end);
    if (lineEnd > 0 && lineEnd < parent.endTagStart) {
      String rest = text.substring(end, lineEnd).strip();
      if (rest.startsWith("<!--") && rest.endsWith("-->")) {
        end = lineEnd;
        if (text.charAt(end - 1) == '\r') {
          end--;
        }
      }
    }
    return end;
  }

  private static String indentLines(String snippet, String indent, String nl) {
    StringBuilder out = new StringBuilder();
    String[] lines = snippet.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append(nl);
      }
      if (!lines[i].isEmpty()) {
        out.append(indent).append(lines[i]);
      }
    }
    return out.toString();
  }

  /** A small tokenizer for text the SAX parser has already accepted. */
  private static final class Scanner {
    private final String text;
    private int pos;

    Scanner(String text) {
      this.text = text;
    }

    XmlTree scan() throws XmlParseException {
      Element root = null;
      Element current = null;
      while (pos < text.length()) {
        int lt = text.indexOf('<', pos);
        if (lt < 0) {
          break;
        }
        pos = lt;
        if (text.startsWith("<!--", pos)) {
          pos = text.indexOf("-->", pos) + 3;
        } else if (text.startsWith("<![CDATA[", pos)) {
          pos = text.indexOf("]]>", pos) + 3;
        } else if (text.startsWith("<?", pos)) {
          pos = text.indexOf("?>", pos) + 2;
        } else if (text.startsWith("<!", pos)) {
          pos = skipDeclaration(pos);
        } else if (text.startsWith("</", pos)) {
          int gt = text.indexOf('>', pos);
          if (current == null) {
            throw new XmlParseException(lineOf(pos), "unexpected end tag");
          }
          current.endTagStart = pos;
          current.end = gt + 1;
          current = current.parent;
          pos = gt + 1;
        } else {
          Element element = startTag(current);
          if (current != null) {
            current.children.add(element);
          } else if (root == null) {
            root = element;
          }
          if (!element.selfClosing) {
            current = element;
          }
        }
      }
      if (root == null) {
        throw new XmlParseException(1, "no root element");
      }
      return new XmlTree(text, root);
    }

    private int skipDeclaration(int from) {
      int depth = 0;
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        } else if (c == '>' && depth <= 0) {
          return i + 1;
        }
      }
      return text.length();
    }

    private Element startTag(Element parent) {
      int start = pos;
      int i = pos + 1;
      while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != '>'
          && text.charAt(i) != '/') {
        i++;
      }
      String name = text.substring(pos + 1, i);
      Map<String, String> attributes = new LinkedHashMap<>();
      Map<String, int[]> ranges = new LinkedHashMap<>();
      boolean selfClosing = false;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '>') {
          i++;
          break;
        }
        if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
          selfClosing = true;
          i += 2;
          break;
        }
        if (isSpace(c)) {
          i++;
          continue;
        }
        int nameStart = i;
        while (text.charAt(i) != '=' && !isSpace(text.charAt(i))) {
          i++;
        }
        String attributeName = text.substring(nameStart, i);
        while (text.charAt(i) != '"' && text.charAt(i) != '\'') {
          i++;
        }
        char quote = text.charAt(i);
        int valueStart = i + 1;
        int valueEnd = text.indexOf(quote, valueStart);
        attributes.put(attributeName, text.substring(valueStart, valueEnd));
        ranges.put(attributeName, new int[] {valueStart, valueEnd});
        i = valueEnd + 1;
      }
      pos = i;
      return new Element(name, attributes, ranges, start, i, selfClosing, parent, lineOf(start));
    }

    private int lineOf(int offset) {
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
  }
}
