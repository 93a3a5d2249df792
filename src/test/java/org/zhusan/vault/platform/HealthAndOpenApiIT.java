package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Health probes and the OpenAPI document are served without a token; why the vault is not ready is
 * not.
 */
class HealthAndOpenApiIT {
  @Test
  void readinessReportsDatabaseMigrationsAndKeys() throws Exception {
    HttpResponse<String> r = Http.get("/health/ready", null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"database\""), r.body());
    assertTrue(r.body().contains("\"keys\""), r.body());
    assertTrue(r.body().contains("\"migrationsApplied\":\"true\""), r.body());
    assertTrue(r.body().contains("\"keystore\":\"loaded\""), r.body());
  }

  @Test
  void adminStatusShowsEachKeyHolderAndIsForAdministratorsOnly() throws Exception {
    HttpResponse<String> r = Http.get("/api/admin/status", Tokens.token("status-admin", "ADMIN"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject status = Http.json(r);
    assertTrue(status.getBoolean("tokenVerificationKey"), r.body());
    assertTrue(
        status.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
            .anyMatch(k -> k.getString("name").equals("keystore") && k.getBoolean("loaded")),
        r.body());
    Http.problem(
        Http.get("/api/admin/status", Tokens.token("status-lawyer", "LAWYER", "AST-01")), 403);
    Http.problem(Http.get("/api/admin/status", Tokens.token("status-auditor", "AUDITOR")), 403);
    Http.problem(Http.get("/api/admin/status", null), 401);
  }

  /**
   * A second instance whose keystore lacks every KEK version live data keys are wrapped under, and
   * whose policy file does not exist: readiness says DOWN and which check, nothing more; an
   * administrator learns the key versions, how many data keys need them, and the policy path.
   */
  @Test
  void aVaultThatIsNotReadyTellsOnlyAnAdministratorWhy() throws Exception {
    Subjects.create(
        Tokens.token("health-setup", "LAWYER", "AST-01"), "AST-01", "Health Check Subject", null);
    Path target = VaultServer.repoRoot().resolve("target");
    Path keystore = target.resolve("it-unready-keys.p12");
    writeKeystoreWithoutLiveKeks(keystore);
    Path policy = target.resolve("it-unready-no-such-policy.yaml").toAbsolutePath();
    Files.deleteIfExists(policy);
    try (VaultProcess other =
        VaultServer.get()
            .unreadyInstance(
                Map.of(
                    "VAULT_KEYS_KEYSTORE_LOCATION",
                    keystore.toString(),
                    "VAULT_ACCESS_POLICY",
                    policy.toString()),
                "it-unready")) {
      HttpResponse<String> ready = awaitAnswering(other);
      assertEquals(503, ready.statusCode(), ready.body());
      String body = ready.body();
      assertTrue(
          body.contains("\"DOWN\"") && body.contains("\"keys\"") && body.contains("\"database\""),
          body);
      assertTrue(body.contains("\"keystore\":\"not loaded\""), body);
      assertTrue(body.contains("\"accessPolicy\":\"not loaded\""), body);
      for (String secret :
          List.of(
              "it-unready",
              "kek-v",
              "data key",
              "policy.yaml",
              target.toString(),
              "refused",
              "line ")) {
        assertFalse(
            body.contains(secret), () -> "readiness must not show '" + secret + "': " + body);
      }

      HttpResponse<String> admin =
          get(other, "/api/admin/status", Tokens.token("status-admin", "ADMIN"));
      assertEquals(200, admin.statusCode(), admin.body());
      assertTrue(admin.body().contains("kek-v"), admin.body());
      assertTrue(admin.body().contains("data keys)"), admin.body());
      assertTrue(admin.body().contains(policy.toString()), admin.body());
      Http.problem(
          get(other, "/api/admin/status", Tokens.token("status-doctor", "DOCTOR", "AST-01")), 403);
      Http.problem(get(other, "/api/admin/status", null), 401);
    }
  }

  /** The development keystore with every kek-vN removed and one new, unrelated KEK (v99) added. */
  private static void writeKeystoreWithoutLiveKeks(Path to) throws Exception {
    char[] password = "development-only".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        Files.newInputStream(VaultServer.repoRoot().resolve("keys-example/vault-keys.p12"))) {
      ks.load(in, password);
    }
    for (String alias : Collections.list(ks.aliases())) {
      if (alias.startsWith("kek-v")) {
        ks.deleteEntry(alias);
      }
    }
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(256);
    ks.setEntry(
        "kek-v99",
        new KeyStore.SecretKeyEntry(gen.generateKey()),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(to)) {
      ks.store(out, password);
    }
  }

  /**
   * Waits until the instance's application answers (401 problem on /api/me); returns its readiness.
   */
  private static HttpResponse<String> awaitAnswering(VaultProcess p) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the second instance died; see target/it-unready-server.log");
      try {
        HttpResponse<String> me = get(p, "/api/me", null);
        if (me.statusCode() == 401
            && me.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")) {
          return get(p, "/health/ready", null);
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the second instance did not answer; see target/it-unready-server.log");
  }

  private static HttpResponse<String> get(VaultProcess p, String path, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(p.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return Http.send(b.build());
  }

  @Test
  void livenessIsUp() throws Exception {
    assertEquals(200, Http.get("/health/live", null).statusCode());
  }

  @Test
  void openApiDocumentListsTheApi() throws Exception {
    HttpResponse<String> r = Http.get("/openapi", null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("/api/me"), r.body());
    assertTrue(r.body().contains("/api/centres"), r.body());
  }

  @Test
  void unknownPathIsProblemJson() throws Exception {
    Http.problem(
        Http.get(
            "/api/no-such-thing", org.zhusan.vault.it.Tokens.token("alice", "LAWYER", "AST-01")),
        404);
  }
}
