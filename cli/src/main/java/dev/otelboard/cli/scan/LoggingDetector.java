package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.FindingKind.CONCATENATED_LOG_MESSAGE;
import static dev.otelboard.cli.scan.FindingKind.JCL_LOGGER;
import static dev.otelboard.cli.scan.FindingKind.JUL_LOGGER;
import static dev.otelboard.cli.scan.FindingKind.LOG4J1_LOGGER;
import static dev.otelboard.cli.scan.FindingKind.LOG4J2_LOGGER;
import static dev.otelboard.cli.scan.FindingKind.LOGBACK_LOGGER;
import static dev.otelboard.cli.scan.FindingKind.SLF4J_LOGGER;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.otelboard.cli.catalog.JavaType;
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.LoggingLibraries;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Logging in code: logger declarations per framework (fields, locals, Lombok annotations), log
 * calls counted by level, messages built by concatenation, and System.out/err and
 * printStackTrace() in service code.
 */
final class LoggingDetector implements JavaDetector {
  // Framework labels in scan's reports (a module's loggingFrameworks).
  static final String SLF4J = "SLF4J";
  static final String LOGBACK = "Logback";
  static final String LOG4J2 = "Log4j2";
  static final String JUL = "JUL";
  static final String JCL = "JCL";
  static final String LOG4J1 = "Log4j1";

  /** The catalog's logging libraries as scan labels and reports them. */
  private static final Map<Library, String> FRAMEWORKS =
      Map.of(
          LoggingLibraries.SLF4J, SLF4J,
          LoggingLibraries.LOGBACK, LOGBACK,
          LoggingLibraries.LOG4J2, LOG4J2,
          LoggingLibraries.JUL, JUL,
          LoggingLibraries.JCL, JCL,
          LoggingLibraries.LOG4J1, LOG4J1);

  /** Logger types to framework. */
  static final Map<String, String> LOGGER_TYPES = loggerTypes();

  private static final String SLF4J_LOGGER_TYPE = LoggingLibraries.SLF4J.type("Logger");

  static final Map<String, FindingKind> KINDS =
      Map.of(
          SLF4J, SLF4J_LOGGER,
          LOGBACK, LOGBACK_LOGGER,
          LOG4J2, LOG4J2_LOGGER,
          JUL, JUL_LOGGER,
          JCL, JCL_LOGGER,
          LOG4J1, LOG4J1_LOGGER);

  /** Method name to normalized level, for every framework (JUL names mapped). */
  private static final Map<String, String> LEVELS =
      Map.ofEntries(
          Map.entry("trace", "trace"),
          Map.entry("debug", "debug"),
          Map.entry("info", "info"),
          Map.entry("warn", "warn"),
          Map.entry("error", "error"),
          Map.entry("fatal", "fatal"),
          Map.entry("atTrace", "trace"),
          Map.entry("atDebug", "debug"),
          Map.entry("atInfo", "info"),
          Map.entry("atWarn", "warn"),
          Map.entry("atError", "error"),
          Map.entry("atFatal", "fatal"),
          Map.entry("severe", "error"),
          Map.entry("warning", "warn"),
          Map.entry("config", "debug"),
          Map.entry("fine", "debug"),
          Map.entry("finer", "trace"),
          Map.entry("finest", "trace"));

  /** Methods taking the level as their first argument. */
  private static final Set<String> LEVEL_ARGUMENT = Set.of("log", "logp", "logrb");

  private static final Set<String> TEMPLATE_METHODS =
      Set.of("trace", "debug", "info", "warn", "error", "fatal");

  private static final Set<String> PRINT_METHODS =
      Set.of("println", "print", "printf", "format", "write", "append");

