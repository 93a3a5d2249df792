package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.it.Http.problem;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;

/**
 * A filter that does not apply must not look like one that does: unknown query parameters are 400.
 */
class UnknownQueryParametersIT {
  static final String AUDITOR = Tokens.token("unknown-param-auditor", "AUDITOR");
  static final String LAWYER = Tokens.token("unknown-param-lawyer", "LAWYER", "AST-01");

  static JsonObject unknown(String path, String token) throws Exception {
    JsonObject p = problem(Http.get(path, token), 400);
    assertEquals("urn:zhusan:problem:unknown-query-parameter", p.getString("type"));
    return p;
  }

  @Test
  void auditFilterWithAMisspelledParameterIsRefusedNamingTheAcceptedOnes() throws Exception {
    String detail = unknown("/api/audit/entries?userId=alice", AUDITOR).getString("detail");
    assertTrue(detail.contains("userId"), detail);
    assertTrue(
        detail.endsWith(
            "accepts: action, breakGlass, centre, document, from, limit, offset, outcome, role,"
                + " subject, targetId, targetType, to, user."),
        detail);
    assertTrue(detail.contains("breakGlass"), detail);
  }

  @Test
  void everyFilteringEndpointRefusesAnUnknownParameter() throws Exception {
    unknown("/api/audit/export?userId=alice", AUDITOR);
    unknown("/api/audit/summary/users/alice?since=2026-01-01", AUDITOR);
    unknown("/api/audit/summary/subjects/" + UUID.randomUUID() + "?since=2026-01-01", AUDITOR);
    unknown("/api/audit/break-glass?status=pending", AUDITOR);
    unknown("/api/subjects?centreCode=AST-01", LAWYER);
    unknown("/api/centres?page=2", LAWYER);
    unknown("/api/grants?grantee=bob", LAWYER);
    unknown("/api/subjects/" + UUID.randomUUID() + "/documents?type=COURT", LAWYER);
    unknown("/api/search/status?verbose=true", LAWYER);
  }

  @Test
  void knownParametersStillWork() throws Exception {
    assertEquals(
        200, Http.get("/api/audit/entries?user=nobody-at-all&limit=5", AUDITOR).statusCode());
    assertEquals(200, Http.get("/api/centres?offset=0&limit=5", LAWYER).statusCode());
  }

  @Test
  void aParameterGivenTwiceIsRefused() throws Exception {
    JsonObject p = problem(Http.get("/api/audit/entries?user=alice&user=bob", AUDITOR), 400);
    assertTrue(p.getString("detail").contains("more than once"), p.toString());
  }

  @Test
  void aParameterNameThatCouldBeDataIsNotEchoed() throws Exception {
    String detail = unknown("/api/audit/entries?870412300123=1", AUDITOR).getString("detail");
    assertTrue(!detail.contains("870412300123"), detail);
  }
}
