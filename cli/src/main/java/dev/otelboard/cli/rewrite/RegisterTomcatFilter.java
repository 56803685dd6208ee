package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An embedded Tomcat {@code Context} ({@code tomcat.addContext(...)} or {@code addWebapp(...)})
 * gets the generated servlet Filter right after it is created, through Tomcat's own API: a {@code
 * FilterDef} (async supported, since servlets may go async) added with {@code addFilterDef} and a
 * {@code FilterMap} for {@code /*} added with {@code addFilterMapBefore}, so it runs before the
 * application's filters. Every request then has a SERVER span that is current while the servlet
 * runs. Tomcat 8.5/9 (javax) and 10+ (jakarta) share these classes.
 */
final class RegisterTomcatFilter implements JavaRewrite {
  static final RewriteId ID = RewriteId.REGISTER_TOMCAT_FILTER;
  private static final String TOMCAT = "org.apache.catalina.startup.Tomcat";
  private static final String FILTER_DEF = "org.apache.tomcat.util.descriptor.web.FilterDef";
  private static final String FILTER_MAP = "org.apache.tomcat.util.descriptor.web.FilterMap";
  private static final Set<String> CREATORS = Set.of("addContext", "addWebapp");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "an embedded Tomcat Context gets the SERVER-span servlet filter";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("org.apache.catalina") && (source.contains("addContext")
        || source.contains("addWebapp"));
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    String simple = RewriteSettings.SERVLET_FILTER;
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (!createsContext(unit, call)) {
        continue;
      }
      Optional<Target> target = target(call);
      if (target.isEmpty()) {
        context.manual(call, ID, "a Tomcat Context that is not assigned to a variable in a "
            + "block: assign it to one and re-run onboard, or add a FilterDef for " + simple
            + " (async supported) and a FilterMap for /* to it yourself");
        continue;
      }
      if (registered(target.get())) {
        continue;
      }
      String filter = RewriteContext.reference(unit, context.settings().generated(simple));
      String def = RewriteContext.reference(unit, FILTER_DEF);
      String map = RewriteContext.reference(unit, FILTER_MAP);
      String variable = target.get().variable();
      context.changed(call, ID, "Tomcat Context " + variable + " gets " + simple
          + " (FilterDef + FilterMap for /*): SERVER spans for every request, current while the "
          + "servlet runs");
      context.need(Instrumentation.SERVLET_FILTER);
      context.need(Instrumentation.BOOTSTRAP);
      List<String> lines = registration(variable, filter, def, map);
      context.editPrintedText(text -> StatementLines.insertAfter(text, printed -> {
        List<ExpressionStmt> statements = new ArrayList<>();
        for (MethodCallExpr c : printed.findAll(MethodCallExpr.class)) {
          if (CREATORS.contains(c.getNameAsString())) {
            target(c).filter(t -> t.variable().equals(variable) && !registered(t))
                .ifPresent(t -> statements.add(t.statement()));
          }
        }
        return statements;
      }, lines));
    }
  }

  /** The statements that register the filter on the Context in {@code variable}. */
  static List<String> registration(String variable, String filter, String def, String map) {
    String d = variable + "OtelFilter";
    String m = variable + "OtelMapping";
    String name = "\"" + RewriteSettings.SERVLET_FILTER + "\"";
    return List.of(
        def + " " + d + " = new " + def + "();",
        d + ".setFilterName(" + name + ");",
        d + ".setFilter(new " + filter + "());",
        d + ".setAsyncSupported(\"true\");",
        variable + ".addFilterDef(" + d + ");",
        map + " " + m + " = new " + map + "();",
        m + ".setFilterName(" + name + ");",
        m + ".addURLPattern(\"/*\");",
        variable + ".addFilterMapBefore(" + m + ");");
  }

  /** {@code tomcat.addContext(...)}/{@code addWebapp(...)} on a Tomcat (as far as names tell). */
  private static boolean createsContext(CompilationUnit unit, MethodCallExpr call) {
    if (!CREATORS.contains(call.getNameAsString()) || call.getArguments().size() < 2) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    if (scope == null || !(scope instanceof NameExpr name)) {
      return scope != null && scope.isObjectCreationExpr()
          && Ast.creates(unit, scope.asObjectCreationExpr(), TOMCAT);
    }
    return Ast.declaredType(call, name.getNameAsString())
        .map(type -> type.equals("var") ? Ast.imports(unit, TOMCAT)
            : Ast.isType(unit, type, TOMCAT))
        .orElse(Ast.imports(unit, TOMCAT));
  }

  /** The variable a Context is stored in and the statement that does it. */
  private record Target(String variable, ExpressionStmt statement, BlockStmt block) {}

  private static Optional<Target> target(MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    String variable = null;
    if (parent instanceof VariableDeclarator declarator) {
      variable = declarator.getNameAsString();
    } else if (parent instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr n) {
      variable = n.getNameAsString();
    }
    if (variable == null) {
      return Optional.empty();
    }
    Optional<ExpressionStmt> statement = call.findAncestor(ExpressionStmt.class);
    if (statement.isEmpty() || !(statement.get().getParentNode().orElse(null)
        instanceof BlockStmt block)) {
      return Optional.empty();
    }
    return Optional.of(new Target(variable, statement.get(), block));
  }

  private static boolean registered(Target target) {
    List<MethodCallExpr> calls = target.block().findAll(MethodCallExpr.class);
    return calls.stream().anyMatch(c -> c.getNameAsString().equals("addFilterDef")
            && c.getScope().map(s -> s.toString().equals(target.variable())).orElse(false))
        && calls.stream().anyMatch(c -> c.getNameAsString().startsWith("setFilter")
            && c.getArguments().toString().contains(RewriteSettings.SERVLET_FILTER));
  }
}
