package org.zhusan.vault.webapp;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Serves the single-page web app: its security headers on every page and asset, and the
 * client-route fallback (a reload of {@code /subjects/123} gets {@code index.html}). The API,
 * health, OpenAPI and error paths pass through untouched — the fallback never shadows them.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebAppFilter extends HttpFilter {
  /** Paths that belong to the server, never to the app. */
  static final List<String> SERVER_PATHS =
      List.of("/api", "/health", "/openapi", "/problem", "/metrics");

  @Inject UiSettings settings;

  private volatile String csp;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (isServerPath(path) || req.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
      chain.doFilter(req, resp);
      return;
    }
    resp.setHeader("Content-Security-Policy", csp());
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    resp.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (path.endsWith(".map")) {
      resp.sendError(404); // no source maps in production, even if one slipped into the build
      return;
    }
    boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
    if (read && isClientRoute(path)) {
      resp.setHeader("Cache-Control", "no-cache");
      req.getRequestDispatcher("/index.html").forward(req, resp);
      return;
    }
    resp.setHeader(
        "Cache-Control",
        path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    chain.doFilter(req, resp);
  }

  static boolean isServerPath(String path) {
    for (String p : SERVER_PATHS) {
      if (path.equals(p) || path.startsWith(p + "/")) {
        return true;
      }
    }
    return false;
  }

  /** A client route: the root, or a path whose last segment has no file extension. */
  static boolean isClientRoute(String path) {
    if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
      return true;
    }
    if (path.startsWith("/assets/")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }

  private String csp() {
    String c = csp;
    if (c == null) {
      c = policy(settings.authorityOrigin().orElse(null));
      csp = c;
    }
    return c;
  }

  /**
   * The page's Content-Security-Policy: only this origin (plus the OIDC provider for discovery,
   * token requests and the silent-renewal frame); no inline script or style; blob: images and
   * workers for the document viewer (object URLs made by the app itself).
   */
  static String policy(String providerOrigin) {
    String provider = providerOrigin == null ? "" : " " + providerOrigin;
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
        + " font-src 'self'; connect-src 'self'"
        + provider
        + "; frame-src 'self'"
        + provider
        + "; worker-src 'self' blob:;"
        + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        + provider;
  }
}
