package org.zhusan.vault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.security.SecureRandom;

/** Test fixtures for subjects, created through the API. */
public final class Subjects {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Subjects() {}

  /** A random, valid-looking 12-digit IIN no other test uses. */
  public static String randomIin() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append(RANDOM.nextInt(10));
    }
    return b.toString();
  }

  public static JsonObject create(String token, String centre, String fullName, String iin)
      throws Exception {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("centre", centre)
            .add("sex", "F")
            .add("fullName", fullName)
            .add("dateOfBirth", "1990-04-12")
            .add("placeOfOrigin", "Hasakah")
            .add("notes", "Notes about " + fullName);
    if (iin != null) {
      body.add("iin", iin);
    }
    HttpResponse<String> r = Http.postJson("/api/subjects", token, body.build().toString());
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r);
  }
}
