package org.zhusan.vault.audit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * Reads a binary export ({@link BinaryExportFormat}) record by record, strictly: a wrong magic or
 * version, a record cut short, an unknown type, a length above the limit for its type, or a payload
 * that is not a canonical entry encoding or a canonical checkpoint body plus signature, is a {@link
 * MalformedExportException} naming the record. After one, the reader returns no more records.
 *
 * <p>Memory is bounded by its 64 KiB buffer plus the record being read (at most {@link
 * BinaryExportFormat#MAX_ENTRY_BYTES}): the file is never held whole. Entries are checked but not
 * decoded ({@link CanonicalEntry#parse}). Not thread-safe; does not close the stream.
 */
public final class BinaryExportReader {

  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private final String origin;
  private long record;
  private boolean done;

  private BinaryExportReader(InputStream in) throws IOException {
    this.in = in;
    this.origin = readHeader();
  }

  /**
   * Reads the header from {@code in} and returns a reader positioned at the first record.
   *
   * @throws MalformedExportException (record 0) if the header is not a version 1 header
   */
  public static BinaryExportReader open(InputStream in) throws IOException {
    return new BinaryExportReader(Objects.requireNonNull(in, "in is required."));
  }

  /** Returns the log's name from the header. */
  public String origin() {
    return origin;
  }

  /** Returns the number of the record last returned (1-based), 0 before the first. */
  public long recordNumber() {
    return record;
  }

  /**
   * Returns the next record, or null at the end of the file (or after a malformed record).
   *
   * @throws MalformedExportException if the next record is malformed
   */
  public ExportRecord next() throws IOException {
    if (done) {
      return null;
    }
    int type = read();
    if (type < 0) {
      done = true;
      return null;
    }
    record++;
    try {
      long length = readLength();
      if (type == BinaryExportFormat.TYPE_ENTRY) {
        checkLength(length, 1, BinaryExportFormat.MAX_ENTRY_BYTES, "an entry");
        byte[] payload = new byte[(int) length];
        readFully(payload, "its " + length + "-byte entry");
        try {
          return new ExportRecord.EntryRecord(CanonicalEntry.parse(payload));
        } catch (IllegalArgumentException e) {
          throw malformed("is not a valid entry: " + e.getMessage());
        }
      }
      if (type == BinaryExportFormat.TYPE_CHECKPOINT) {
        checkLength(
            length,
            SignedCheckpoint.SIGNATURE_SIZE + 1,
            BinaryExportFormat.MAX_CHECKPOINT_BYTES,
            "a checkpoint");
        byte[] payload = new byte[(int) length];
        readFully(payload, "its " + length + "-byte checkpoint");
        return new ExportRecord.CheckpointRecord(checkpoint(payload));
      }
      throw malformed("has unknown type 0x" + Integer.toHexString(type));
    } catch (MalformedExportException e) {
      done = true;
      throw e;
    }
  }

  /** Reads a record's u32 length, from the buffer directly when it holds all four bytes. */
  private long readLength() throws IOException {
    byte[] b = buf;
    int at = pos;
    if (limit - pos < 4) {
      b = new byte[4];
      at = 0;
      readFully(b, "its length");
    } else {
      pos += 4;
    }
    return ((b[at] & 0xffL) << 24)
        | ((b[at + 1] & 0xffL) << 16)
        | ((b[at + 2] & 0xffL) << 8)
        | (b[at + 3] & 0xffL);
  }

  private SignedCheckpoint checkpoint(byte[] payload) throws MalformedExportException {
    int bodyLength = payload.length - SignedCheckpoint.SIGNATURE_SIZE;
    byte[] body = Arrays.copyOf(payload, bodyLength);
    String text = new String(body, StandardCharsets.US_ASCII);
    try {
      Checkpoint checkpoint = Checkpoint.parseBody(text);
      if (!Arrays.equals(checkpoint.bodyBytes(), body)) {
        throw new IllegalArgumentException("checkpoint body is not in canonical form");
      }
      return new SignedCheckpoint(
          checkpoint, Arrays.copyOfRange(payload, bodyLength, payload.length));
    } catch (IllegalArgumentException e) {
      throw malformed("is not a valid checkpoint: " + e.getMessage());
    }
  }

  private String readHeader() throws IOException {
    byte[] magic = BinaryExportFormat.magic();
    byte[] got = new byte[magic.length + 3];
    int n = readUpTo(got);
    if (n < magic.length || !BinaryExportFormat.startsWithMagic(got, n)) {
      throw new MalformedExportException(
          0, "not a binary access-log export: it does not start with \"ZVLOGBIN\"");
    }
    if (n < got.length) {
      throw new MalformedExportException(0, "the header is truncated");
    }
    int version = ((got[magic.length] & 0xff) << 8) | (got[magic.length + 1] & 0xff);
    if (version != BinaryExportFormat.VERSION) {
      throw new MalformedExportException(
          0,
          "binary export version "
              + version
              + " is not supported (this verifier reads version "
              + BinaryExportFormat.VERSION
              + ")");
    }
    byte[] name = new byte[got[magic.length + 2] & 0xff];
    if (readUpTo(name) < name.length) {
      throw new MalformedExportException(0, "the header is truncated in the origin");
    }
    String text = new String(name, StandardCharsets.US_ASCII);
    try {
      BinaryExportFormat.checkOrigin(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedExportException(0, "the header's origin is invalid: " + e.getMessage());
    }
    if (!Arrays.equals(text.getBytes(StandardCharsets.US_ASCII), name)) {
      throw new MalformedExportException(0, "the header's origin is not ASCII");
    }
    return text;
  }

  private void checkLength(long length, int min, int max, String what)
      throws MalformedExportException {
    if (length < min || length > max) {
      throw malformed(
          "declares "
              + length
              + " bytes; "
              + what
              + " record holds "
              + min
              + " to "
              + max
              + " bytes");
    }
  }

  private MalformedExportException malformed(String what) {
    return new MalformedExportException(record, "record " + record + " " + what);
  }

  private void readFully(byte[] dst, String what) throws IOException {
    int n = readUpTo(dst);
    if (n < dst.length) {
      throw malformed(
          "is truncated: the file ends "
              + n
              + " bytes into "
              + what
              + " ("
              + dst.length
              + " bytes)");
    }
  }

  /** Fills {@code dst} as far as the input allows; returns the bytes read. */
  private int readUpTo(byte[] dst) throws IOException {
    int filled = 0;
    while (filled < dst.length) {
      if (pos == limit && !refill()) {
        break;
      }
      int k = Math.min(dst.length - filled, limit - pos);
      System.arraycopy(buf, pos, dst, filled, k);
      pos += k;
      filled += k;
    }
    return filled;
  }

  private int read() throws IOException {
    if (pos == limit && !refill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private boolean refill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