  @Override
  public void detect(JavaSource src) {
    TypeNames types = src.types;
    for (TypeDeclaration<?> type : src.typeDeclarations) {
      for (AnnotationExpr a : type.getAnnotations()) {
        String fqn = types.resolve(a);
        String loggerType = fqn == null ? null : KnownTypes.lombokLogger(fqn);
        if (loggerType != null) {
          String framework = LOGGER_TYPES.get(loggerType);
          src.frameworks.add(framework);
          src.add(KINDS.get(framework), a, loggerType + " log (Lombok @" + a.getNameAsString()
              + ")", false, RewriteId.NONE, null);
        }
      }
    }
    for (VariableDeclarator v : src.variables) {
      if (!(v.getParentNode().orElse(null) instanceof FieldDeclaration
          || v.getParentNode().orElse(null) instanceof VariableDeclarationExpr)) {
        continue;
      }
      String typeName = TypeNames.isVar(v.getType())
          ? v.getInitializer().map(types::typeOf).orElse(null)
          : types.resolve(v.getType());
      String framework = typeName == null ? null : LOGGER_TYPES.get(typeName);
      if (framework != null) {
        src.frameworks.add(framework);
        src.add(KINDS.get(framework), v, typeName + " " + v.getNameAsString(), false,
            RewriteId.NONE, null);
      }
    }
    for (MethodCallExpr call : src.calls) {
      String name = call.getNameAsString();
      if (call.getScope().isPresent() && (LEVELS.containsKey(name) || LEVEL_ARGUMENT.contains(name))) {
        logCall(src, call);
      } else if (!src.isTest()) {
        systemStreams(src, call);
      }
    }
  }

  private static void logCall(JavaSource src, MethodCallExpr call) {
    String loggerType = src.types.typeOf(call.getScope().get());
    String framework = loggerType == null ? null : LOGGER_TYPES.get(loggerType);
    if (framework == null) {
      return;
    }
    String name = call.getNameAsString();
    String level = LEVELS.get(name);
    int messageIndex = 0;
    if (level == null) {
      if (call.getArguments().isEmpty()) {
        return;
      }
      level = levelArgument(call.getArgument(0));
      messageIndex = 1;
    }
    src.frameworks.add(framework);
    if (!src.isTest()) {
      src.countLogCall(framework, level);
    }
    BinaryExpr concat = null;
    for (int i = messageIndex; i < Math.min(call.getArguments().size(), messageIndex + 2); i++) {
      if (isStringConcatenation(call.getArgument(i))) {
        concat = (BinaryExpr) call.getArgument(i);
        messageIndex = i;
        break;
      }
    }
    if (concat == null) {
      return;
    }
    String symbol = loggerType + "." + name;
    String problem = templateProblem(src, framework, call, messageIndex, concat);
    if (problem == null) {
      src.add(CONCATENATED_LOG_MESSAGE, call, symbol, false,
          RewriteId.PARAMETERIZE_LOG_MESSAGE, null);
    } else {
      src.add(CONCATENATED_LOG_MESSAGE, call, symbol, false, RewriteId.MANUAL, problem);
    }
  }

  /** Why onboard's parameterize-log-message would not rewrite this call, or null when it would. */
  private static String templateProblem(
      JavaSource src, String framework, MethodCallExpr call, int index, BinaryExpr concat) {
    switch (framework) {
      case JUL:
        return "java.util.logging has no {} templates: use logger.log(Level, \"... {0}\", arg) "
            + "or move to SLF4J";
      case JCL:
      case LOG4J1:
        return framework + " has no message templates: move the logger to SLF4J";
      default:
        break;
    }
    if (framework.equals(LOGBACK)) {
      return "Logback logger used directly: declare it as org.slf4j.Logger, then use {} "
          + "placeholders";
    }
    int count = call.getArguments().size();
    if (!TEMPLATE_METHODS.contains(call.getNameAsString()) || index != 0
        || !(count == 1 || (count == 2 && isThrowable(src, call.getArgument(1))))) {
      return "message with extra arguments or a marker: replace the concatenation with {} "
          + "placeholders by hand";
    }
    List<Expression> parts = new ArrayList<>();
    flatten(concat, parts);
    if (!isLiteral(parts.get(0))) {
      return "the concatenation does not start with a string literal (it may be arithmetic): "
          + "use {} placeholders by hand";
    }
    for (Expression part : parts) {
      if (part instanceof StringLiteralExpr s && s.getValue().contains("{}")) {
        return "the message already contains {}: use placeholders by hand";
      }
    }
    return null;
  }

  private static boolean isStringConcatenation(Expression e) {
    if (!(e instanceof BinaryExpr b) || b.getOperator() != BinaryExpr.Operator.PLUS) {
      return false;
    }
    List<Expression> parts = new ArrayList<>();
    flatten(b, parts);
    boolean literal = false;
    boolean other = false;
    for (Expression part : parts) {
      if (isLiteral(part)) {
        literal = true;
      } else {
        other = true;
      }
    }
    return literal && other;
  }

