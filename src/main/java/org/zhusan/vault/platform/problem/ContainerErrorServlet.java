package org.zhusan.vault.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error page for errors the servlet container raises before JAX-RS runs — chiefly the 401 that
 * MP-JWT sends for a forged, expired or otherwise invalid token — so they too are problem JSON.
 * Mapped in {@code web.xml}.
 */
@WebServlet("/problem")
public class ContainerErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    Problem p =
        switch (status) {
          case 401 ->
              Problem.of(
                  401,
                  "unauthenticated",
                  "Unauthorized",
                  "A valid bearer token is required: it is missing, expired, not signed by a"
                      + " trusted key, or issued for someone else.");
          case 403 ->
              Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
          case 404 -> Problem.of(404, "not-found", "Not found", "No such resource.");
          case 405 ->
              Problem.of(
                  405,
                  "method-not-allowed",
                  "Method not allowed",
                  "This resource does not support that method.");
          case 413 ->
              Problem.of(
                  413,
                  "payload-too-large",
                  "Payload too large",
                  "The request body is larger than allowed.");
          default ->
              status >= 500
                  ? Problem.of(
                      status,
                      "server-error",
                      "Server error",
                      "The request failed; quote the instance id to an administrator.")
                  : Problem.of(
                      status, "http-" + status, "Error", "The request could not be processed.");
        };
    resp.setStatus(status);
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding("UTF-8");
    // As every /api answer (NoStoreFilter): an error page is no more for caches than a record is.
    resp.setHeader("Cache-Control", org.zhusan.vault.platform.rest.NoStoreFilter.NO_STORE);
    if (status == 401) {
      resp.setHeader("WWW-Authenticate", "Bearer");
    }
    resp.getOutputStream()
        .write(p.withInstance(RequestIds.of(req)).toJson().getBytes(StandardCharsets.UTF_8));
  }
}
