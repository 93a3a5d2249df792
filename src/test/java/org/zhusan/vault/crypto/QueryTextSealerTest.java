package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryTextSealerTest {
  /** Test keys, not real ones: KEK of bytes 0x11, blind-index key v1 of 0x77 and v2 of 0x79. */
  private static final Keyring V1_ONLY = keyring(Map.of(1, 0x77));

  private static final Keyring ROTATING = keyring(Map.of(1, 0x77, 2, 0x79));

  private final QueryTextSealer sealer = QueryTextSealer.create(V1_ONLY);

  @Test
  void roundTripsAndHidesTheText() throws Exception {
    byte[] ad = binding(UUID.randomUUID());
    String query = "Жаксылыкова AND суд NOT hearing";
    byte[] ct = sealer.seal(query, ad);
    assertEquals(query, sealer.open(ct, ad));
    String hex = TestSupport.hex(ct);
    assertFalse(hex.contains(TestSupport.hex("суд".getBytes(StandardCharsets.UTF_8))));
    assertFalse(new String(ct, StandardCharsets.ISO_8859_1).contains("hearing"));
  }

  @Test
  void isAnAesGcmAeadCiphertextNamingItsBlindIndexKeyVersion() throws Exception {
    byte[] ct = QueryTextSealer.create(ROTATING).seal("court", binding(UUID.randomUUID()));
    assertEquals(AesGcmAead.FORMAT_VERSION, ct[0]);
    assertEquals(2, AesGcmAead.keyVersionOf(ct));
    assertEquals(AesGcmAead.OVERHEAD + "court".length(), ct.length);
  }

  @Test
  void theKeyIsHkdfOfTheBlindIndexKeyWithItsOwnLabelAsDocumented() throws Exception {
    byte[] ad = binding(UUID.randomUUID());
    byte[] ct = sealer.seal("court", ad);
    byte[] info =
        TestSupport.concat(
            "zhusan-vault/derived-aead/v1".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0},
            "search.query-audit.v2".getBytes(StandardCharsets.US_ASCII));
    byte[] key = Hkdf.sha256(TestSupport.filled(32, 0x77), null, info, 32);
    AesGcmAead documented =
        AesGcmAead.create(AeadKeyset.builder().addSecret(1, SecretBytes.copyOf(key)).build());
    assertEquals("court", new String(documented.decrypt(ct, ad), StandardCharsets.UTF_8));
    // Not the blind index of the same purpose (BlindIndex's label differs): unrelated keys.
    byte[] blindSubkeyInfo =
        TestSupport.concat(
            "zhusan-vault/blind-index/v1".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0},
            "search.query-audit.v2".getBytes(StandardCharsets.US_ASCII));
    assertFalse(
        Arrays.equals(key, Hkdf.sha256(TestSupport.filled(32, 0x77), null, blindSubkeyInfo, 32)));
  }

  @Test
  void freshNonceEveryTime() throws Exception {
    byte[] ad = binding(UUID.randomUUID());
    assertFalse(Arrays.equals(sealer.seal("court", ad), sealer.seal("court", ad)));
  }

  @Test
  void boundToItsRowAndKeysAndEveryByteIsAuthenticated() throws Exception {
    UUID id = UUID.randomUUID();
    byte[] ct = sealer.seal("court", binding(id));
    assertThrows(
        DecryptionFailedException.class, () -> sealer.open(ct, binding(UUID.randomUUID())));
    assertThrows(
        DecryptionFailedException.class,
        () -> QueryTextSealer.create(keyring(Map.of(1, 0x78))).open(ct, binding(id)));
    for (int i = 0; i < ct.length; i++) {
      byte[] altered = ct.clone();
      altered[i] ^= 1;
      assertThrows(
          DecryptionFailedException.class, () -> sealer.open(altered, binding(id)), "byte " + i);
    }
    assertThrows(DecryptionFailedException.class, () -> sealer.open(new byte[5], binding(id)));
  }

  @Test
  void duringARotationNewTextsUseThePrimaryAndOldOnesStillOpen() throws Exception {
    UUID id = UUID.randomUUID();
    byte[] old = sealer.seal("court", binding(id)); // before the rotation: v1 only
    QueryTextSealer rotating = QueryTextSealer.create(ROTATING);
    assertEquals(2, rotating.keyVersion());
    assertEquals("court", rotating.open(old, binding(id)));
    assertTrue(rotating.canOpen(1));
    byte[] fresh = rotating.seal("hearing", binding(id));
    QueryTextSealer afterRemoval = QueryTextSealer.create(keyring(Map.of(2, 0x79)));
    assertEquals("hearing", afterRemoval.open(fresh, binding(id)));
    assertFalse(afterRemoval.canOpen(1));
    assertThrows(DecryptionFailedException.class, () -> afterRemoval.open(old, binding(id)));
  }

  /**
   * Rows recorded before the sealer was rebuilt on {@link AesGcmAead}: these ciphertexts were
   * written by the former {@code search.QueryAuditCipher} (commit 3faae30) with the keys of {@link
   * #ROTATING}, the first under blind-index key v1, the second under v2, for the row ids given.
   */
  private static final UUID LEGACY_ROW_V1 = UUID.fromString("5b0c1e52-7a4f-4d2e-9c61-0f3a8e2d9b17");

  private static final byte[] LEGACY_CT_V1 =
      TestSupport.hex(
          "01efaefc7c5359feb311ecb2cbfe30dd7c789dbca52d3f3e23835a9fa606f34dbac42e4fc7db3bc2592b2f4eec0dcf62acd7f9015b612e25933b9d981842973e44d0582f6214de57a91c");
  private static final UUID LEGACY_ROW_V2 = UUID.fromString("c3d9f0a1-2b64-4e8f-a5d7-91e0b6c24f38");
  private static final byte[] LEGACY_CT_V2 =
      TestSupport.hex("01b9b6ab8d4543064f2f66305b5d40587fc54b2fd7f1ad62456c8529a91dea46ca7b");

  @Test
  void legacyRowsStillOpenUnderTheKeyVersionTheirRowNames() throws Exception {
    QueryTextSealer rotating = QueryTextSealer.create(ROTATING);
    assertEquals(
        "Жаксылыкова AND суд NOT hearing",
        rotating.openLegacy(1, LEGACY_ROW_V1.toString(), LEGACY_CT_V1, binding(LEGACY_ROW_V1)));
    assertEquals(
        "court",
        rotating.openLegacy(2, LEGACY_ROW_V2.toString(), LEGACY_CT_V2, binding(LEGACY_ROW_V2)));
    assertEquals(
        "Жаксылыкова AND суд NOT hearing",
        sealer.openLegacy(1, LEGACY_ROW_V1.toString(), LEGACY_CT_V1, binding(LEGACY_ROW_V1)));
  }

  @Test
  void legacyRowsFailClosedWhenMovedAlteredOrTheirKeyIsGone() {
    QueryTextSealer rotating = QueryTextSealer.create(ROTATING);
    UUID other = UUID.randomUUID();
    assertThrows(
        DecryptionFailedException.class,
        () -> rotating.openLegacy(1, other.toString(), LEGACY_CT_V1, binding(other)));
    assertThrows(
        DecryptionFailedException.class,
        () ->
            rotating.openLegacy(2, LEGACY_ROW_V1.toString(), LEGACY_CT_V1, binding(LEGACY_ROW_V1)));
    assertThrows(
        DecryptionFailedException.class,
        () -> sealer.openLegacy(2, LEGACY_ROW_V2.toString(), LEGACY_CT_V2, binding(LEGACY_ROW_V2)));
    for (int i = 0; i < LEGACY_CT_V2.length; i++) {
      byte[] altered = LEGACY_CT_V2.clone();
      altered[i] ^= 1;
      assertThrows(
          DecryptionFailedException.class,
          () -> rotating.openLegacy(2, LEGACY_ROW_V2.toString(), altered, binding(LEGACY_ROW_V2)),
          "byte " + i);
    }
    // The new layout is not accepted as legacy, nor the reverse.
    assertThrows(
        DecryptionFailedException.class, () -> rotating.open(LEGACY_CT_V2, binding(LEGACY_ROW_V2)));
  }

  private static byte[] binding(UUID queryId) {
    return AssociatedData.forField("search_query", "query_ct", queryId);
  }

  private static Keyring keyring(Map<Integer, Integer> blindIndexKeyBytes) {
    Map<Integer, byte[]> blind = new java.util.HashMap<>();
    blindIndexKeyBytes.forEach((version, fill) -> blind.put(version, TestSupport.filled(32, fill)));
    return Keyring.insecureFromRawKeys(Map.of(1, TestSupport.filled(32, 0x11)), blind);
  }
}
