package org.acme.orders;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /hello?name=x. */
final class HelloServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(HelloServlet.class);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = req.getParameter("name") == null ? "world" : req.getParameter("name");
    log.info("saying hello to {}", name);
    resp.setContentType("application/json");
    resp.getWriter().write("{\"greeting\":\"hello " + name + "\"}");
  }
}
