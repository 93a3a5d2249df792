package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zhusan.vault.audit.tree.AuditEntryFixtures.hex;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditEntryEncodingTest {

  // Known answers computed by the independent Python encoder of docs/audit-log.md section 8
  // ("Verifying by hand"): encode(e).hex() and leaf(encode(e)).hex() for the two entries of
  // AuditEntryFixtures written as export-line dictionaries.
  private static final String TYPICAL_READ_ENCODING =
      "0102000000000000000102000644657e3616400100000005752d303432010000000c50535943484f4c4f47495354010000000343"
          + "3037010000000c524541445f56455253494f4e010000000756455253494f4e0100000006762d3930303101000000095452454154"
          + "4d454e54000100000007414c4c4f574544010000000f70737963682d6576616c2e72656164000300010000000831302e312e322e"
          + "3301000000057265712d370400000020000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  private static final String TYPICAL_READ_LEAF_HASH =
      "2dddd0292ebb2589dceb7cdc1a8c205720414f0c64f6b3fa490f8438f86f0c5f";
  private static final String DENIED_BREAK_GLASS_ENCODING =
      "0102000000000000000002ffffffffffffffff0100000003752d310100000006444f43544f52000100000010425245414b5f474c"
          + "4153535f4f50454e01000000075355424a4543540100000003732d310100000009454d455247454e43590100000026d0add0bad1"
          + "81d182d180d0b5d0bdd0bdd0b0d18f20d0bfd0bed0bcd0bed189d18c20f09f9a91010000000644454e4945440100000000010000"
          + "000e6f7574736964652063656e747265030100000400000020000000000000000000000000000000000000000000000000000000"
          + "0000000000";
  private static final String DENIED_BREAK_GLASS_LEAF_HASH =
      "8188ae191cbb03b12d917f0a0a0720d4aac99eaa3f30ca3cf7c31201d65c3172";

  @Test
  void encodingMatchesTheIndependentReferenceEncoder() {
    assertEquals(
        TYPICAL_READ_ENCODING,
        HexFormat.of().formatHex(AuditEntryEncoding.encode(AuditEntryFixtures.typicalRead())));
    assertArrayEquals(
        hex(TYPICAL_READ_LEAF_HASH), AuditEntryEncoding.leafHash(AuditEntryFixtures.typicalRead()));
    assertEquals(
        DENIED_BREAK_GLASS_ENCODING,
        HexFormat.of().formatHex(AuditEntryEncoding.encode(AuditEntryFixtures.deniedBreakGlass())));
    assertArrayEquals(
        hex(DENIED_BREAK_GLASS_LEAF_HASH),
        AuditEntryEncoding.leafHash(AuditEntryFixtures.deniedBreakGlass()));
  }

  @Test
  void decodeInvertsEncode() {
    for (AuditEntry entry :
        new AuditEntry[] {
          AuditEntryFixtures.typicalRead(), AuditEntryFixtures.deniedBreakGlass()
        }) {
      assertEquals(entry, AuditEntryEncoding.decode(AuditEntryEncoding.encode(entry)));
    }
  }

  @Test
  void movingABoundaryBetweenFieldsChangesTheEncoding() {
    AuditEntry a = AuditEntryFixtures.typicalRead().toBuilder().userId("ab").role("c").build();
    AuditEntry b = AuditEntryFixtures.typicalRead().toBuilder().userId("a").role("bc").build();
    assertFalse(Arrays.equals(AuditEntryEncoding.encode(a), AuditEntryEncoding.encode(b)));
    AuditEntry c = AuditEntryFixtures.typicalRead().toBuilder().rule("x").reason(null).build();
    AuditEntry d = AuditEntryFixtures.typicalRead().toBuilder().rule(null).reason("x").build();
    assertFalse(Arrays.equals(AuditEntryEncoding.encode(c), AuditEntryEncoding.encode(d)));
  }

  @Test
  void nullAndEmptyEncodeDifferently() {
    AuditEntry absent = AuditEntryFixtures.typicalRead().toBuilder().centre(null).build();
    AuditEntry empty = AuditEntryFixtures.typicalRead().toBuilder().centre("").build();
    assertFalse(Arrays.equals(AuditEntryEncoding.encode(absent), AuditEntryEncoding.encode(empty)));
    assertFalse(
        Arrays.equals(AuditEntryEncoding.leafHash(absent), AuditEntryEncoding.leafHash(empty)));
    assertEquals(absent, AuditEntryEncoding.decode(AuditEntryEncoding.encode(absent)));
    assertEquals(empty, AuditEntryEncoding.decode(AuditEntryEncoding.encode(empty)));
  }

  @Test
  void everyFieldChangesTheLeafHash() {
    AuditEntry e = AuditEntryFixtures.typicalRead();
    byte[] original = AuditEntryEncoding.leafHash(e);
    AuditEntry[] variants = {
      e.toBuilder().sequence(2).build(),
      e.toBuilder().occurredAt(e.occurredAt().plusNanos(1_000)).build(),
      e.toBuilder().userId("u-043").build(),
      e.toBuilder().role("LAWYER").build(),
      e.toBuilder().centre("C08").build(),
      e.toBuilder().action("READ_DOCUMENT").build(),
      e.toBuilder().targetType("DOCUMENT").build(),
      e.toBuilder().targetId("v-9002").build(),
      e.toBuilder().purpose("AUDIT").build(),
      e.toBuilder().justification("j").build(),
      e.toBuilder().outcome("DENIED").build(),
      e.toBuilder().rule("other").build(),
      e.toBuilder().reason("r").build(),
      e.toBuilder().breakGlass(true).build(),
      e.toBuilder().clientAddress("10.1.2.4").build(),
      e.toBuilder().requestId("req-8").build(),
      e.toBuilder().previousLeafHash(new byte[32]).build(),
    };
    for (AuditEntry variant : variants) {
      assertFalse(
          Arrays.equals(original, AuditEntryEncoding.leafHash(variant)), variant.toString());
    }
  }

  @Test
  void everySingleByteChangeIsRejectedOrDecodesToADifferentCanonicalEntry() {
    byte[] encoded = AuditEntryEncoding.encode(AuditEntryFixtures.deniedBreakGlass());
    for (int i = 0; i < encoded.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] mutated = encoded.clone();
        mutated[i] ^= (byte) (1 << bit);
        AuditEntry decoded;
        try {
          decoded = AuditEntryEncoding.decode(mutated);
        } catch (IllegalArgumentException expected) {
          continue;
        }
        // Whatever decodes must re-encode to exactly the mutated bytes: one encoding per entry.
        assertArrayEquals(mutated, AuditEntryEncoding.encode(decoded), "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void decodeRejectsMalformedInput() {
    byte[] good = AuditEntryEncoding.encode(AuditEntryFixtures.typicalRead());
    assertThrows(IllegalArgumentException.class, () -> AuditEntryEncoding.decode(new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditEntryEncoding.decode(Arrays.copyOf(good, good.length + 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditEntryEncoding.decode(Arrays.copyOf(good, good.length - 1)));
    byte[] version2 = good.clone();
    version2[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> AuditEntryEncoding.decode(version2));
    // userId (a required field) written as NULL.
    byte[] nullUser = hex("01" + "02" + "0000000000000001" + "02" + "000644657e361640" + "00");
    assertThrows(IllegalArgumentException.class, () -> AuditEntryEncoding.decode(nullUser));
    // Invalid UTF-8 (a lone continuation byte) in userId.
    byte[] badUtf8 = good.clone();
    badUtf8[24] = (byte) 0x80;
    assertThrows(IllegalArgumentException.class, () -> AuditEntryEncoding.decode(badUtf8));
  }
}
