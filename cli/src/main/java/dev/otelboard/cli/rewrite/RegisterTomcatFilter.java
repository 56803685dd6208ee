package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.otelboard.cli.rewrite.StatementLines.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
      Optional<Target> target = StatementLines.target(call);
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
      // One edit per Context: each registers the first one of this variable that has none yet,
      // under local names no earlier registration in the method took (a reused variable).
      context.editPrintedText(text -> StatementLines.insertAfter(text, printed -> {
        for (MethodCallExpr c : printed.findAll(MethodCallExpr.class)) {
          Optional<Target> t = CREATORS.contains(c.getNameAsString())
              ? StatementLines.target(c) : Optional.empty();
          if (t.isPresent() && t.get().variable().equals(variable) && !registered(t.get())) {
            return Map.of(t.get().statement(),
                registration(variable, suffix(t.get()), filter, def, map));
          }
        }
        return Map.of();
      }));
    }
  }

  /** The statements that register the filter on the Context in {@code variable}. */
  static List<String> registration(String variable, String suffix, String filter, String def,
      String map) {
    String d = variable + "OtelFilter" + suffix;
    String m = variable + "OtelMapping" + suffix;
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

  /** "" for the first registration of the variable in its method, then "2", "3", ... */
  private static String suffix(Target target) {
    BlockStmt body = target.block();
    for (Optional<BlockStmt> up = body.findAncestor(BlockStmt.class); up.isPresent();
        up = up.get().findAncestor(BlockStmt.class)) {
      body = up.get();
    }
    Set<String> taken = new HashSet<>();
    body.findAll(VariableDeclarator.class).forEach(d -> taken.add(d.getNameAsString()));
    String base = target.variable() + "OtelFilter";
    int n = 1;
    while (taken.contains(base + (n == 1 ? "" : n))) {
      n++;
    }
    return n == 1 ? "" : String.valueOf(n);
  }

  private static boolean registered(Target target) {
    List<MethodCallExpr> calls = target.following().stream()
        .flatMap(s -> s.findAll(MethodCallExpr.class).stream()).toList();
    return calls.stream().anyMatch(c -> c.getNameAsString().equals("addFilterDef")
            && c.getScope().map(s -> s.toString().equals(target.variable())).orElse(false))
        && calls.stream().anyMatch(c -> c.getNameAsString().startsWith("setFilter")
            && c.getArguments().toString().contains(RewriteSettings.SERVLET_FILTER));
  }
}
