package dev.otelboard.cli.rewrite;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Optional;

/**
 * Adds a {@code @Bean} method to a Spring configuration class, for the rewrites that register
 * OpenTelemetry through the application's own bean definitions. The method goes in as text after
 * printing, with the indentation of the class's members, because the lexical-preserving printer
 * mis-indents new members.
 */
final class BeanMethods {
  private BeanMethods() {}

  /** The class's method returning a value of type {@code simpleType}, if it declares one. */
  static Optional<MethodDeclaration> returning(ClassOrInterfaceDeclaration type,
      String simpleType) {
    return type.getMethods().stream()
        .filter(m -> Ast.rawType(m.getTypeAsString()).endsWith(simpleType))
        .findFirst();
  }

  /** Whether the class declares a method named {@code name}. */
  static boolean declares(ClassOrInterfaceDeclaration type, String name) {
    return !type.getMethodsByName(name).isEmpty();
  }

  /**
   * {@code text} with {@code method} (lines without indentation) inserted before the closing
   * brace of the class {@code className}, after a blank line; unchanged when the class
   * is not found or already declares {@code methodName}, or its closing brace shares a line with
   * its last member.
   */
  static String append(String text, String className, String methodName, String method) {
    CompilationUnit unit =
        new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
            .parse(text).getResult().orElseThrow();
    Optional<ClassOrInterfaceDeclaration> found =
        unit.findAll(ClassOrInterfaceDeclaration.class).stream()
            .filter(t -> t.getNameAsString().equals(className))
            .findFirst();
    if (found.isEmpty() || declares(found.get(), methodName)) {
      return text;
    }
    ClassOrInterfaceDeclaration type = found.get();
    String[] lines = text.split("\n", -1);
    int closing = type.getEnd().orElseThrow().line;
    String classIndent = leadingWhitespace(lines[type.getName().getBegin().orElseThrow().line - 1]);
    String indent = classIndent + "  ";
    String nl = text.contains("\r\n") ? "\r" : "";
    String closingLine = lines[closing - 1].replace("\r", "");
    if (type.getMembers().isEmpty() && closingLine.stripTrailing().endsWith("{}")) {
      // `class App {}`: open the body on its line, close it on a line of its own.
      String open = closingLine.stripTrailing();
      lines[closing - 1] = open.substring(0, open.length() - 1) + nl;
      return join(lines, closing, method, indent, nl, classIndent + "}" + nl, false);
    }
    if (!type.getMembers().isEmpty()) {
      BodyDeclaration<?> last = type.getMembers().get(type.getMembers().size() - 1);
      if (last.getEnd().orElseThrow().line == closing) {
        return text;
      }
      BodyDeclaration<?> first = type.getMembers().get(0);
      indent = leadingWhitespace(lines[first.getBegin().orElseThrow().line - 1]);
    } else if (type.getName().getBegin().orElseThrow().line == closing) {
      return text;
    }
    return join(lines, closing - 1, method, indent, nl, null, !type.getMembers().isEmpty());
  }

  /** The lines with {@code method} inserted before line index {@code at}. */
  private static String join(String[] lines, int at, String method, String indent, String nl,
      String after, boolean blankLine) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i <= lines.length; i++) {
      if (i == at) {
        if (i == lines.length) {
          out.append('\n');
        }
        if (blankLine) {
          out.append(nl).append('\n');
        }
        for (String line : method.split("\n")) {
          out.append(line.isEmpty() ? "" : indent + line).append(nl).append('\n');
        }
        if (after != null) {
          out.append(after).append('\n');
        }
      }
      if (i == lines.length) {
        break;
      }
      out.append(lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String leadingWhitespace(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }
}
