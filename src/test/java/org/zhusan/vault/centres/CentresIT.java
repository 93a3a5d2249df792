package org.zhusan.vault.centres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;

/** The 17 seeded centres, listed page by page. */
class CentresIT {
  private final String token = Tokens.token("sw1", "SOCIAL_WORKER", "AST-01");

  @Test
  void listsSeventeenCentresAcrossPages() throws Exception {
    HttpResponse<String> first = Http.get("/api/centres?limit=10", token);
    assertEquals(200, first.statusCode(), first.body());
    JsonObject page1 = Http.json(first);
    assertEquals(17, page1.getInt("total"));
    assertEquals(10, page1.getJsonArray("items").size());
    JsonObject page2 = Http.json(Http.get("/api/centres?offset=10&limit=10", token));
    assertEquals(7, page2.getJsonArray("items").size());
    assertEquals("AKM-01", page1.getJsonArray("items").getJsonObject(0).getString("code"));
  }

  @Test
  void badPagingIsRejectedWithProblem() throws Exception {
    Http.problem(Http.get("/api/centres?limit=0", token), 400);
    Http.problem(Http.get("/api/centres?offset=-1", token), 400);
    Http.problem(Http.get("/api/centres?limit=abc", token), 400);
  }
}
