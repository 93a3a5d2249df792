package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentKeysTest {
  private final DataKey subjectKey = DataKey.generate();
  private final KeyShare share = KeyShare.generate();
  private final String document = UUID.randomUUID().toString();

  @Test
  void theSameSubjectKeyShareAndDocumentDeriveTheSameKey() throws Exception {
    DataKey a = DocumentKeys.derive(subjectKey, share, document);
    DataKey b =
        DocumentKeys.derive(subjectKey, KeyShare.fromStoredBytes(share.toStoredBytes()), document);
    assertTrue(a.equalsDataKey(b));
    byte[] aad = "x".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = AesGcmAead.create(AeadKeyset.of(1, a)).encrypt(new byte[] {1, 2, 3}, aad);
    assertArrayEquals(
        new byte[] {1, 2, 3}, AesGcmAead.create(AeadKeyset.of(1, b)).decrypt(sealed, aad));
  }

  @Test
  void anotherShareAnotherDocumentOrAnotherSubjectKeyDerivesAnUnrelatedKey() {
    DataKey key = DocumentKeys.derive(subjectKey, share, document);
    assertFalse(key.equalsDataKey(DocumentKeys.derive(subjectKey, KeyShare.generate(), document)));
    assertFalse(
        key.equalsDataKey(DocumentKeys.derive(subjectKey, share, UUID.randomUUID().toString())));
    assertFalse(key.equalsDataKey(DocumentKeys.derive(DataKey.generate(), share, document)));
    assertFalse(key.equalsDataKey(subjectKey), "never the subject's key itself");
  }

  @Test
  void aStoredShareHasExactlyThirtyTwoBytesAndPrintsNothing() {
    assertThrows(IllegalArgumentException.class, () -> KeyShare.fromStoredBytes(new byte[31]));
    assertTrue(share.toString().contains("redacted"));
    assertTrue(share.toStoredBytes().length == KeyShare.SIZE_BYTES);
  }
}