  private static boolean isLiteral(Expression e) {
    return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr;
  }

  private static void flatten(Expression e, List<Expression> parts) {
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      flatten(b.getLeft(), parts);
      flatten(b.getRight(), parts);
    } else {
      parts.add(e);
    }
  }

  private static boolean isThrowable(JavaSource src, Expression e) {
    String type = null;
    if (e instanceof NameExpr name) {
      type = src.types.declaredTypeText(e, name.getNameAsString());
    } else if (e instanceof ObjectCreationExpr creation) {
      type = creation.getType().getNameAsString();
    }
    return type != null
        && (type.endsWith("Exception") || type.endsWith("Throwable") || type.endsWith("Error")
            || type.contains("|"));
  }

  private static String levelArgument(Expression e) {
    String name = e instanceof FieldAccessExpr f ? f.getNameAsString()
        : e instanceof NameExpr n ? n.getNameAsString() : null;
    if (name == null) {
      return "other";
    }
    String level = LEVELS.get(name.toLowerCase(Locale.ROOT));
    return level != null ? level : name.equalsIgnoreCase("all") ? "trace" : "other";
  }

  private static void systemStreams(JavaSource src, MethodCallExpr call) {
    String name = call.getNameAsString();
    if (name.equals("printStackTrace") && call.getArguments().isEmpty()
        && call.getScope().isPresent()) {
      src.add(FindingKind.PRINT_STACK_TRACE, call, "java.lang.Throwable.printStackTrace", false,
          RewriteId.MANUAL, "the stack trace goes to stderr without trace context: log the "
              + "exception with the logger");
      return;
    }
    if (!PRINT_METHODS.contains(name)
        || !(call.getScope().orElse(null) instanceof FieldAccessExpr stream)) {
      return;
    }
    String streamName = stream.getNameAsString();
    if (!(streamName.equals("out") || streamName.equals("err"))
        || !src.types.namesClass(stream.getScope(), "java.lang.System")) {
      return;
    }
    boolean out = streamName.equals("out");
    FindingKind kind = out ? FindingKind.SYSTEM_OUT : FindingKind.SYSTEM_ERR;
    String symbol = "java.lang.System." + streamName + "." + name;
    if (!name.equals("println") || call.getArguments().size() != 1) {
      src.add(kind, call, symbol, false, RewriteId.MANUAL,
          "printed outside the logging framework, so the line has no trace context: use a logger");
    } else if (insideMain(call)) {
      src.add(kind, call, symbol, false, RewriteId.NONE,
          "startup or usage output in main(): left as it is");
    } else if (hasSlf4jLogger(src, call)) {
      src.add(kind, call, symbol, false, RewriteId.MIGRATE_SYSTEM_OUT_TO_SLF4J, null);
    } else {
      src.add(kind, call, symbol, false, RewriteId.MANUAL,
          "not logging, so the line has no trace_id, and the class has no SLF4J logger to send "
              + "it through: log it through an SLF4J logger");
    }
  }

  private static boolean insideMain(MethodCallExpr call) {
    return call.findAncestor(MethodDeclaration.class)
        .map(m -> m.getNameAsString().equals("main") && m.isStatic())
        .orElse(false);
  }

  /** Whether the class around {@code call} has an SLF4J logger field usable there. */
  private static boolean hasSlf4jLogger(JavaSource src, MethodCallExpr call) {
    var type = call.findAncestor(ClassOrInterfaceDeclaration.class);
    if (type.isEmpty()) {
      return false;
    }
    boolean staticContext = call.findAncestor(MethodDeclaration.class)
        .map(MethodDeclaration::isStatic).orElse(false);
    for (FieldDeclaration field : type.get().getFields()) {
      if (staticContext && !field.isStatic()) {
        continue;
      }
      for (VariableDeclarator v : field.getVariables()) {
        if (SLF4J_LOGGER_TYPE.equals(src.types.resolve(v.getType()))) {
          return true;
        }
      }
    }
    return SLF4J_LOGGER_TYPE.equals(src.types.lombokLoggerType(type.get()));
  }

  private static Map<String, String> loggerTypes() {
    Map<String, String> types = new HashMap<>();
    FRAMEWORKS.forEach((library, framework) -> {
      for (String type : library.types(JavaType.Role.LOGGER)) {
        types.put(type, framework);
      }
    });
    return Map.copyOf(types);
  }
}
