package dev.otelboard.cli.generate;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.SimpleNumber;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Renders the FreeMarker templates packaged under {@code templates/} in the otelboard jar.
 * Templates use square-bracket interpolation ({@code [=x]}) so that the collector's own
 * {@code ${env:...}} syntax can be written as plain text. Two helpers are shared with every
 * template: {@code yaml(s)} quotes a string as a YAML scalar, and {@code <@indent n=2>}
 * indents its body, so one fragment can be included at any depth.
 */
final class TemplateRenderer {
  private final Configuration cfg;

  TemplateRenderer() {
    cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassForTemplateLoading(TemplateRenderer.class, "/templates");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setSharedVariable("yaml", (TemplateMethodModelEx) TemplateRenderer::yaml);
    cfg.setSharedVariable("indent", new Indent());
  }

  /** Renders {@code template} (a path under templates/) with {@code model}. */
  String render(String template, Map<String, Object> model) {
    try {
      Template t = cfg.getTemplate(template);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
    }
  }

  private static Object yaml(List<?> args) throws TemplateModelException {
    if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
      throw new TemplateModelException("yaml(string) takes one string");
    }
    return YamlText.scalar(s.getAsString());
  }

  /** {@code <@indent n=4>...</@indent>}: prefixes every non-empty line of the body. */
  private static final class Indent implements TemplateDirectiveModel {
    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars,
        TemplateDirectiveBody body) throws TemplateException, IOException {
      Object n = params.get("n");
      if (!(n instanceof SimpleNumber number)) {
        throw new TemplateModelException("indent needs n=<number>");
      }
      StringWriter buffer = new StringWriter();
      if (body != null) {
        body.render(buffer);
      }
      String pad = " ".repeat(number.getAsNumber().intValue());
      Writer out = env.getOut();
      String[] lines = buffer.toString().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          out.write(pad);
          out.write(lines[i]);
        }
        if (i < lines.length - 1) {
          out.write('\n');
        }
      }
    }
  }
}
