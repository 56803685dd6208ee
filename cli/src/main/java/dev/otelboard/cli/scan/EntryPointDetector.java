package dev.otelboard.cli.scan;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.otelboard.cli.catalog.HttpLibraries;
import java.util.Set;

/** Classes a service starts from: {@code static void main(String[])} or @SpringBootApplication. */
final class EntryPointDetector implements JavaDetector {
  private static final Set<String> SPRING_BOOT =
      HttpLibraries.SPRING_BOOT.typesNamed("SpringBootApplication");

  @Override
  public void detect(JavaSource src) {
    if (src.isTest()) {
      return;
    }
    for (TypeDeclaration<?> type : src.typeDeclarations) {
      if (src.types.hasAnnotation(type.getAnnotations(), SPRING_BOOT)) {
        src.mainClasses.put(src.types.qualifiedName(type), true);
      }
    }
    for (MethodDeclaration m : src.methods) {
      if (m.getNameAsString().equals("main")
          && m.hasModifier(Modifier.Keyword.STATIC)
          && m.getType().isVoidType()
          && m.getParameters().size() == 1
          && isStringArray(m.getParameter(0))
          && m.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner) {
        src.mainClasses.putIfAbsent(src.types.qualifiedName(owner), false);
      }
    }
  }

  private static boolean isStringArray(Parameter p) {
    String type = p.getType().asString();
    return (p.isVarArgs() && (type.equals("String") || type.equals("java.lang.String")))
        || type.equals("String[]")
        || type.equals("java.lang.String[]");
  }
}
