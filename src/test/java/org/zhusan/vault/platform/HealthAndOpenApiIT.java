package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;

/** Health probes and the OpenAPI document are served without a token. */
class HealthAndOpenApiIT {
  @Test
  void readinessReportsDatabaseMigrationsAndKeys() throws Exception {
    HttpResponse<String> r = Http.get("/health/ready", null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"database\""), r.body());
    assertTrue(r.body().contains("\"keys\""), r.body());
    assertTrue(r.body().contains("\"migrationsApplied\":\"true\""), r.body());
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
    Http.problem(Http.get("/api/no-such-thing", org.zhusan.vault.it.Tokens.token("alice", "LAWYER", "AST-01")), 404);
  }
}
