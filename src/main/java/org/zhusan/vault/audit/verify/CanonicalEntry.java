package org.zhusan.vault.audit.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;

/**
 * One export entry as the verifier needs it: its canonical encoding ({@link AuditEntryEncoding},
 * the exact bytes that are hashed), from which it reads only what the checks and findings use — the
 * sequence number and the chain link — without decoding the other fields.
 *
 * <p>Both export formats meet here: a JSON line is decoded to an {@link AuditEntry} and encoded
 * once; a binary record already is the encoding. So the verifier's chain and tree rules run on the
 * same bytes in both cases, and the "what if" hashes its diagnosis needs (this entry renumbered, or
 * with its link corrected) are byte patches of a copy rather than rebuilt entries.
 *
 * <p>Layout facts relied on (version 1): byte 0 is the version, bytes 1–9 the INT64-tagged
 * sequence, and the encoding ends with the BYTES-tagged 32-byte {@code previousLeafHash}. Instances
 * are only made from valid encodings ({@link #of}, {@link #parse}). Immutable; not copied out.
 */
public final class CanonicalEntry {

  private static final int SEQUENCE_OFFSET = 2;
  private static final int LINK_SIZE = AuditEntry.HASH_SIZE;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(CanonicalEntry::newSha256);

  private final byte[] encoding;
  private final long sequence;

  private CanonicalEntry(byte[] encoding) {
    this.encoding = encoding;
    this.sequence = readLong(encoding, SEQUENCE_OFFSET);
  }

  /** Returns the canonical form of {@code entry}. */
  public static CanonicalEntry of(AuditEntry entry) {
    return new CanonicalEntry(AuditEntryEncoding.encode(Objects.requireNonNull(entry, "entry")));
  }

  /**
   * Wraps {@code encoding} (kept, not copied) after checking it is exactly the canonical encoding
   * of a valid entry — what {@link AuditEntryEncoding#decode} accepts, checked without building
   * strings.
   *
   * @throws IllegalArgumentException naming the first malformation
   */
  public static CanonicalEntry parse(byte[] encoding) {
    CanonicalEncodingCheck.check(Objects.requireNonNull(encoding, "encoding"));
    return new CanonicalEntry(encoding);
  }

  /** Returns the entry's sequence number. */
  public long sequence() {
    return sequence;
  }

  /** Returns whether the entry's {@code previousLeafHash} equals {@code hash}. */
  public boolean linksTo(byte[] hash) {
    return hash.length == LINK_SIZE
        && Arrays.equals(
            encoding, encoding.length - LINK_SIZE, encoding.length, hash, 0, LINK_SIZE);
  }

  /** Returns a copy of the entry's {@code previousLeafHash}. */
  public byte[] link() {
    return Arrays.copyOfRange(encoding, encoding.length - LINK_SIZE, encoding.length);
  }

  /** Returns {@code SHA-256(0x00 || encoding)}, the RFC 9162 leaf hash. */
  public byte[] leafHash() {
    return hash(encoding);
  }

  /** Returns the leaf hash this entry would have with sequence number {@code otherSequence}. */
  public byte[] leafHashAs(long otherSequence) {
    byte[] copy = encoding.clone();
    for (int i = 0; i < 8; i++) {
      copy[SEQUENCE_OFFSET + i] = (byte) (otherSequence >>> (56 - 8 * i));
    }
    return hash(copy);
  }

  /** Returns the leaf hash this entry would have with {@code previousLeafHash} = {@code link}. */
  public byte[] leafHashWithLink(byte[] link) {
    byte[] copy = encoding.clone();
    System.arraycopy(link, 0, copy, copy.length - LINK_SIZE, LINK_SIZE);
    return hash(copy);
  }

  /** Returns the decoded entry (for callers that need the fields; the verifier does not). */
  public AuditEntry decode() {
    return AuditEntryEncoding.decode(encoding);
  }

  /** Returns the encoding's length in bytes. */
  int size() {
    return encoding.length;
  }

  /** Returns the encoding itself (not copied: callers must not modify it). */
  byte[] bytes() {
    return encoding;
  }

  private static byte[] hash(byte[] bytes) {
    MessageDigest digest = SHA256.get();
    digest.update((byte) 0x00);
    digest.update(bytes);
    return digest.digest();
  }

  private static long readLong(byte[] b, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[offset + i] & 0xffL);
    }
    return v;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "CanonicalEntry[sequence=" + sequence + ", " + encoding.length + " bytes]";
  }
}
