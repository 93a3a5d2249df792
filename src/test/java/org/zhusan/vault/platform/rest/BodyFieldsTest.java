package org.zhusan.vault.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.platform.problem.VaultException;

class BodyFieldsTest {
  @Test
  void aTextIsTrimmedAndItsLengthCheckedWithASlugNamingTheField() {
    assertEquals("appeal pending", BodyFields.text("  appeal pending ", "reason", 10, 100));
    VaultException shortOne =
        assertThrows(VaultException.class, () -> BodyFields.text(" short ", "reason", 10, 100));
    assertEquals(400, shortOne.problem().status());
    assertEquals("urn:zhusan:problem:reason-required", shortOne.problem().type());
    assertEquals(
        "urn:zhusan:problem:reason-too-long",
        assertThrows(VaultException.class, () -> BodyFields.text("x".repeat(11), "reason", 1, 10))
            .problem()
            .type());
    assertEquals(
        "urn:zhusan:problem:purpose-required",
        assertThrows(VaultException.class, () -> BodyFields.text(null, "purpose", 3, 10))
            .problem()
            .type());
  }

  @Test
  void anOptionalTextIsNullWhenAbsentOrBlank() {
    assertNull(BodyFields.optionalText(null, "recipientName", 10));
    assertNull(BodyFields.optionalText("   ", "recipientName", 10));
    assertEquals("School 12", BodyFields.optionalText(" School 12 ", "recipientName", 10));
  }

  @Test
  void aUuidIsParsedOrRefusedNamingTheField() {
    UUID id = UUID.randomUUID();
    assertEquals(id, BodyFields.uuid(" " + id + " ", "documentId"));
    assertEquals(
        "urn:zhusan:problem:invalid-documentId",
        assertThrows(VaultException.class, () -> BodyFields.uuid("nope", "documentId"))
            .problem()
            .type());
    assertThrows(VaultException.class, () -> BodyFields.uuid(null, "documentId"));
  }
}
