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
  static final String ID = "parameterize-log-message";
  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "string-concatenated log messages become parameterized templates";
  }

  @Override
  public boolean precondition(String source) {
    return (source.contains("org.slf4j") || source.contains("org.apache.logging.log4j"))
        && source.contains("\" +");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    if (!Ast.imports(unit, "org.slf4j.Logger")
        && !Ast.imports(unit, "org.apache.logging.log4j.Logger")) {
      return;
    }
    for (MethodCallExpr call : new ArrayList<>(unit.findAll(MethodCallExpr.class))) {
      if (!LEVELS.contains(call.getNameAsString()) || !isLogger(call)) {
        continue;
      }
      int count = call.getArguments().size();
      if (count != 1 && !(count == 2 && isThrowable(call.getArgument(1)))) {
        continue;
      }
      if (!(call.getArgument(0) instanceof BinaryExpr concat)
          || concat.getOperator() != BinaryExpr.Operator.PLUS) {
        continue;
      }
      List<Expression> parts = new ArrayList<>();
      flatten(concat, parts);
      if (!(parts.get(0) instanceof StringLiteralExpr)) {
        continue; // a + b + "x" may be arithmetic first
      }
      StringBuilder template = new StringBuilder();
      List<Expression> arguments = new ArrayList<>();
      boolean ok = true;
      for (Expression part : parts) {
        if (part instanceof StringLiteralExpr literal) {
          if (literal.getValue().contains("{}")) {
            ok = false;
          }
          template.append(literal.getValue());
        } else {
          template.append("{}");
          arguments.add(part);
        }
      }
      if (!ok || arguments.isEmpty()) {
        continue;
      }
      context.changed(call, ID, "log message parameterized");
      NodeList<Expression> newArguments = new NodeList<>();
      newArguments.add(new StringLiteralExpr(template.toString()));
      for (Expression argument : arguments) {
        newArguments.add(argument.clone());
      }
      if (count == 2) {
        newArguments.add(call.getArgument(1).clone());
      }
      call.setArguments(newArguments);
    }
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
