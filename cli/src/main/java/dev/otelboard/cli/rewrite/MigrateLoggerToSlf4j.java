package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.otelboard.cli.catalog.JavaType;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LoggingLibraries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loggers of java.util.logging, Commons Logging (JCL) and Log4j 1.x move to SLF4J, whose backend
 * (Logback, Log4j2) carries the trace context into every log line and exports it over OTLP. A file
 * is migrated only when every use of its loggers has an SLF4J equivalent; otherwise — or when the
 * project keeps its logging API ({@code --keep-logging-api}) — it is left alone with a manual
 * item at the first line that stops it.
 */
final class MigrateLoggerToSlf4j implements JavaRewrite {
  /**
   * What differs between the logging APIs: the catalog's library (its rewrite id, name, logger
   * type), the type whose {@code factoryMethods} create loggers, and other types whose calls name
   * the API (Log4j 1's LogManager).
   */
  record Api(
      Library library,
      String factoryType,
      Set<String> otherTypes,
      Set<String> factoryMethods,
      Map<String, String> methods,
      boolean objectMessages) {
    RewriteId id() {
      return RewriteId.byId(library.onboarding().rewrite());
    }

    String name() {
      return library.name();
    }

    String loggerType() {
      return library.types(JavaType.Role.LOGGER).get(0);
    }
  }

  private static final Map<String, String> COMMON_METHODS =
      Map.ofEntries(
          Map.entry("trace", "trace"),
          Map.entry("debug", "debug"),
          Map.entry("info", "info"),
          Map.entry("warn", "warn"),
          Map.entry("error", "error"),
          Map.entry("fatal", "error"),
          Map.entry("isTraceEnabled", "isTraceEnabled"),
          Map.entry("isDebugEnabled", "isDebugEnabled"),
          Map.entry("isInfoEnabled", "isInfoEnabled"),
          Map.entry("isWarnEnabled", "isWarnEnabled"),
          Map.entry("isErrorEnabled", "isErrorEnabled"),
          Map.entry("isFatalEnabled", "isErrorEnabled"));

  /** java.util.logging.Logger. */
  static final Api JUL =
      new Api(
          LoggingLibraries.JUL,
          LoggingLibraries.JUL.type("Logger"),
          Set.of(),
          Set.of("getLogger"),
          Map.of(
              "severe", "error",
              "warning", "warn",
              "info", "info",
              "config", "info",
              "fine", "debug",
              "finer", "trace",
              "finest", "trace"),
          false);

  /** org.apache.commons.logging.Log. */
  static final Api JCL =
      new Api(
          LoggingLibraries.JCL,
          LoggingLibraries.JCL.type("LogFactory"),
          Set.of(),
          Set.of("getLog"),
          COMMON_METHODS,
          true);

  /** org.apache.log4j.Logger (Log4j 1.x). */
  static final Api LOG4J1 =
      new Api(
          LoggingLibraries.LOG4J1,
          LoggingLibraries.LOG4J1.type("Logger"),
          Set.of(LoggingLibraries.LOG4J1.type("LogManager")),
          Set.of("getLogger"),
          COMMON_METHODS,
          true);

  /** JUL levels to the SLF4J method of the same severity. */
  private static final Map<String, String> JUL_LEVELS =
      Map.of(
          "SEVERE", "error",
          "WARNING", "warn",
          "INFO", "info",
          "CONFIG", "info",
          "FINE", "debug",
          "FINER", "trace",
          "FINEST", "trace");

  private static final Pattern JUL_PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  private static final String SLF4J_LOGGER = LoggingLibraries.SLF4J.type("Logger");
  private static final String SLF4J_FACTORY = LoggingLibraries.SLF4J.type("LoggerFactory");
  private static final String JUL_LEVEL = LoggingLibraries.JUL.type("Level");

  private final Api api;

  MigrateLoggerToSlf4j(Api api) {
    this.api = api;
  }

  @Override
  public RewriteId id() {
    return api.id();
  }

