package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.Optional;

/**
 * A Spring Boot application that the OpenTelemetry starter does not support (Boot 2.4/2.5 on
 * Spring Framework 5.3, Boot 3.0 on 6.0) gets the servlet filter of opentelemetry-spring-webmvc
 * as a {@code FilterRegistrationBean} bean in its {@code @SpringBootApplication} class, made by the
 * generated {@value RewriteSettings#SPRING_MVC_ADAPTER} helper on the generated bootstrap. The bean
 * method is the one edit of the application's code, so scanning rules ({@code scanBasePackages})
 * can't hide it. Onboard runs this rewrite only for such applications (their Spring MVC server and
 * Boot version come from the build); verified at runtime by the boot25-mvc fixture.
 */
final class InstrumentSpringMvc implements JavaRewrite {
  static final RewriteId ID = RewriteId.INSTRUMENT_SPRING_MVC;
  static final String METHOD = "otelServerFilter";
  private static final String BOOT_APPLICATION =
      "org.springframework.boot.autoconfigure.SpringBootApplication";

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Spring MVC requests get SERVER spans (the spring-webmvc filter as a bean)";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("SpringBootApplication");
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      Optional<AnnotationExpr> application = type.getAnnotations().stream()
          .filter(a -> a.getNameAsString().equals(BOOT_APPLICATION)
              || a.getNameAsString().equals("SpringBootApplication")
                  && Ast.imports(unit, BOOT_APPLICATION))
          .findFirst();
      if (application.isEmpty() || BeanMethods.declares(type, METHOD)) {
        continue;
      }
      String bean = RewriteContext.reference(unit, "org.springframework.context.annotation.Bean");
      String registration = RewriteContext.reference(unit,
          "org.springframework.boot.web.servlet.FilterRegistrationBean");
      String helper = RewriteContext.reference(unit,
          context.settings().generated(RewriteSettings.SPRING_MVC_ADAPTER));
      context.changed(application.get(), ID,
          "Spring MVC requests get SERVER spans: the opentelemetry-spring-webmvc filter bean");
      context.need(Instrumentation.SPRING_MVC_FILTER);
      context.need(Instrumentation.BOOTSTRAP);
      String method =
          "/** A SERVER span for each request (opentelemetry-spring-webmvc; otelboard). */\n"
          + "@" + bean + "\n"
          + registration + "<?> " + METHOD + "() {\n"
          + "  return " + helper + ".serverFilter();\n"
          + "}";
      String className = type.getNameAsString();
      context.editPrintedText(text -> BeanMethods.append(text, className, METHOD, method));
    }
  }
}
