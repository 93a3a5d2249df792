package org.zhusan.vault.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.platform.problem.VaultException;

/** The refusals that happen before binding (binding itself is covered by MalformedRequestsIT). */
class StrictJsonReaderTest {
  record Link(UUID guardianId, String note) {}

  static VaultException refused(byte[] body) {
    return assertThrows(
        VaultException.class,
        () ->
            new StrictJsonReader()
                .readFrom(
                    (Class) Link.class,
                    Link.class,
                    new Annotation[0],
                    null,
                    null,
                    new ByteArrayInputStream(body)));
  }

  static String detail(String body) {
    return refused(body.getBytes(StandardCharsets.UTF_8)).problem().detail();
  }

  @Test
  void invalidUtf8IsRefusedNotReplaced() {
    byte[] body = {'{', '"', 'n', 'o', 't', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    assertEquals(
        "The body is not valid UTF-8 (RFC 8259 requires UTF-8 JSON).",
        refused(body).problem().detail());
  }

  @Test
  void textThatIsNotJsonIsRefusedWithItsPosition() {
    assertEquals("The body is not valid JSON (line 1, column 2).", detail("nope"));
  }

  @Test
  void trailingContentAfterTheObjectIsRefused() {
    assertEquals(400, refused("{} {}".getBytes(StandardCharsets.UTF_8)).problem().status());
    assertEquals(
        400,
        refused("{\"note\":\"x\"} trailing".getBytes(StandardCharsets.UTF_8)).problem().status());
  }

  @Test
  void anythingButAnObjectIsRefused() {
    assertEquals("The body must be a JSON object, not an array.", detail("[{\"note\":\"x\"}]"));
    assertEquals("The body must be a JSON object, not a string.", detail("\"x\""));
    assertEquals("The body must be a JSON object, not null.", detail("null"));
  }

  @Test
  void emptyBodyIsRefused() {
    assertEquals("A JSON body is required.", detail(" \n"));
  }

  @Test
  void nulInAStringIsRefusedNamingTheField() {
    assertEquals("note must not contain a NUL character.", detail("{\"note\":\"a\\u0000b\"}"));
    assertEquals("note must not contain a NUL character.", detail("{\"note\":[\"\\u0000\"]}"));
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "{\"note\":\"" + "a".repeat(StrictJsonReader.MAX_BYTES) + "\"}";
    assertEquals(413, refused(big.getBytes(StandardCharsets.UTF_8)).problem().status());
  }

  @Test
  void fieldNamesAreNamedOnlyWhenTheyLookLikeNames() {
    assertEquals(
        "(a parameter whose name is not shown) must not contain a NUL character.",
        detail(Json.createObjectBuilder().add("870412300123", "\u0000").build().toString()));
  }
}
