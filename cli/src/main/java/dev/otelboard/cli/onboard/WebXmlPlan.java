package dev.otelboard.cli.onboard;

import static dev.otelboard.cli.onboard.ProjectFiles.read;

import dev.otelboard.cli.rewrite.Change;
import dev.otelboard.cli.rewrite.Instrumentation;
import dev.otelboard.cli.rewrite.ManualItem;
import dev.otelboard.cli.rewrite.RegisterWebXmlFilter;
import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.RewriteSettings;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** A war module's web.xml gets the generated servlet filter (see {@link RegisterWebXmlFilter}). */
final class WebXmlPlan {
  private WebXmlPlan() {}

  /** Plans the web.xml edit of {@code module}, if it has one; adds what it needs to {@code needs}. */
  static void plan(PlanDraft draft, Path module, RewriteSettings settings,
      Set<Instrumentation> needs) throws IOException {
    Path webXml = module.resolve("src/main/webapp/WEB-INF/web.xml");
    Optional<String> text = read(webXml);
    if (text.isEmpty()) {
      return;
    }
    String filter = settings.generated(RewriteSettings.SERVLET_FILTER);
    String file = draft.relative(webXml);
    try {
      RegisterWebXmlFilter.Result result = RegisterWebXmlFilter.register(text.get(), filter);
      if (result.refusal() != null) {
        draft.manual().add(new ManualItem(file, result.line(), RegisterWebXmlFilter.ID,
            result.refusal()));
        return;
      }
      if (result.changed(text.get())) {
        draft.edit(webXml, text.get(), result.text());
        draft.changes().add(new Change(file, result.line(), RegisterWebXmlFilter.ID,
            RewriteSettings.SERVLET_FILTER + " declared and mapped to /* ahead of the other "
                + "filters: SERVER spans for every request"));
      }
      if (result.text().contains(filter)) {
        needs.add(Instrumentation.SERVLET_FILTER);
        needs.add(Instrumentation.BOOTSTRAP);
      }
    } catch (XmlParseException e) {
      draft.failures().add(new ManualItem(file, e.line(), RewriteId.PARSE,
          "not well-formed XML: " + e.getMessage()));
    }
  }
}
