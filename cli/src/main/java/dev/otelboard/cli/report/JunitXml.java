package dev.otelboard.cli.report;

import static java.util.Objects.requireNonNull;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report (the "Ant" format that Jenkins' junit step, GitLab's {@code
 * artifacts:reports:junit} and GitHub test-reporter actions read): {@code <testsuites>} with
 * {@code tests/failures/errors/skipped} counts on every level, {@code <testcase>} elements with a
 * {@code <failure>}, {@code <error>} or {@code <skipped>} child, and {@code <system-out>} for notes.
 * Written through StAX, so text and attributes are escaped; characters XML 1.0 forbids are dropped.
 * Times are 0: a static check has no meaningful duration, and stable output diffs cleanly.
 */
public final class JunitXml {
  /** What happened to a test case. */
  public enum Status {
    /** It passed. */
    PASSED,
    /** An assertion failed: the {@code <failure>} element. */
    FAILED,
    /** It could not be evaluated: the {@code <error>} element. */
    ERROR,
    /** It was not evaluated, on purpose: the {@code <skipped>} element. */
    SKIPPED
  }

  /**
   * One test case.
   *
   * @param name the case's name, unique within its suite
   * @param classname the class name readers group by (e.g. {@code otelboard.check.http-client})
   * @param file the file it is about, or null
   * @param line the 1-based line in {@code file}, or 0
   * @param status what happened
   * @param message the one-line message of a failure, error or skip; null when passed
   * @param type the failure's type (a rule id), or null
   * @param details the body of the failure/error element (e.g. {@code file:line} and a snippet)
   * @param systemOut text for {@code <system-out>}, or null
   */
  public record TestCase(
      String name,
      String classname,
      String file,
      int line,
      Status status,
      String message,
      String type,
      String details,
      String systemOut) {
    /** Validates. */
    public TestCase {
      requireNonNull(name, "name");
      requireNonNull(classname, "classname");
      requireNonNull(status, "status");
    }
  }

  /**
   * A test suite.
   *
   * @param name its name
   * @param cases its test cases, in order
   */
  public record TestSuite(String name, List<TestCase> cases) {
    /** Validates and copies. */
    public TestSuite {
      requireNonNull(name, "name");
      cases = List.copyOf(cases);
    }

    long count(Status status) {
      return cases.stream().filter(c -> c.status() == status).count();
    }
  }

  private JunitXml() {}

  /** The document for {@code suites} under a {@code <testsuites name="...">} root. */
  public static String toXml(String name, List<TestSuite> suites) {
    StringWriter buffer = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      w.writeStartDocument("UTF-8", "1.0");
      newline(w, 0);
      w.writeStartElement("testsuites");
      w.writeAttribute("name", clean(name));
      counts(w, suites.stream().mapToLong(s -> s.cases().size()).sum(),
          suites.stream().mapToLong(s -> s.count(Status.FAILED)).sum(),
          suites.stream().mapToLong(s -> s.count(Status.ERROR)).sum(),
          suites.stream().mapToLong(s -> s.count(Status.SKIPPED)).sum());
      for (TestSuite suite : suites) {
        newline(w, 1);
        w.writeStartElement("testsuite");
        w.writeAttribute("name", clean(suite.name()));
        counts(w, suite.cases().size(), suite.count(Status.FAILED), suite.count(Status.ERROR),
            suite.count(Status.SKIPPED));
        for (TestCase c : suite.cases()) {
          writeCase(w, c);
        }
        if (!suite.cases().isEmpty()) {
          newline(w, 1);
        }
        w.writeEndElement();
      }
      newline(w, 0);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return buffer + "\n";
  }

  private static void writeCase(XMLStreamWriter w, TestCase c) throws XMLStreamException {
    newline(w, 2);
    boolean empty = c.status() == Status.PASSED && c.systemOut() == null;
    if (empty) {
      w.writeEmptyElement("testcase");
    } else {
      w.writeStartElement("testcase");
    }
    w.writeAttribute("name", clean(c.name()));
    w.writeAttribute("classname", clean(c.classname()));
    w.writeAttribute("time", "0");
    if (c.file() != null) {
      w.writeAttribute("file", clean(c.file()));
      if (c.line() > 0) {
        w.writeAttribute("line", Integer.toString(c.line()));
      }
    }
    if (empty) {
      return;
    }
    switch (c.status()) {
      case FAILED -> outcome(w, "failure", c);
      case ERROR -> outcome(w, "error", c);
      case SKIPPED -> {
        newline(w, 3);
        w.writeEmptyElement("skipped");
        if (c.message() != null) {
          w.writeAttribute("message", clean(c.message()));
        }
      }
      default -> { }
    }
    if (c.systemOut() != null) {
      newline(w, 3);
      w.writeStartElement("system-out");
      w.writeCharacters(clean(c.systemOut()));
      w.writeEndElement();
    }
    newline(w, 2);
    w.writeEndElement();
  }

  private static void outcome(XMLStreamWriter w, String element, TestCase c)
      throws XMLStreamException {
    newline(w, 3);
    w.writeStartElement(element);
    w.writeAttribute("message", clean(c.message() == null ? "" : c.message()));
    if (c.type() != null) {
      w.writeAttribute("type", clean(c.type()));
    }
    if (c.details() != null) {
      w.writeCharacters(clean(c.details()));
    }
    w.writeEndElement();
  }

  private static void counts(XMLStreamWriter w, long tests, long failures, long errors,
      long skipped) throws XMLStreamException {
    w.writeAttribute("tests", Long.toString(tests));
    w.writeAttribute("failures", Long.toString(failures));
    w.writeAttribute("errors", Long.toString(errors));
    w.writeAttribute("skipped", Long.toString(skipped));
    w.writeAttribute("time", "0");
  }

  private static void newline(XMLStreamWriter w, int depth) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
  }

  /** {@code s} without the characters XML 1.0 does not allow (most C0 controls, lone surrogates). */
  static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(ch)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (b != null) {
            b.append(ch).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(ch)) {
        ok = false;
      } else {
        ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
      }
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && b != null) {
        b.append(ch);
      }
    }
    return b == null ? s : b.toString();
  }
}
