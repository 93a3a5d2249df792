package org.zhusan.vault.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.BrowserTests;
import org.zhusan.vault.it.KeycloakServer;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * The vault behind a real Keycloak with {@code config/keycloak/zhusan-realm.json} imported: a
 * lawyer signs in to the web app through Keycloak's login page in headless Chromium, files a
 * document and signs out of Keycloak too; its tokens carry what the vault needs, the vault verifies
 * them against Keycloak's key set, follows a signing-key rollover without a restart, and refuses
 * expired tokens; a disabled user cannot renew. The key rollover runs last: it replaces the realm's
 * signing key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * Longer than the vault's key-set cache (payara-mp-jwt.properties) plus a margin for a loaded
   * machine.
   */
  private static final Duration KEY_SET_REFRESH = Duration.ofSeconds(90);

  static KeycloakServer keycloak;
  static VaultProcess vault;

  @BeforeAll
  static void start() throws Exception {
    VaultServer shared = VaultServer.get();
    int keycloakPort = KeycloakServer.choosePort();
    int vaultPort = VaultServer.freePort();
    CompletableFuture<KeycloakServer> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return KeycloakServer.start(keycloakPort, "http://localhost:" + vaultPort);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String issuer = "http://127.0.0.1:" + keycloakPort + "/realms/" + KeycloakServer.REALM;
    vault =
        shared.anotherInstance(
            Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer + "/protocol/openid-connect/certs",
                "MP_JWT_VERIFY_ISSUER", issuer,
                "VAULT_UI_OIDC_AUTHORITY", issuer),
            "it-keycloak",
            vaultPort);
    keycloak = starting.get();
  }

  @AfterAll
  static void stop() throws Exception {
    if (vault != null) {
      vault.close();
    }
  }

  @Test
  @Order(0)
  void aLawyerSignsInThroughKeycloaksOwnPageFilesADocumentAndSignsOutOfKeycloakToo()
      throws Exception {
    assertTrue(
        BrowserTests.chromiumInstalled(),
        "headless Chromium is needed at " + BrowserTests.chromium());
    // A person of her centre, registered through the shared instance (same database).
    String subject =
        Subjects.create(
                Tokens.token("kc-setup-lawyer", "LAWYER", "AST-01"),
                "AST-01",
                "Keycloak Journey Subject",
                null)
            .getString("id");
    BrowserTests.run(
        vault.baseUrl(),
        Map.of("KEYCLOAK_URL", keycloak.baseUrl(), "SUBJECT_ID", subject),
        "e2e-keycloak/keycloak.test.mjs");
  }

  @Test
  @Order(1)
  void keycloakTokensCarryTheUserNameRolesAndCentresTheVaultNeeds() throws Exception {
    HttpResponse<String> me = get("/api/me", keycloak.accessToken("lawyer.ast"));
    assertEquals(200, me.statusCode(), me.body());
    JsonObject body = json(me.body());
    assertEquals("lawyer.ast", body.getString("user"), "the user name, not Keycloak's opaque sub");
    assertEquals(
        List.of("LAWYER"),
        body.getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    assertEquals(
        List.of("AST-01"),
        body.getJsonArray("centres").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
  }

  @Test
  @Order(2)
  void anAuditorWithAKeycloakTokenReadsTheLogAndOthersCannot() throws Exception {
    assertEquals(
        200, get("/api/audit/entries?limit=5", keycloak.accessToken("auditor")).statusCode());
    assertEquals(
        403, get("/api/audit/entries?limit=5", keycloak.accessToken("lawyer.ast")).statusCode());
    assertEquals(
        401,
        get("/api/me", Tokens.token("dev-signed", "AUDITOR")).statusCode(),
        "only Keycloak's keys are trusted by this instance, not the development key");
  }

  @Test
  @Order(3)
  void aTokenWhoseLifetimeHasPassedIsRefused() throws Exception {
    String token = keycloak.shortLivedAccessToken("auditor", 5);
    assertEquals(200, get("/api/me", token).statusCode());
    long exp = claims(token).getJsonNumber("exp").longValue();
    Thread.sleep(Math.max(0, exp * 1000 - System.currentTimeMillis()) + 2000);
    assertTrue(
        awaitStatus(token, s -> s == 401, Duration.ofSeconds(70)),
        "an expired token stays refused");
  }

  @Test
  @Order(4)
  void aDisabledUserCannotRenewTheirSession() throws Exception {
    JsonObject grant = keycloak.passwordGrant("social-worker.ast", "dev-only-social-worker.ast");
    HttpResponse<String> renewed = keycloak.refresh(grant.getString("refresh_token"));
    assertEquals(200, renewed.statusCode(), renewed.body());
    String userId = keycloak.userId("social-worker.ast");
    // The whole representation goes back: the user profile validates every attribute on update.
    JsonObject user = json(keycloak.admin("GET", "/users/" + userId, null).body());
    String disabled = Json.createObjectBuilder(user).add("enabled", false).build().toString();
    HttpResponse<String> update = keycloak.admin("PUT", "/users/" + userId, disabled);
    assertEquals(204, update.statusCode(), update.body());
    HttpResponse<String> refused =
        keycloak.refresh(json(renewed.body()).getString("refresh_token"));
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("invalid_grant", json(refused.body()).getString("error"));
  }

  @Test
  @Order(5)
  void aSigningKeyRolloverInKeycloakIsFollowedWithoutARestart() throws Exception {
    String before = keycloak.accessToken("auditor");
    assertEquals(200, get("/api/me", before).statusCode());
    List<JsonObject> oldKeys = keycloak.keyProviders("rsa-generated");

    String component =
        Json.createObjectBuilder()
            .add("name", "rsa-rollover")
            .add("providerId", "rsa-generated")
            .add("providerType", "org.keycloak.keys.KeyProvider")
            .add("parentId", keycloak.realmId())
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("priority", Json.createArrayBuilder().add("500"))
                    .add("keySize", Json.createArrayBuilder().add("2048"))
                    .add("active", Json.createArrayBuilder().add("true"))
                    .add("enabled", Json.createArrayBuilder().add("true"))
                    .add("algorithm", Json.createArrayBuilder().add("RS256")))
            .build()
            .toString();
    assertEquals(201, keycloak.admin("POST", "/components", component).statusCode());
    String after = keycloak.accessToken("auditor");
    assertNotEquals(
        header(before).getString("kid"), header(after).getString("kid"), "signed by the new key");
    assertTrue(
        awaitStatus(after, s -> s == 200, KEY_SET_REFRESH),
        "a token signed by the new key is accepted");

    for (JsonObject old : oldKeys) {
      assertEquals(
          204, keycloak.admin("DELETE", "/components/" + old.getString("id"), null).statusCode());
    }
    assertTrue(
        awaitStatus(before, s -> s == 401, KEY_SET_REFRESH),
        "a token signed by the removed key is refused");
    assertEquals(200, get("/api/me", after).statusCode());
  }

  private static boolean awaitStatus(String token, IntPredicate wanted, Duration within)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    do {
      if (wanted.test(get("/api/me", token).statusCode())) {
        return true;
      }
      Thread.sleep(2000);
    } while (System.nanoTime() < deadline);
    return false;
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(vault.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject header(String jwt) {
    return json(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
  }

  private static JsonObject claims(String jwt) {
    return json(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
