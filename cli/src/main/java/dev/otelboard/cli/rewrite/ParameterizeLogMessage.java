package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code log.info("Order " + id + " placed")} becomes {@code log.info("Order {} placed", id)} for
 * SLF4J and Log4j2 loggers: the message template stays constant (so backends can group by it and
 * the OTel appenders can capture it) and no string is built for disabled levels.
 */
final class ParameterizeLogMessage implements JavaRewrite {
  static final RewriteId ID = RewriteId.PARAMETERIZE_LOG_MESSAGE;
  private static final Set<String> LEVELS =
      Set.of("trace", "debug", "info", "warn", "error", "fatal");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "string-concatenated log messages become parameterized templates";
  }

  @Override
  public boolean precondition(String source) {
    // The JUL/JCL/Log4j 1 loggers are SLF4J ones by the time this runs (same pass).
    return (source.contains("org.slf4j")
            || source.contains("org.apache.logging.log4j")
            || source.contains("java.util.logging")
            || source.contains("org.apache.commons.logging")
            || source.contains("org.apache.log4j"))
        && (source.contains("\" +") || source.contains("+ \""));
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    if (!Ast.imports(unit, "org.slf4j.Logger")
        && !Ast.imports(unit, "org.apache.logging.log4j.Logger")
        && !RewriteContext.pendingImports(unit).contains("org.slf4j.Logger")) {
      return;
    }
    for (MethodCallExpr call : new ArrayList<>(unit.findAll(MethodCallExpr.class))) {
      if (!LEVELS.contains(call.getNameAsString()) || !isLogger(call)) {
        continue;
      }
      NodeList<Expression> newArguments = parameterized(call);
      if (newArguments == null) {
        continue;
      }
      context.changed(call, ID, "log message parameterized");
      call.setArguments(newArguments);
    }
  }

  /**
   * The arguments of {@code call} with its concatenated message turned into a template, or null
   * when the message isn't a concatenation or the placeholders wouldn't line up. Placeholders
   * already in the literal parts keep their arguments, in textual order; a trailing throwable
   * stays last.
   */
  private static NodeList<Expression> parameterized(MethodCallExpr call) {
    List<Expression> args = call.getArguments();
    if (args.isEmpty()
        || !(args.get(0) instanceof BinaryExpr concat)
        || concat.getOperator() != BinaryExpr.Operator.PLUS) {
      return null;
    }
    List<Expression> parts = new ArrayList<>();
    flatten(concat, parts);
    if (!(parts.get(0) instanceof StringLiteralExpr) && !isString(parts.get(0))) {
      return null; // a + b + "x" may be arithmetic first
    }
    List<Expression> extras = args.subList(1, args.size());
    StringBuilder template = new StringBuilder();
    NodeList<Expression> newArguments = new NodeList<>();
    newArguments.add(new StringLiteralExpr(""));
    int next = 0;
    boolean parameter = false;
    for (Expression part : parts) {
      if (part instanceof StringLiteralExpr literal) {
        String value = literal.getValue();
        if (value.contains("\\\\{")) {
          return null; // an escaped placeholder: leave it to a person
        }
        for (int at = value.indexOf("{}"); at >= 0; at = value.indexOf("{}", at + 2)) {
          if (next >= extras.size()) {
            return null;
          }
          newArguments.add(extras.get(next++).clone());
        }
        template.append(value);
      } else {
        template.append("{}");
        newArguments.add(part.clone());
        parameter = true;
      }
    }
    int remaining = extras.size() - next;
    if (!parameter || remaining > 1 || remaining == 1 && !isThrowable(extras.get(next))) {
      return null;
    }
    if (remaining == 1) {
      newArguments.add(extras.get(next).clone());
    }
    newArguments.set(0, new StringLiteralExpr(template.toString()));
    return newArguments;
  }

  private static boolean isString(Expression e) {
    return e instanceof NameExpr name
        && Ast.declaredType(e, name.getNameAsString())
            .filter(t -> t.equals("String") || t.equals("java.lang.String"))
            .isPresent();
  }

  private static void flatten(Expression e, List<Expression> parts) {
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      flatten(b.getLeft(), parts);
      flatten(b.getRight(), parts);
    } else {
      parts.add(e);
    }
  }

  private static boolean isLogger(MethodCallExpr call) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return false;
    }
    String name =
        scope.get() instanceof NameExpr n
            ? n.getNameAsString()
            : scope.get().isFieldAccessExpr()
                ? scope.get().asFieldAccessExpr().getNameAsString()
                : null;
    if (name == null) {
      return false;
    }
    return Ast.declaredType(call, name)
        .map(t -> t.equals("Logger") || t.endsWith(".Logger"))
        .orElse(false);
  }

  private static boolean isThrowable(Expression e) {
    if (!(e instanceof NameExpr name)) {
      return false;
    }
    return Ast.declaredType(e, name.getNameAsString())
        .map(t -> t.endsWith("Exception") || t.endsWith("Throwable") || t.endsWith("Error")
            || t.contains("|"))
        .orElse(false);
  }
}
