package org.zhusan.vault.audit.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * The binary access-log export, version 1: the same entries and checkpoints, in the same order, as
 * the JSON Lines export ({@link ExportFormat}), but each entry as its canonical encoding — the very
 * bytes that are hashed — so a verifier hashes what it reads instead of parsing JSON and
 * re-encoding (eight to nine times faster per CPU-second; docs/audit-log.md, "Performance"). All
 * integers big-endian.
 *
 * <pre>
 * header      magic   8 bytes  "ZVLOGBIN" (5a 56 4c 4f 47 42 49 4e)
 *             version u16      0x0001
 *             origin  u8 length (1–255), then that many bytes of printable ASCII: the log's name,
 *                     as in its checkpoints
 * record      type    u8       0x01 entry, 0x02 checkpoint
 *             length  u32      payload bytes: entry 1 … {@value #MAX_ENTRY_BYTES}, checkpoint
 *                              65 … {@value #MAX_CHECKPOINT_BYTES}
 *             payload entry:      AuditEntryEncoding.encode(entry)
 *                     checkpoint: the checkpoint body (Checkpoint.bodyBytes(), the signed text),
 *                                 then the 64-byte Ed25519 signature
 * </pre>
 *
 * <p>Records follow the header until the end of the file; the order rules are {@link
 * ExportFormat}'s (entries by sequence from 0, each checkpoint right after the entry that reaches
 * its size, a full-size checkpoint last). There is no end marker: a file cut at a record boundary
 * is a shorter export, which the verifier reports like a shortened JSON export ({@code
 * UNSIGNED_TAIL}, {@code TRUNCATED}); a file cut inside a record is refused. Records are numbered
 * from 1 (the header is not a record), so record numbers equal the line numbers of the same export
 * in JSON Lines.
 *
 * <p>Stateless and thread-safe.
 */
public final class BinaryExportFormat {

  /** The first eight bytes of every binary export. */
  private static final byte[] MAGIC = "ZVLOGBIN".getBytes(StandardCharsets.US_ASCII);

  /** The format version written and the only one read. */
  public static final int VERSION = 1;

  /** Record type of an entry. */
  public static final int TYPE_ENTRY = 0x01;

  /** Record type of a checkpoint. */
  public static final int TYPE_CHECKPOINT = 0x02;

  /**
   * Largest entry payload: an encoding whose 13 texts are all 65,535 bytes is 852,078 bytes; the
   * limit leaves room and stops a forged length from making the reader allocate gigabytes.
   */
  public static final int MAX_ENTRY_BYTES = 1 << 20;

  /** Largest checkpoint payload (a body is at most about 360 bytes, plus 64 of signature). */
  public static final int MAX_CHECKPOINT_BYTES = 4096;

  /** Bytes of a record's type and length. */
  static final int RECORD_HEADER_BYTES = 5;

  private BinaryExportFormat() {}

  /** Returns a copy of the magic bytes. */
  public static byte[] magic() {
    return MAGIC.clone();
  }

  /** Returns whether {@code prefix} starts with the magic bytes (for format detection). */
  public static boolean startsWithMagic(byte[] prefix, int length) {
    return length >= MAGIC.length && Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /** Returns the header for a log named {@code origin}. */
  public static byte[] header(String origin) {
    checkOrigin(origin);
    byte[] name = origin.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + 3 + name.length);
    out[MAGIC.length] = (byte) (VERSION >>> 8);
    out[MAGIC.length + 1] = (byte) VERSION;
    out[MAGIC.length + 2] = (byte) name.length;
    System.arraycopy(name, 0, out, MAGIC.length + 3, name.length);
    return out;
  }

  /**
   * Returns the entry record for {@code entry} (no placement checks; see {@link
   * BinaryExportWriter}).
   */
  public static byte[] entryRecord(AuditEntry entry) {
    return record(TYPE_ENTRY, AuditEntryEncoding.encode(Objects.requireNonNull(entry, "entry")));
  }

  /** Returns the checkpoint record for {@code signed}. */
  public static byte[] checkpointRecord(SignedCheckpoint signed) {
    Objects.requireNonNull(signed, "signed is required.");
    byte[] body = signed.checkpoint().bodyBytes();
    byte[] payload = Arrays.copyOf(body, body.length + SignedCheckpoint.SIGNATURE_SIZE);
    System.arraycopy(signed.signature(), 0, payload, body.length, SignedCheckpoint.SIGNATURE_SIZE);
    return record(TYPE_CHECKPOINT, payload);
  }

  /**
   * Checks an origin by the rule checkpoints apply to theirs ({@link Checkpoint}: 1–255 printable
   * ASCII characters, no space at either end).
   *
   * @throws IllegalArgumentException otherwise
   */
  static void checkOrigin(String origin) {
    new Checkpoint(origin, 0, new byte[32], java.time.Instant.EPOCH);
  }

  private static byte[] record(int type, byte[] payload) {
    byte[] out = new byte[RECORD_HEADER_BYTES + payload.length];
    out[0] = (byte) type;
    int n = payload.length;
    out[1] = (byte) (n >>> 24);
    out[2] = (byte) (n >>> 16);
    out[3] = (byte) (n >>> 8);
    out[4] = (byte) n;
    System.arraycopy(payload, 0, out, RECORD_HEADER_BYTES, n);
    return out;
  }
}
