package org.acme.shop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/** GET /hello?name=x. */
final class HelloServlet extends HttpServlet {
  private static final Logger log = Logger.getLogger(HelloServlet.class.getName());

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = req.getParameter("name") == null ? "world" : req.getParameter("name");
    log.info("saying hello to " + name);
    resp.setContentType("application/json");
    resp.getWriter().write("{\"greeting\":\"hello " + name + "\"}");
  }
}
