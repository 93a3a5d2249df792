package org.zhusan.vault.subjects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Identifying fields are stored only encrypted, bound to their row and column, and found by blind
 * index.
 */
class SubjectEncryptionIT {
  private final String socialWorker = Tokens.token("sw-enc", "SOCIAL_WORKER", "KAR-01");

  @Test
  void databaseDumpContainsNoNamesOrIinsButLookupStillWorks() throws Exception {
    List<String> names = new ArrayList<>();
    List<String> iins = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "Zarina Dumptestova" + (char) ('A' + i) + " Qyzylorda";
      String iin = Subjects.randomIin();
      Subjects.create(socialWorker, "KAR-01", name, iin);
      names.add(name);
      iins.add(iin);
    }
    String dump = org.zhusan.vault.it.Dumps.pgDump();
    assertTrue(
        dump.contains("CREATE TABLE public.subject"), "the dump really is of the vault database");
    for (int i = 0; i < names.size(); i++) {
      assertFalse(dump.contains(names.get(i)), "name in dump");
      assertFalse(dump.toLowerCase().contains("dumptestova"), "surname in dump");
      assertFalse(dump.contains(iins.get(i)), "IIN in dump");
      // bytea columns dump as hex: plaintext hidden in a bytea would show up this way
      assertFalse(
          dump.contains(org.zhusan.vault.it.Dumps.hex(names.get(i))), "name as hex in dump");
      assertFalse(dump.contains(org.zhusan.vault.it.Dumps.hex(iins.get(i))), "IIN as hex in dump");
    }
    assertFalse(dump.contains("Hasakah"), "place of origin in dump");

    HttpResponse<String> found =
        Http.postJson("/api/subjects/lookup", socialWorker, "{\"iin\":\"" + iins.get(2) + "\"}");
    assertEquals(200, found.statusCode(), found.body());
    JsonArray hits = Json.array(found.body());
    assertEquals(1, hits.size());
    assertEquals(names.get(2), hits.getJsonObject(0).getString("fullName"));

    HttpResponse<String> byName =
        Http.postJson(
            "/api/subjects/lookup",
            socialWorker,
            "{\"fullName\":\"  " + names.get(3).toUpperCase() + " \"}");
    assertEquals(names.get(3), Json.array(byName.body()).getJsonObject(0).getString("fullName"));
  }

  @Test
  void ciphertextMovedToAnotherRowFailsIntegrityInsteadOfShowingTheOtherName() throws Exception {
    JsonObject a = Subjects.create(socialWorker, "KAR-01", "Madina Source", Subjects.randomIin());
    JsonObject b = Subjects.create(socialWorker, "KAR-01", "Saule Target", Subjects.randomIin());
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE subject SET full_name_ct = (SELECT full_name_ct FROM subject WHERE id = ?)"
                    + " WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(a.getString("id")));
      ps.setObject(2, UUID.fromString(b.getString("id")));
      assertEquals(1, ps.executeUpdate());
    }
    HttpResponse<String> r = Http.get("/api/subjects/" + b.getString("id"), socialWorker);
    JsonObject problem = Http.problem(r, 500);
    assertEquals("urn:zhusan:problem:integrity-failure", problem.getString("type"));
    assertFalse(r.body().contains("Madina"));
    assertEquals(
        200,
        Http.get("/api/subjects/" + a.getString("id"), socialWorker).statusCode(),
        "the source row still reads");
  }

  @Test
  void ciphertextMovedToAnotherColumnOfTheSameRowFailsIntegrity() throws Exception {
    JsonObject a =
        Subjects.create(socialWorker, "KAR-01", "Gulnar Columnova", Subjects.randomIin());
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE subject SET notes_ct = place_of_origin_ct WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(a.getString("id")));
      assertEquals(1, ps.executeUpdate());
    }
    Http.problem(Http.get("/api/subjects/" + a.getString("id"), socialWorker), 500);
  }

  @Test
  void flippedBitInStoredCiphertextFailsIntegrity() throws Exception {
    JsonObject a = Subjects.create(socialWorker, "KAR-01", "Aigerim Bitflip", Subjects.randomIin());
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE subject SET full_name_ct = set_byte(full_name_ct, 20,"
                    + " get_byte(full_name_ct, 20) # 1) WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(a.getString("id")));
      assertEquals(1, ps.executeUpdate());
    }
    Http.problem(Http.get("/api/subjects/" + a.getString("id"), socialWorker), 500);
  }

  @Test
  void invalidIinIsRejected() throws Exception {
    String body = "{\"centre\":\"KAR-01\",\"sex\":\"F\",\"fullName\":\"X Y\",\"iin\":\"12345\"}";
    JsonObject p = Http.problem(Http.postJson("/api/subjects", socialWorker, body), 400);
    assertTrue(p.getString("detail").contains("12 digits"));
    assertFalse(p.toString().contains("12345"), "the rejected value is not echoed");
  }

  /** Tiny JSON array helper. */
  static final class Json {
    static JsonArray array(String body) {
      try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
        return reader.readArray();
      }
    }
  }
}