  @Override
  public String description() {
    return api.name() + " loggers move to SLF4J";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains(api.loggerType());
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    if (!Ast.imports(unit, api.loggerType())) {
      return;
    }
    String simple = simpleName(api.loggerType());
    List<ClassOrInterfaceType> types = new ArrayList<>();
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getNameAsString().equals(simple) && type.getScope().isEmpty()) {
        types.add(type);
      }
    }
    if (types.isEmpty()) {
      return;
    }
    Node first = types.get(0);
    if (!context.settings().migrateLoggingApi()) {
      context.manual(first, api.id(), api.name() + " logger left as it is (--keep-logging-api, or "
          + "no SLF4J backend in the pom): its lines carry no trace_id unless the javaagent runs "
          + "(--mode agent) or it is moved to SLF4J");
      return;
    }
    if (Ast.imports(unit, SLF4J_LOGGER) && !api.loggerType().equals(SLF4J_LOGGER)) {
      context.manual(first, api.id(), "file imports both " + api.loggerType() + " and "
          + SLF4J_LOGGER + ": finish the move to SLF4J by hand");
      return;
    }
    Set<String> loggers = new LinkedHashSet<>();
    for (var v : unit.findAll(VariableDeclarator.class)) {
      if (Ast.rawType(v.getTypeAsString()).equals(simple)) {
        loggers.add(v.getNameAsString());
      }
    }
    for (var p : unit.findAll(Parameter.class)) {
      if (Ast.rawType(p.getTypeAsString()).equals(simple)) {
        loggers.add(p.getNameAsString());
      }
    }
    // A logger another file can see (a non-private field, a method signature) would break that
    // file: leave this one alone.
    for (ClassOrInterfaceType type : types) {
      Node holder = type.getParentNode().orElse(null);
      if (holder instanceof Parameter parameter
              && !(parameter.getParentNode().orElse(null) instanceof LambdaExpr)
          || holder instanceof MethodDeclaration
          || holder instanceof VariableDeclarator v
              && v.getParentNode().orElse(null) instanceof FieldDeclaration field
              && !field.isPrivate()) {
        context.manual(type, api.id(), "the " + api.name() + " logger is visible to other "
            + "files (non-private field or method signature): file left as it is; move the "
            + "users and this file to SLF4J together");
        return;
      }
    }
    // Plan every edit first; a single unsupported use leaves the file alone.
    List<Runnable> edits = new ArrayList<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      Optional<Expression> scope = call.getScope();
      if (scope.isPresent() && isFactory(unit, scope.get(), call)) {
        edits.add(() -> replaceFactory(unit, call));
        continue;
      }
      if (scope.isPresent() && namesLoggingClass(unit, scope.get())) {
        context.manual(call, api.id(), scope.get() + "." + call.getNameAsString()
            + "(...) has no SLF4J equivalent otelboard can write: file left as it is");
        return;
      }
      String target = scope.flatMap(MigrateLoggerToSlf4j::loggerName).orElse(null);
      if (target == null || !loggers.contains(target)) {
        continue;
      }
      Runnable edit = planCall(unit, call);
      if (edit == null) {
        context.manual(call, api.id(), api.name() + " call " + call.getNameAsString()
            + "(...) has no direct SLF4J equivalent: file left as it is; move it by hand");
        return;
      }
      edits.add(edit);
    }
    for (FieldAccessExpr field : unit.findAll(FieldAccessExpr.class)) {
      if (namesLoggingClass(unit, field.getScope())) {
        context.manual(field, api.id(), field + " has no SLF4J equivalent: file left as it is");
        return;
      }
    }
    for (NameExpr name : unit.findAll(NameExpr.class)) {
      if (!loggers.contains(name.getNameAsString())) {
        continue;
      }
      Node parent = name.getParentNode().orElse(null);
      boolean scopeOfCall = parent instanceof MethodCallExpr c && c.getScope().orElse(null) == name;
      if (!scopeOfCall) {
        context.manual(name, api.id(), "logger " + name + " is passed around as a "
            + api.loggerType() + ": file left as it is; move it to SLF4J by hand");
        return;
      }
    }
    context.changed(first, api.id(), api.name() + " logger moved to SLF4J");
    for (Runnable edit : edits) {
      edit.run();
    }
    for (ClassOrInterfaceType type : types) {
      if (!type.getNameAsString().equals("Logger")) {
        // A new node: the lexical-preserving printer misses a rename inside an existing type.
        type.replace(new ClassOrInterfaceType(null, "Logger"));
      }
    }
    for (ImportDeclaration imp : new ArrayList<>(unit.getImports())) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && !imp.isAsterisk()
          && (name.equals(api.loggerType()) || name.equals(api.factoryType())
              || name.equals(JUL_LEVEL) && !usesSimpleName(unit, "Level"))) {
        imp.remove();
      }
    }
    RewriteContext.reference(unit, SLF4J_LOGGER);
    RewriteContext.reference(unit, SLF4J_FACTORY);
  }

  private boolean isFactory(CompilationUnit unit, Expression scope, MethodCallExpr call) {
    return api.factoryMethods().contains(call.getNameAsString())
        && call.getArguments().size() == 1
        && (Ast.namesClass(unit, scope, api.factoryType())
            || api.otherTypes().stream().anyMatch(t -> Ast.namesClass(unit, scope, t)));
  }

  /** Whether {@code scope} names the logger or factory class of this API. */
  private boolean namesLoggingClass(CompilationUnit unit, Expression scope) {
    return Ast.namesClass(unit, scope, api.loggerType())
        || Ast.namesClass(unit, scope, api.factoryType())
        || api.otherTypes().stream().anyMatch(t -> Ast.namesClass(unit, scope, t));
  }

  private void replaceFactory(CompilationUnit unit, MethodCallExpr call) {
    Expression argument = call.getArgument(0);
    // Logger.getLogger(Foo.class.getName()) -> LoggerFactory.getLogger(Foo.class)
    if (argument instanceof MethodCallExpr getName
        && getName.getNameAsString().equals("getName")
        && getName.getArguments().isEmpty()
        && getName.getScope().filter(ClassExpr.class::isInstance).isPresent()) {
      argument = getName.getScope().get();
    }
    call.setScope(new NameExpr("LoggerFactory"));
    call.setName("getLogger");
    call.setArguments(new NodeList<>(argument.clone()));
  }

  /** The edit that turns {@code call} into its SLF4J form, or null when there is none. */
  private Runnable planCall(CompilationUnit unit, MethodCallExpr call) {
    String method = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (api == JUL) {
      String level = api.methods().get(method);
      if (level != null && args.size() == 1 && !isLambda(args.get(0))) {
        return () -> call.setName(level);
      }
      if (method.equals("isLoggable") && args.size() == 1) {
        String slf4j = julLevel(args.get(0));
        if (slf4j == null) {
          return null;
        }
        String enabled = "is" + Character.toUpperCase(slf4j.charAt(0)) + slf4j.substring(1)
            + "Enabled";
        return () -> {
          call.setName(enabled);
          call.setArguments(new NodeList<>());
        };
      }
      if (method.equals("log") && (args.size() == 2 || args.size() == 3)) {
        String slf4j = julLevel(args.get(0));
        if (slf4j == null || isLambda(args.get(1))) {
          return null;
        }
        List<Expression> rest = new ArrayList<>();
        Expression message = args.get(1);
        if (args.size() == 3) {
          Expression third = args.get(2);
          if (isThrowable(third)) {
            rest.add(third);
          } else {
            if (!(message instanceof StringLiteralExpr literal)) {
              return null;
            }
            List<Expression> params =
                third instanceof ArrayCreationExpr array && array.getInitializer().isPresent()
                    ? array.getInitializer().get().getValues()
                    : List.of(third);
            String template = slf4jTemplate(literal.getValue(), params.size());
            if (template == null) {
              return null;
            }
            message = new StringLiteralExpr(template);
            rest.addAll(params);
          }
        }
        Expression finalMessage = message;
        return () -> {
          NodeList<Expression> newArgs = new NodeList<>();
          newArgs.add(finalMessage.clone());
          rest.forEach(r -> newArgs.add(r.clone()));
          call.setName(slf4j);
          call.setArguments(newArgs);
        };
      }
      return null;
    }
    String slf4j = api.methods().get(method);
    if (slf4j == null) {
      return null;
    }
    if (method.startsWith("is")) {
      return args.isEmpty() ? () -> call.setName(slf4j) : null;
    }
    if (args.isEmpty() || args.size() > 2 || args.size() == 2 && !isThrowable(args.get(1))) {
      return null;
    }
    Expression message = args.get(0);
    boolean text = isText(message);
    return () -> {
      call.setName(slf4j);
      if (!text) {
        Expression original = call.getArgument(0);
        MethodCallExpr valueOf =
            new MethodCallExpr(new NameExpr("String"), "valueOf", new NodeList<>());
        call.replace(original, valueOf);
        valueOf.addArgument(original);
      }
    };
  }

  /** "a {0} b {1}" with n parameters in order becomes "a {} b {}"; null when it can't. */
  static String slf4jTemplate(String julMessage, int parameters) {
    if (julMessage.contains("'") || julMessage.contains("{}")) {
      return null; // MessageFormat quoting, or braces that would become placeholders
    }
    Matcher m = JUL_PLACEHOLDER.matcher(julMessage);
    StringBuilder out = new StringBuilder();
    int expected = 0;
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != expected++) {
        return null;
      }
      m.appendReplacement(out, "{}");
    }
    m.appendTail(out);
    return expected == parameters ? out.toString() : null;
  }

  private static String julLevel(Expression level) {
    String name =
        level instanceof FieldAccessExpr field
                && field.getScope().toString().matches("(java\\.util\\.logging\\.)?Level")
            ? field.getNameAsString()
            : null;
    return name == null ? null : JUL_LEVELS.get(name);
  }

  private static boolean isLambda(Expression e) {
    return e.isLambdaExpr() || e.isMethodReferenceExpr();
  }

  private static boolean isText(Expression e) {
    if (e instanceof StringLiteralExpr || e.isTextBlockLiteralExpr()) {
      return true;
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      return isText(b.getLeft()) || isText(b.getRight());
    }
    if (e instanceof NameExpr name) {
      return Ast.declaredType(e, name.getNameAsString())
          .map(t -> t.equals("String") || t.equals("java.lang.String"))
          .orElse(false);
    }
    if (e instanceof MethodCallExpr call) {
      return Set.of("format", "formatted", "toString", "getMessage", "valueOf")
          .contains(call.getNameAsString());
    }
    return false;
  }

  private static boolean isThrowable(Expression e) {
    if (e.isObjectCreationExpr()) {
      String type = e.asObjectCreationExpr().getType().getNameAsString();
      return type.endsWith("Exception") || type.endsWith("Error") || type.equals("Throwable");
    }
    if (!(e instanceof NameExpr name)) {
      return false;
    }
    return Ast.declaredType(e, name.getNameAsString())
        .map(t -> t.endsWith("Exception") || t.endsWith("Throwable") || t.endsWith("Error")
            || t.contains("|"))
        .orElse(false);
  }

  private static Optional<String> loggerName(Expression scope) {
    if (scope instanceof NameExpr name) {
      return Optional.of(name.getNameAsString());
    }
    if (scope instanceof FieldAccessExpr field && field.getScope().isThisExpr()) {
      return Optional.of(field.getNameAsString());
    }
    return Optional.empty();
  }

  private static boolean usesSimpleName(CompilationUnit unit, String simple) {
    return unit.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(simple))
        || unit.findAll(ClassOrInterfaceType.class).stream()
            .anyMatch(t -> t.getNameAsString().equals(simple));
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
