package org.zhusan.vault.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;

/**
 * The fast check must accept exactly what {@link AuditEntryEncoding#decode} (with the entry's own
 * invariants) accepts: otherwise a binary export could verify where the JSON one would not, or the
 * other way round.
 */
class CanonicalEncodingCheckTest {

  @Test
  void agreesWithDecodeOnEveryFlippedBit() {
    for (AuditEntry entry : ExportVerificationCases.LOG.entries.subList(0, 20)) {
      byte[] encoding = AuditEntryEncoding.encode(entry);
      for (int bit = 0; bit < encoding.length * 8; bit++) {
        byte[] flipped = encoding.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        assertSameVerdict(flipped, "bit " + bit + " of entry " + entry.sequence());
      }
    }
  }

  @Test
  void agreesWithDecodeOnEveryUtf8ShapeInAText() {
    // A 4-byte userId whose bytes are replaced: all first bytes, with random continuations.
    AuditEntry entry =
        ExportVerificationCases.LOG.entries.get(0).toBuilder().userId("wxyz").build();
    byte[] encoding = AuditEntryEncoding.encode(entry);
    int at = indexOf(encoding, "wxyz".getBytes(StandardCharsets.US_ASCII));
    Random random = new Random(3);
    int[] interesting = {0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
    for (int first = 0; first < 256; first++) {
      for (int trial = 0; trial < 200; trial++) {
        byte[] mutated = encoding.clone();
        mutated[at] = (byte) first;
        for (int k = 1; k < 4; k++) {
          mutated[at + k] =
              (byte)
                  (random.nextBoolean()
                      ? interesting[random.nextInt(interesting.length)]
                      : random.nextInt(256));
        }
        assertSameVerdict(mutated, "first byte " + first);
      }
    }
  }

  @Test
  void agreesWithDecodeOnExtremeTimesAndSequences() {
    byte[] encoding = AuditEntryEncoding.encode(ExportVerificationCases.LOG.entries.get(0));
    long[] values = {
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1,
      -9_223_372_036_854_000_000L,
      -9_223_372_036_854_000_001L,
      -1,
      0,
      Long.MAX_VALUE
    };
    for (long v : values) {
      for (int offset : new int[] {2, 11}) { // sequence, occurredAt
        byte[] mutated = encoding.clone();
        for (int i = 0; i < 8; i++) {
          mutated[offset + i] = (byte) (v >>> (56 - 8 * i));
        }
        assertSameVerdict(mutated, "value " + v + " at " + offset);
      }
    }
  }

  private static void assertSameVerdict(byte[] bytes, String what) {
    boolean decodes;
    try {
      AuditEntryEncoding.decode(bytes);
      decodes = true;
    } catch (IllegalArgumentException e) {
      decodes = false;
    }
    boolean checks;
    try {
      CanonicalEncodingCheck.check(bytes);
      checks = true;
    } catch (IllegalArgumentException e) {
      checks = false;
    }
    assertEquals(decodes, checks, what);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
