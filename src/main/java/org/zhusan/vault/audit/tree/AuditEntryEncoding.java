package org.zhusan.vault.audit.tree;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The canonical byte encoding of an {@link AuditEntry}, and its leaf hash.
 *
 * <h2>Layout, version 1</h2>
 *
 * <p>All integers are big-endian. The encoding is one version byte followed by the 17 fields of the
 * entry, in the order below, each written as a <em>tagged value</em>; nothing follows the last
 * field.
 *
 * <pre>
 *   byte 0        0x01                      encoding version
 *   field  1      sequence                  INT64
 *   field  2      occurredAt                INT64   microseconds since 1970-01-01T00:00:00Z
 *   field  3      userId                    STRING
 *   field  4      role                      STRING
 *   field  5      centre                    NULL or STRING
 *   field  6      action                    STRING
 *   field  7      targetType                NULL or STRING
 *   field  8      targetId                  NULL or STRING
 *   field  9      purpose                   NULL or STRING
 *   field 10      justification             NULL or STRING
 *   field 11      outcome                   STRING  ("ALLOWED", "DENIED" or "FAILED")
 *   field 12      rule                      NULL or STRING
 *   field 13      reason                    NULL or STRING
 *   field 14      breakGlass                BOOL
 *   field 15      clientAddress             NULL or STRING
 *   field 16      requestId                 NULL or STRING
 *   field 17      previousLeafHash          BYTES   (length always 32)
 * </pre>
 *
 * <p>Tagged values:
 *
 * <pre>
 *   NULL    0x00                                   (tag only: the field is absent)
 *   STRING  0x01  len:uint32  len bytes of UTF-8   (len &lt;= 65535; well-formed UTF-8, not normalised)
 *   INT64   0x02  8 bytes, two's complement
 *   BOOL    0x03  1 byte: 0x00 false, 0x01 true
 *   BYTES   0x04  len:uint32  len bytes
 * </pre>
 *
 * <p>Example: entry 0 begins {@code 01 02 0000000000000000 02 <8 bytes of micros> 01 00000005
 * "u-042" …} and a null centre is the single byte {@code 00}, while an empty centre is {@code 01
 * 00000000}.
 *
 * <p>Why it is unambiguous: a decoder reading left to right always knows which field comes next
 * and, from the tag and length, exactly where it ends; so two different entries never share an
 * encoding (moving a boundary between two strings changes a length prefix; null and empty differ in
 * the tag). Conversely {@link #decode} accepts only encodings {@link #encode} produces (no trailing
 * bytes, no unknown tags, no malformed UTF-8), so each entry has exactly one encoding.
 *
 * <h2>Leaf hash</h2>
 *
 * <p>{@code leafHash(entry) = SHA-256(0x00 || encode(entry))} (RFC 9162 leaf hashing, see {@link
 * Rfc9162Hasher}). The leaf hash is both the Merkle tree leaf and the value the next entry stores
 * as its {@code previousLeafHash}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AuditEntryEncoding {

  /** The encoding version written by {@link #encode} and the only one {@link #decode} accepts. */
  public static final byte VERSION = 0x01;

  static final byte TAG_NULL = 0x00;
  static final byte TAG_STRING = 0x01;
  static final byte TAG_INT64 = 0x02;
  static final byte TAG_BOOL = 0x03;
  static final byte TAG_BYTES = 0x04;

  private AuditEntryEncoding() {}

  /** Returns the canonical encoding of {@code entry} (a new array). */
  public static byte[] encode(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry is required.");
    Writer w = new Writer();
    w.put(VERSION);
    w.int64(entry.sequence());
    w.int64(entry.occurredAtMicros());
    w.string(entry.userId());
    w.string(entry.role());
    w.string(entry.centre());
    w.string(entry.action());
    w.string(entry.targetType());
    w.string(entry.targetId());
    w.string(entry.purpose());
    w.string(entry.justification());
    w.string(entry.outcome());
    w.string(entry.rule());
    w.string(entry.reason());
    w.bool(entry.breakGlass());
    w.string(entry.clientAddress());
    w.string(entry.requestId());
    w.bytes(entry.previousLeafHash());
    return w.toByteArray();
  }

  /** Returns {@code SHA-256(0x00 || encode(entry))}, the entry's RFC 9162 leaf hash. */
  public static byte[] leafHash(AuditEntry entry) {
    return Rfc9162Hasher.sha256().hashLeaf(encode(entry));
  }

  /**
   * Decodes a canonical encoding.
   *
   * @throws IllegalArgumentException if {@code encoded} is not exactly the encoding of a valid
   *     entry
   */
  public static AuditEntry decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded is required.");
    Reader r = new Reader(encoded);
    byte version = r.u8();
    if (version != VERSION) {
      throw malformed("unsupported version " + version);
    }
    AuditEntry.Builder b = AuditEntry.builder();
    b.sequence(r.int64());
    long micros = r.int64();
    b.occurredAt(
        Instant.EPOCH
            .plusSeconds(Math.floorDiv(micros, 1_000_000L))
            .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L));
    b.userId(r.string(false));
    b.role(r.string(false));
    b.centre(r.string(true));
    b.action(r.string(false));
    b.targetType(r.string(true));
    b.targetId(r.string(true));
    b.purpose(r.string(true));
    b.justification(r.string(true));
    b.outcome(r.string(false));
    b.rule(r.string(true));
    b.reason(r.string(true));
    b.breakGlass(r.bool());
    b.clientAddress(r.string(true));
    b.requestId(r.string(true));
    b.previousLeafHash(r.bytes(AuditEntry.HASH_SIZE));
    if (r.remaining() != 0) {
      throw malformed(r.remaining() + " trailing bytes");
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw malformed(e.getMessage());
    }
  }

  private static IllegalArgumentException malformed(String why) {
    return new IllegalArgumentException("malformed audit entry encoding: " + why);
  }

  /** A minimal growable big-endian writer. */
  private static final class Writer {
    private byte[] buf = new byte[256];
    private int len;

    void put(byte b) {
      ensure(1);
      buf[len++] = b;
    }

    void int64(long v) {
      put(TAG_INT64);
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[len++] = (byte) (v >>> shift);
      }
    }

    void bool(boolean v) {
      put(TAG_BOOL);
      put(v ? (byte) 1 : (byte) 0);
    }

    void string(String s) {
      if (s == null) {
        put(TAG_NULL);
        return;
      }
      // AuditEntry guarantees well-formed UTF-16, so getBytes never substitutes '?'.
      lengthPrefixed(TAG_STRING, s.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] b) {
      lengthPrefixed(TAG_BYTES, b);
    }

    private void lengthPrefixed(byte tag, byte[] b) {
      put(tag);
      ensure(4 + b.length);
      int n = b.length;
      buf[len++] = (byte) (n >>> 24);
      buf[len++] = (byte) (n >>> 16);
      buf[len++] = (byte) (n >>> 8);
      buf[len++] = (byte) n;
      System.arraycopy(b, 0, buf, len, n);
      len += n;
    }

    private void ensure(int more) {
      if (len + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, len);
    }
  }

  /** A strict reader: every malformation is an {@link IllegalArgumentException}. */
  private static final class Reader {
    private final byte[] in;
    private int pos;

    Reader(byte[] in) {
      this.in = in;
    }

    int remaining() {
      return in.length - pos;
    }

    byte u8() {
      need(1);
      return in[pos++];
    }

    void expectTag(byte tag) {
      byte got = u8();
      if (got != tag) {
        throw malformed(
            "tag 0x"
                + Integer.toHexString(got & 0xff)
                + " at offset "
                + (pos - 1)
                + ", expected 0x0"
                + tag);
      }
    }

    long int64() {
      expectTag(TAG_INT64);
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (in[pos++] & 0xffL);
      }
      return v;
    }

    boolean bool() {
      expectTag(TAG_BOOL);
      byte v = u8();
      if (v != 0 && v != 1) {
        throw malformed("boolean byte " + v);
      }
      return v == 1;
    }

    String string(boolean nullable) {
      need(1);
      if (nullable && in[pos] == TAG_NULL) {
        pos++;
        return null;
      }
      expectTag(TAG_STRING);
      int n = length(AuditEntry.MAX_TEXT_BYTES);
      try {
        String s =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(in, pos, n))
                .toString();
        pos += n;
        return s;
      } catch (CharacterCodingException e) {
        throw malformed("invalid UTF-8 at offset " + pos);
      }
    }

    byte[] bytes(int exactLength) {
      expectTag(TAG_BYTES);
      int n = length(exactLength);
      if (n != exactLength) {
        throw malformed("byte string of length " + n + ", expected " + exactLength);
      }
      byte[] b = Arrays.copyOfRange(in, pos, pos + n);
      pos += n;
      return b;
    }

    private int length(int max) {
      need(4);
      long n =
          ((in[pos] & 0xffL) << 24)
              | ((in[pos + 1] & 0xffL) << 16)
              | ((in[pos + 2] & 0xffL) << 8)
              | (in[pos + 3] & 0xffL);
      pos += 4;
      if (n > max) {
        throw malformed("length " + n + " exceeds " + max);
      }
      need((int) n);
      return (int) n;
    }

    private void need(int n) {
      if (remaining() < n) {
        throw malformed("truncated at offset " + pos);
      }
    }
  }
}
