package org.zhusan.vault.audit.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;

/**
 * Checks that bytes are exactly the canonical encoding (version 1) of a valid {@link AuditEntry},
 * accepting precisely what {@link AuditEntryEncoding#decode} followed by the entry's own checks
 * accepts, but without creating strings or objects: a binary export's entries are verified from
 * their bytes, and decoding every field would cost more than hashing them.
 *
 * <p>What it checks, field by field: the version byte, each tag, lengths (text at most {@link
 * AuditEntry#MAX_TEXT_BYTES} bytes, the hash exactly 32), well-formed UTF-8 (Unicode table 3-7: no
 * overlong forms, surrogates or code points above U+10FFFF), required texts non-empty, the outcome
 * one of {@link AuditEntry#OUTCOMES}, booleans 0 or 1, a non-negative sequence, a time whose whole
 * seconds fit in 64-bit microseconds, and no trailing bytes. {@code CanonicalEncodingCheckTest}
 * flips every bit of encodings and compares the verdict with {@code decode}'s. Stateless.
 */
final class CanonicalEncodingCheck {

  private static final byte TAG_NULL = 0x00;
  private static final byte TAG_STRING = 0x01;
  private static final byte TAG_INT64 = 0x02;
  private static final byte TAG_BOOL = 0x03;
  private static final byte TAG_BYTES = 0x04;

  private static final byte[][] OUTCOMES = {
    {'A', 'L', 'L', 'O', 'W', 'E', 'D'},
    {'D', 'E', 'N', 'I', 'E', 'D'},
    {'F', 'A', 'I', 'L', 'E', 'D'}
  };

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private CanonicalEncodingCheck() {}

  /**
   * Returns normally if {@code b} is a valid canonical entry encoding.
   *
   * @throws IllegalArgumentException naming the first problem and its offset
   */
  static void check(byte[] b) {
    new Walk(b).entry();
  }

  private static final class Walk {
    private final byte[] b;
    private int pos;

    Walk(byte[] b) {
      this.b = b;
    }

    void entry() {
      need(1);
      if (b[pos] != AuditEntryEncoding.VERSION) {
        throw bad("unsupported version " + b[pos]);
      }
      pos++;
      if (int64() < 0) {
        throw bad("negative sequence");
      }
      long micros = int64();
      try {
        Math.multiplyExact(Math.floorDiv(micros, 1_000_000L), 1_000_000L);
      } catch (ArithmeticException e) {
        throw bad("occurredAt out of the 64-bit microsecond range");
      }
      requiredText("userId");
      requiredText("role");
      optionalText(); // centre
      requiredText("action");
      optionalText(); // targetType
      optionalText(); // targetId
      optionalText(); // purpose
      optionalText(); // justification
      outcome();
      optionalText(); // rule
      optionalText(); // reason
      tag(TAG_BOOL);
      need(1);
      if (b[pos] != 0 && b[pos] != 1) {
        throw bad("boolean byte " + b[pos]);
      }
      pos++;
      optionalText(); // clientAddress
      optionalText(); // requestId
      tag(TAG_BYTES);
      int n = length(AuditEntry.HASH_SIZE);
      if (n != AuditEntry.HASH_SIZE) {
        throw bad("previousLeafHash of " + n + " bytes");
      }
      pos += n;
      if (pos != b.length) {
        throw bad((b.length - pos) + " trailing bytes");
      }
    }

    private long int64() {
      tag(TAG_INT64);
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[pos++] & 0xffL);
      }
      return v;
    }

    private void requiredText(String name) {
      tag(TAG_STRING);
      int n = length(AuditEntry.MAX_TEXT_BYTES);
      if (n == 0) {
        throw bad(name + " is empty");
      }
      utf8(n);
    }

    private void optionalText() {
      need(1);
      if (b[pos] == TAG_NULL) {
        pos++;
        return;
      }
      tag(TAG_STRING);
      utf8(length(AuditEntry.MAX_TEXT_BYTES));
    }

    private void outcome() {
      tag(TAG_STRING);
      int n = length(AuditEntry.MAX_TEXT_BYTES);
      for (byte[] outcome : OUTCOMES) {
        if (java.util.Arrays.equals(b, pos, pos + n, outcome, 0, outcome.length)) {
          pos += n;
          return;
        }
      }
      throw bad("outcome is not one of " + AuditEntry.OUTCOMES);
    }

    /** Checks {@code n} bytes of well-formed UTF-8 at {@code pos} and moves past them. */
    private void utf8(int n) {
      int end = pos + n;
      int i = pos;
      // Eight ASCII bytes at a time: audit texts are almost always ASCII.
      while (end - i >= 8 && ((long) WORDS.get(b, i) & 0x8080808080808080L) == 0) {
        i += 8;
      }
      while (i < end) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
          i++;
          continue;
        }
        int len;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
          len = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
          len = 3;
          if (c == 0xe0) {
            lo = 0xa0;
          } else if (c == 0xed) {
            hi = 0x9f;
          }
        } else if (c >= 0xf0 && c <= 0xf4) {
          len = 4;
          if (c == 0xf0) {
            lo = 0x90;
          } else if (c == 0xf4) {
            hi = 0x8f;
          }
        } else {
          throw bad("invalid UTF-8 at offset " + i);
        }
        if (end - i < len) {
          throw bad("invalid UTF-8 at offset " + i);
        }
        int second = b[i + 1] & 0xff;
        if (second < lo || second > hi) {
          throw bad("invalid UTF-8 at offset " + i);
        }
        for (int k = 2; k < len; k++) {
          if ((b[i + k] & 0xc0) != 0x80) {
            throw bad("invalid UTF-8 at offset " + i);
          }
        }
        i += len;
      }
      pos = end;
    }

    private void tag(byte expected) {
      need(1);
      if (b[pos] != expected) {
        throw bad("tag 0x" + Integer.toHexString(b[pos] & 0xff) + ", expected 0x0" + expected);
      }
      pos++;
    }

    private int length(int max) {
      need(4);
      long n =
          ((b[pos] & 0xffL) << 24)
              | ((b[pos + 1] & 0xffL) << 16)
              | ((b[pos + 2] & 0xffL) << 8)
              | (b[pos + 3] & 0xffL);
      pos += 4;
      if (n > max) {
        throw bad("length " + n + " exceeds " + max);
      }
      need((int) n);
      return (int) n;
    }

    private void need(int n) {
      if (b.length - pos < n) {
        throw bad("truncated");
      }
    }

    private IllegalArgumentException bad(String why) {
      return new IllegalArgumentException(
          "malformed audit entry encoding at offset " + pos + ": " + why);
    }
  }
}
