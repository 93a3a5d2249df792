package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.crypto.DecryptionFailedException;

class QueryAuditCipherTest {
  private final QueryAuditCipher cipher = QueryAuditCipher.create(SearchFixtures.keyring(0x77));

  @Test
  void roundTripsAndHidesTheQuery() throws Exception {
    UUID id = UUID.randomUUID();
    String query = "Жаксылыкова AND суд NOT hearing";
    byte[] ct = cipher.encrypt(id, query);
    assertEquals(query, cipher.decrypt(id, ct));
    assertEquals(0x01, ct[0]);
    String hex = HexFormat.of().formatHex(ct);
    assertFalse(hex.contains(HexFormat.of().formatHex("суд".getBytes(StandardCharsets.UTF_8))));
    assertFalse(new String(ct, StandardCharsets.UTF_8).contains("hearing"));
  }

  @Test
  void anOldKeyVersionStillReadsWhatItWroteAndOnlyThat() throws Exception {
    var rotating = SearchFixtures.rotatingKeyring();
    QueryAuditCipher v1 = QueryAuditCipher.create(rotating, 1);
    QueryAuditCipher v2 = QueryAuditCipher.create(rotating);
    assertEquals(1, v1.keyVersion());
    assertEquals(2, v2.keyVersion());
    UUID id = UUID.randomUUID();
    byte[] old =
        cipher.encrypt(id, "court"); // written before the rotation, under the single key v1
    assertEquals("court", v1.decrypt(id, old));
    assertThrows(DecryptionFailedException.class, () -> v2.decrypt(id, old));
    assertThrows(
        IllegalArgumentException.class,
        () -> QueryAuditCipher.create(SearchFixtures.keyring(0x77), 2));
  }

  @Test
  void freshNonceEveryTime() {
    UUID id = UUID.randomUUID();
    assertFalse(java.util.Arrays.equals(cipher.encrypt(id, "court"), cipher.encrypt(id, "court")));
  }

  @Test
  void boundToItsRowAndKey() {
    UUID id = UUID.randomUUID();
    byte[] ct = cipher.encrypt(id, "court");
    assertThrows(DecryptionFailedException.class, () -> cipher.decrypt(UUID.randomUUID(), ct));
    assertThrows(
        DecryptionFailedException.class,
        () -> QueryAuditCipher.create(SearchFixtures.keyring(0x78)).decrypt(id, ct));
    byte[] flipped = ct.clone();
    flipped[flipped.length - 1] ^= 1;
    assertThrows(DecryptionFailedException.class, () -> cipher.decrypt(id, flipped));
    assertThrows(DecryptionFailedException.class, () -> cipher.decrypt(id, new byte[5]));
  }

  @Test
  void sameKeysGiveSameQueryKeys() throws Exception {
    UUID id = UUID.randomUUID();
    byte[] ct = cipher.encrypt(id, "суд");
    assertEquals("суд", QueryAuditCipher.create(SearchFixtures.keyring(0x77)).decrypt(id, ct));
    assertArrayEquals(ct, ct.clone());
  }
}
