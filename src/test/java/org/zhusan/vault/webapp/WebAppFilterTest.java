package org.zhusan.vault.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebAppFilterTest {

  @Test
  void serverPathsAreNeverClientRoutes() {
    for (String p :
        new String[] {
          "/api", "/api/subjects/1", "/health/ready", "/openapi", "/problem", "/metrics"
        }) {
      assertTrue(WebAppFilter.isServerPath(p), p);
    }
    for (String p : new String[] {"/", "/apis", "/subjects/1", "/healthy", "/search"}) {
      assertFalse(WebAppFilter.isServerPath(p), p);
    }
  }

  @Test
  void clientRoutesHaveNoFileExtension() {
    assertTrue(WebAppFilter.isClientRoute("/"));
    assertTrue(WebAppFilter.isClientRoute("/subjects/123"));
    assertTrue(WebAppFilter.isClientRoute("/documents/0b6f1c2e-1111-2222-3333-444455556666"));
    assertFalse(WebAppFilter.isClientRoute("/assets/main-abc.js"));
    assertFalse(WebAppFilter.isClientRoute("/silent-renew.html"));
    assertFalse(WebAppFilter.isClientRoute("/favicon.ico"));
  }

  @Test
  void thePolicyAllowsOnlyThisOriginAndTheProvider() {
    String plain = WebAppFilter.policy(null);
    assertTrue(plain.contains("default-src 'self'"));
    assertTrue(plain.contains("connect-src 'self';"));
    assertFalse(plain.contains("unsafe"));
    String withIdp = WebAppFilter.policy("https://idp.example");
    assertTrue(withIdp.contains("connect-src 'self' https://idp.example;"));
    assertTrue(withIdp.contains("frame-src 'self' https://idp.example;"));
    assertTrue(
        withIdp.contains("script-src 'self';"), "the provider never runs script in the page");
  }

  @Test
  void providerOriginComesFromTheIssuerUrl() {
    assertEquals("https://idp.example", UiSettings.origin("https://idp.example/realms/vault"));
    assertEquals("http://localhost:8180", UiSettings.origin("http://localhost:8180/realms/vault"));
    assertThrows(IllegalStateException.class, () -> UiSettings.origin("javascript:alert(1)"));
  }
}
