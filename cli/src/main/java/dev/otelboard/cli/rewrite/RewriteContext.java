package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a rewrite of one file reports to, and the helpers it shares with the other rewrites. */
public final class RewriteContext {
  private final String file;
  private final RewriteSettings settings;
  private final List<Change> changes = new ArrayList<>();
  private final List<ManualItem> manual = new ArrayList<>();
  private final Set<Instrumentation> needs = EnumSet.noneOf(Instrumentation.class);
  private final List<java.util.function.UnaryOperator<String>> textEdits = new ArrayList<>();

  RewriteContext(String file, RewriteSettings settings) {
    this.file = file;
    this.settings = settings;
  }

  /** The settings of this run. */
  public RewriteSettings settings() {
    return settings;
  }

  /** Records a change at {@code node}'s (original) line. */
  public void changed(Node node, RewriteId rewriteId, String description) {
    changes.add(new Change(file, lineOf(node), rewriteId, description));
  }

  /** Records something a person has to do at {@code node}. */
  public void manual(Node node, RewriteId rewriteId, String reason) {
    manual.add(new ManualItem(file, lineOf(node), rewriteId, reason));
  }

  /** Records that the rewritten code needs {@code instrumentation}. */
  public void need(Instrumentation instrumentation) {
    needs.add(instrumentation);
  }

  /**
   * Queues an edit of the printed text, for changes the lexical-preserving printer would indent
   * badly (new statements); it runs after printing, in order.
   */
  public void editPrintedText(java.util.function.UnaryOperator<String> edit) {
    textEdits.add(edit);
  }

  List<java.util.function.UnaryOperator<String>> textEdits() {
    return textEdits;
  }

  List<Change> changes() {
    return changes;
  }

  List<ManualItem> manualItems() {
    return manual;
  }

  Set<Instrumentation> needs() {
    return needs;
  }

  /** Imports chosen by {@link #reference} and added to the printed text afterwards. */
  static final com.github.javaparser.ast.DataKey<java.util.SortedSet<String>> PENDING_IMPORTS =
      new com.github.javaparser.ast.DataKey<>() {};

  static java.util.SortedSet<String> pendingImports(CompilationUnit unit) {
    if (!unit.containsData(PENDING_IMPORTS)) {
      unit.setData(PENDING_IMPORTS, new java.util.TreeSet<>());
    }
    return unit.getData(PENDING_IMPORTS);
  }

  /**
   * Adds single-type imports to {@code text} where an alphabetically sorted import list has them.
   * Done on the printed text: the lexical-preserving printer misplaces new import lines.
   */
  static String addImports(String text, java.util.Collection<String> imports) {
    String result = text;
    for (String name : imports) {
      result = addImport(result, name);
    }
    return result;
  }

  private static String addImport(String text, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;[^\\n]*\\n")
            .matcher(text);
    int insertAt = -1;
    int afterLast = -1;
    boolean anyImport = false;
    while (m.find()) {
      anyImport = true;
      if (m.group(1) != null) {
        if (afterLast < 0) {
          afterLast = -2 - m.start(); // before the first static import when no plain one exists
        }
        continue;
      }
      if (insertAt < 0 && m.group(2).compareTo(name) > 0) {
        insertAt = m.start();
      }
      afterLast = m.end();
    }
    String line = "import " + name + ";\n";
    if (insertAt >= 0) {
      return text.substring(0, insertAt) + line + text.substring(insertAt);
    }
    if (afterLast >= 0) {
      return text.substring(0, afterLast) + line + text.substring(afterLast);
    }
    if (anyImport) {
      int at = -2 - afterLast;
      return text.substring(0, at) + line + "\n" + text.substring(at);
    }
    java.util.regex.Matcher pkg =
        java.util.regex.Pattern.compile("(?m)^package\\s+[\\w.]+\\s*;[^\\n]*\\n").matcher(text);
    if (pkg.find()) {
      return text.substring(0, pkg.end()) + "\n" + line + text.substring(pkg.end());
    }
    return line + "\n" + text;
  }

  private static int lineOf(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }

  /**
   * Makes {@code qualifiedName} usable in {@code unit} and returns the name to write: the simple
   * name after adding an import (or when the class is in the same package), or the qualified name
   * when the simple name already means something else in this file.
   */
  public static String reference(CompilationUnit unit, String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String simple = qualifiedName.substring(dot + 1);
    String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
    String own = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    if (pendingImports(unit).contains(qualifiedName)) {
      return simple;
    }
    for (String pending : pendingImports(unit)) {
      if (pending.endsWith("." + simple)) {
        return qualifiedName;
      }
    }
    for (ImportDeclaration imp : unit.getImports()) {
      if (imp.isStatic()) {
        continue;
      }
      String name = imp.getNameAsString();
      if (!imp.isAsterisk() && name.equals(qualifiedName)) {
        return simple;
      }
      if (imp.isAsterisk() && name.equals(pkg)) {
        return simple;
      }
      if (!imp.isAsterisk() && name.endsWith("." + simple)) {
        return qualifiedName;
      }
    }
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      if (type.getNameAsString().equals(simple)) {
        return pkg.equals(own) && type.isTopLevelType() ? simple : qualifiedName;
      }
    }
    if (pkg.equals(own)) {
      return simple;
    }
    pendingImports(unit).add(qualifiedName);
    return simple;
  }
}
