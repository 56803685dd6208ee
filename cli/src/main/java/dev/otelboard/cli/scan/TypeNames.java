package dev.otelboard.cli.scan;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves type names in one compilation unit by hand, following Java's precedence: types
 * declared in the file, single-type imports, the same package (from {@link RepoIndex}),
 * on-demand imports (the repo's own packages and {@link KnownTypes}), then java.lang. A name
 * that resolves to nothing yields null: detectors only match what they can prove.
 *
 * <p>Also answers "what type does this variable have" by walking up from a use to its
 * declaration (local, parameter, field, Lombok logger), and infers the type of the catalog's
 * factory calls and fluent chains for {@code var} declarations and chained calls.
 */
final class TypeNames {
  private static final Set<String> JAVA_LANG =
      Set.of("System", "Thread", "Runnable", "String", "Object", "ThreadGroup", "Throwable");

  private final String pkg;
  private final String directory;
  private final RepoIndex index;
  private final Map<String, String> single = new HashMap<>();
  private final List<String> onDemand = new ArrayList<>();
  private final Map<String, String> staticSingle = new HashMap<>();
  private final List<String> staticOnDemand = new ArrayList<>();
  private final Map<String, String> declared = new HashMap<>();
  private final Set<String> declaredMethods = new HashSet<>();
  private final Map<String, String> resolved = new HashMap<>();

  TypeNames(
      CompilationUnit unit,
      String file,
      RepoIndex index,
      List<TypeDeclaration<?>> types,
      List<MethodDeclaration> methods) {
    this.pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    this.directory = RepoIndex.directory(file);
    this.index = index;
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticOnDemand.add(name);
        } else {
          int dot = name.lastIndexOf('.');
          if (dot > 0) {
            staticSingle.put(name.substring(dot + 1), name.substring(0, dot));
          }
        }
      } else if (imp.isAsterisk()) {
        onDemand.add(name);
      } else {
        single.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    for (TypeDeclaration<?> type : types) {
      declared.putIfAbsent(type.getNameAsString(), qualifiedName(type));
    }
    for (MethodDeclaration m : methods) {
      declaredMethods.add(m.getNameAsString());
    }
  }

  /** The package of the compilation unit ("" for the default package). */
  String packageName() {
    return pkg;
  }

  /**
   * The fully qualified name a simple or dotted type name denotes here, or null when it cannot be
   * proven. A dotted name whose first segment is not a type is taken as fully qualified.
   */
  String resolve(String name) {
    String cached = resolved.get(name);
    if (cached != null || resolved.containsKey(name)) {
      return cached;
    }
    String result;
    int dot = name.indexOf('.');
    if (dot < 0) {
      result = resolveSimple(name);
    } else {
      String first = resolveSimple(name.substring(0, dot));
      result = first != null ? first + name.substring(dot) : name;
    }
    resolved.put(name, result);
    return result;
  }

  private String resolveSimple(String name) {
    String fqn = declared.get(name);
    if (fqn != null) {
      return fqn;
    }
    fqn = single.get(name);
    if (fqn != null) {
      return fqn;
    }
    if (index.inSamePackage(directory, pkg, name)) {
      return pkg.isEmpty() ? name : pkg + "." + name;
    }
    for (String p : onDemand) {
      if (index.hasType(p, name) || KnownTypes.contains(p + "." + name)) {
        return p + "." + name;
      }
    }
    if (JAVA_LANG.contains(name)) {
      return "java.lang." + name;
    }
    return null;
  }

  /** The fully qualified name of a declared type, or null ({@code var}, primitives, unknown). */
  String resolve(Type type) {
    if (type instanceof ClassOrInterfaceType c && !isVar(type)) {
      return resolve(c.getNameWithScope());
    }
    return null;
  }

  /** Whether {@code e} is a (possibly qualified) name of the class {@code fqn}. */
  boolean namesClass(Expression e, String fqn) {
    String text = nameText(e);
    return text != null && fqn.equals(resolve(text));
  }

  /** The class a name expression denotes, or null. */
  String classNamed(Expression e) {
    String text = nameText(e);
    return text == null ? null : resolve(text);
  }

  /**
   * The class a static call goes to: its scope when that names a class, else the class of a static
   * import of that method (not shadowed by a method of this file), else null.
   */
  String staticOwner(MethodCallExpr call) {
    if (call.getScope().isPresent()) {
      return classNamed(call.getScope().get());
    }
    String name = call.getNameAsString();
    if (declaredMethods.contains(name)) {
      return null;
    }
    return staticSingle.get(name);
  }

  /** Whether an unqualified call could come from {@code import static owner.*}. */
  boolean staticOnDemandFrom(MethodCallExpr call, String owner) {
    return call.getScope().isEmpty()
        && staticOnDemand.contains(owner)
        && !declaredMethods.contains(call.getNameAsString());
  }

  /** Whether {@code call} is the static method {@code owner.name} (by scope or static import). */
  boolean isStaticCall(MethodCallExpr call, String owner, String name) {
    if (!call.getNameAsString().equals(name)) {
      return false;
    }
    return owner.equals(staticOwner(call)) || staticOnDemandFrom(call, owner);
  }

  /** Whether any non-static import names a type or package starting with {@code prefix}. */
  boolean importsPackage(String prefix) {
    for (String s : single.values()) {
      if (s.startsWith(prefix)) {
        return true;
      }
    }
    for (String s : onDemand) {
      if (s.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The resolved type of an expression where it can be proven; null otherwise. */
  String typeOf(Expression e) {
    if (e instanceof EnclosedExpr enclosed) {
      return typeOf(enclosed.getInner());
    }
    if (e instanceof CastExpr cast) {
      return resolve(cast.getType());
    }
    if (e instanceof ObjectCreationExpr creation) {
      return resolve(creation.getType());
    }
    if (e instanceof NameExpr name) {
      Declaration d = declaration(e, name.getNameAsString());
      return d == null ? null : typeOf(d);
    }
    if (e instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
      Declaration d = declaration(e, field.getNameAsString());
      return d == null ? null : typeOf(d);
    }
    if (e instanceof MethodCallExpr call) {
      String owner = staticOwner(call);
      if (owner != null) {
        String t = KnownTypes.returnType(owner + "#" + call.getNameAsString());
        if (t != null) {
          return t;
        }
      }
      if (call.getScope().isPresent()) {
        String scopeType = typeOf(call.getScope().get());
        if (scopeType != null && KnownTypes.isFluent(scopeType)) {
          return scopeType;
        }
      }
    }
    return null;
  }

  private String typeOf(Declaration d) {
    if (d.impliedType() != null) {
      return d.impliedType();
    }
    if (d.type() == null) {
      return null;
    }
    if (isVar(d.type())) {
      return d.initializer() == null ? null : typeOf(d.initializer());
    }
    return resolve(d.type());
  }

  /**
   * Whether a declared type is {@code var}. The RAW parser level keeps {@code var} as a class
   * type named "var" (the post-processor that turns it into a VarType is not run).
   */
  static boolean isVar(Type type) {
    return type.isVarType()
        || (type instanceof ClassOrInterfaceType c && c.getScope().isEmpty()
            && c.getTypeArguments().isEmpty() && c.getNameAsString().equals("var"));
  }

  /** The declared type of variable {@code name} as seen from {@code use}, as written. */
  String declaredTypeText(Node use, String name) {
    Declaration d = declaration(use, name);
    return d == null || d.type() == null ? null : d.type().asString();
  }

  /**
   * A variable's declaration: its written type (null for untyped lambda parameters), its
   * initializer, or the type implied by Lombok.
   */
  record Declaration(Type type, Expression initializer, String impliedType) {}

  /** Finds the declaration of {@code name} visible at {@code use}, or null. */
  Declaration declaration(Node use, String name) {
    Node child = use;
    for (Node n = use.getParentNode().orElse(null);
        n != null;
        child = n, n = n.getParentNode().orElse(null)) {
      Declaration d = declaredIn(n, child, name);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private Declaration declaredIn(Node n, Node child, String name) {
    if (n instanceof BlockStmt block) {
      return inStatements(block.getStatements(), child, name);
    }
    if (n instanceof SwitchEntry entry) {
      return inStatements(entry.getStatements(), child, name);
    }
    if (n instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        Declaration d = inVariables(init, name);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (n instanceof ForEachStmt f) {
      return inVariables(f.getVariable(), name);
    }
    if (n instanceof TryStmt t) {
      for (Expression r : t.getResources()) {
        Declaration d = inVariables(r, name);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (n instanceof CatchClause c) {
      return inParameters(List.of(c.getParameter()), name);
    }
    if (n instanceof LambdaExpr lambda) {
      for (Parameter p : lambda.getParameters()) {
        if (p.getNameAsString().equals(name)) {
          return new Declaration(p.getType().isUnknownType() ? null : p.getType(), null, null);
        }
      }
      return null;
    }
    if (n instanceof CallableDeclaration<?> callable) {
      return inParameters(callable.getParameters(), name);
    }
    if (n instanceof RecordDeclaration record) {
      Declaration d = inParameters(record.getParameters(), name);
      return d != null ? d : inMembers(record, record.getMembers(), name);
    }
    if (n instanceof TypeDeclaration<?> type) {
      return inMembers(type, type.getMembers(), name);
    }
    if (n instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
      return inMembers(null, creation.getAnonymousClassBody().get(), name);
    }
    return null;
  }

  private Declaration inStatements(NodeList<Statement> statements, Node child, String name) {
    for (Statement s : statements) {
      if (s == child) {
        break;
      }
      if (s instanceof ExpressionStmt es) {
        Declaration d = inVariables(es.getExpression(), name);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static Declaration inVariables(Expression e, String name) {
    if (e instanceof VariableDeclarationExpr vars) {
      for (VariableDeclarator v : vars.getVariables()) {
        if (v.getNameAsString().equals(name)) {
          return new Declaration(v.getType(), v.getInitializer().orElse(null), null);
        }
      }
    }
    return null;
  }

  private static Declaration inParameters(List<Parameter> parameters, String name) {
    for (Parameter p : parameters) {
      if (p.getNameAsString().equals(name)) {
        return new Declaration(p.getType(), null, null);
      }
    }
    return null;
  }

  private Declaration inMembers(
      TypeDeclaration<?> type, NodeList<BodyDeclaration<?>> members, String name) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof FieldDeclaration field) {
        for (VariableDeclarator v : field.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return new Declaration(v.getType(), v.getInitializer().orElse(null), null);
          }
        }
      }
    }
    if (type != null && name.equals("log")) {
      String lombok = lombokLoggerType(type);
      if (lombok != null) {
        return new Declaration(null, null, lombok);
      }
    }
    return null;
  }

  /** The logger type a Lombok annotation on {@code type} generates, or null. */
  String lombokLoggerType(TypeDeclaration<?> type) {
    for (AnnotationExpr a : type.getAnnotations()) {
      String fqn = resolve(a.getNameAsString());
      String logger = fqn == null ? null : KnownTypes.lombokLogger(fqn);
      if (logger != null) {
        return logger;
      }
    }
    return null;
  }

  /** The annotation's fully qualified name, or null. */
  String resolve(AnnotationExpr annotation) {
    return resolve(annotation.getNameAsString());
  }

  /** Whether {@code node} carries an annotation resolving to one of {@code fqns}. */
  boolean hasAnnotation(NodeList<AnnotationExpr> annotations, Set<String> fqns) {
    for (AnnotationExpr a : annotations) {
      String fqn = resolve(a.getNameAsString());
      if (fqn != null && fqns.contains(fqn)) {
        return true;
      }
    }
    return false;
  }

  /** {@code a.b.C} for a name or field-access chain of names, else null. */
  static String nameText(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f) {
      String scope = nameText(f.getScope());
      return scope == null ? null : scope + "." + f.getNameAsString();
    }
    return null;
  }

  /** The fully qualified (dotted, nested) name of a declared type. */
  String qualifiedName(TypeDeclaration<?> type) {
    StringBuilder name = new StringBuilder(type.getNameAsString());
    for (Node n = type.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> outer) {
        name.insert(0, outer.getNameAsString() + ".");
      }
    }
    return pkg.isEmpty() ? name.toString() : pkg + "." + name;
  }
}
