package org.zhusan.vault.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.VaultServer;

/**
 * The web app as the server serves it: security headers on its pages, the client-route fallback
 * that never shadows the API, the public configuration, and development sign-in that exists only in
 * the development profile.
 */
class WebAppHeadersIT {

  @Test
  void pagesCarryAStrictContentSecurityPolicyAndNoReferrer() throws Exception {
    for (String path :
        new String[] {"/", "/subjects/123e4567-e89b-12d3-a456-426614174000", "/search"}) {
      HttpResponse<String> r = Http.get(path, null);
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
      assertTrue(r.body().contains("<div id=\"root\">"), path + " is the app");
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      for (String directive :
          new String[] {
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'"
          }) {
        assertTrue(csp.contains(directive), path + ": " + directive + " in " + csp);
      }
      assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
      assertFalse(
          r.body().contains("<script>") || r.body().contains("<style"),
          "no inline script or style");
    }
  }

  @Test
  void assetsAreServedWithHeadersAndWithoutSourceMaps() throws Exception {
    String index = Http.get("/", null).body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/assets/main-[A-Za-z0-9_-]+\\.js").matcher(index);
    assertTrue(m.find(), index);
    HttpResponse<String> js = Http.get(m.group(), null);
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    assertTrue(js.headers().firstValue("Content-Security-Policy").isPresent());
    assertFalse(js.body().contains("sourceMappingURL"), "no source map reference");
    assertEquals(404, Http.get(m.group() + ".map", null).statusCode());
  }

  @Test
  void theFallbackNeverShadowsTheServer() throws Exception {
    HttpResponse<String> api = Http.get("/api/no-such-thing", null);
    assertTrue(
        api.statusCode() == 401 || api.statusCode() == 404,
        "API answers itself: " + api.statusCode());
    assertTrue(api.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    assertEquals(200, Http.get("/health/live", null).statusCode());
    HttpResponse<String> openapi = Http.get("/openapi", null);
    assertEquals(200, openapi.statusCode());
    assertFalse(openapi.body().contains("<div id=\"root\">"));
    assertEquals(404, Http.get("/assets/no-such-file.js", null).statusCode());
  }

  @Test
  void publicConfigurationNeedsNoToken() throws Exception {
    HttpResponse<String> r = Http.get("/api/ui/config", null);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject c = Http.json(r);
    assertEquals("zhusan-vault-web", c.getString("clientId"));
    assertEquals(900, c.getInt("idleTimeoutSeconds"));
    assertTrue(c.getBoolean("devSignIn"));
    assertFalse(c.containsKey("authority"), "no provider configured in the test vault");
  }

  @Test
  void developmentSignInMintsATokenTheVaultAccepts() throws Exception {
    HttpResponse<String> r =
        Http.postJson(
            "/api/dev/token",
            null,
            "{\"user\":\"dana\",\"roles\":[\"LAWYER\"],\"centres\":[\"AST-01\"]}");
    assertEquals(200, r.statusCode(), r.body());
    String token = Http.json(r).getString("accessToken");
    JsonObject me = Http.json(Http.get("/api/me", token));
    assertEquals("dana", me.getString("user"));
    assertEquals("LAWYER", me.getJsonArray("roles").getString(0));
    assertEquals(
        400,
        Http.postJson("/api/dev/token", null, "{\"user\":\"dana\",\"roles\":[\"KING\"]}")
            .statusCode());
    assertEquals(
        400,
        Http.postJson("/api/dev/token", null, "{\"user\":\"../x\",\"roles\":[\"LAWYER\"]}")
            .statusCode());
  }

  @Test
  void outsideTheDevelopmentProfileDevSignInDoesNotExist() throws Exception {
    VaultServer.get();
    try (VaultProcess prod =
        VaultServer.get().anotherInstance(Map.of("VAULT_PROFILE", "prod"), "webapp-prod")) {
      HttpResponse<String> token =
          Http.client()
              .send(
                  HttpRequest.newBuilder(URI.create(prod.baseUrl() + "/api/dev/token"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"user\":\"dana\",\"roles\":[\"ADMIN\"],\"centres\":[]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(404, token.statusCode(), token.body());
      assertTrue(token.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
      HttpResponse<String> config =
          Http.client()
              .send(
                  HttpRequest.newBuilder(URI.create(prod.baseUrl() + "/api/ui/config")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertFalse(Http.json(config).getBoolean("devSignIn"));
    }
  }
}
