package org.zhusan.vault.documents.content;

/**
 * Watches a stream go by and tells, at its end, whether the bytes end with a ZIP archive although
 * they do not start as one: a polyglot, e.g. a PDF with a JAR appended (readers of PDF look at the
 * start, readers of ZIP and JAR at the end, so one file is both). Keeps only the last 64 KiB + 22
 * bytes. Not thread-safe: one per upload.
 *
 * <p>A ZIP archive ends with an end-of-central-directory record: signature {@code PK\5\6}, and a
 * comment length that must reach exactly to the end of the file. When the central directory it
 * points to lies within the window, its {@code PK\1\2} signature is required as well. A random
 * match needs both a 4-byte signature and an exact 2-byte length: about 2^-48 per position.
 */
public final class ZipTrailer {
  private static final int EOCD_LENGTH = 22;

  /** The largest comment (65 535 bytes) plus the record itself. */
  static final int WINDOW = 0xFFFF + EOCD_LENGTH;

  private final byte[] ring = new byte[WINDOW];
  private final byte[] head = new byte[4];
  private long total;

  public void update(byte[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      byte b = buf[off + i];
      if (total < head.length) {
        head[(int) total] = b;
      }
      ring[(int) (total % WINDOW)] = b;
      total++;
    }
  }

  /** True if what went by ends with a ZIP archive but does not start with a ZIP local header. */
  public boolean appendedArchive() {
    return endsWithArchive() && !startsWithSignature(head, 0, 3, 4);
  }

  boolean endsWithArchive() {
    byte[] tail = tail();
    for (int p = tail.length - EOCD_LENGTH; p >= 0; p--) {
      if (startsWithSignature(tail, p, 5, 6)
          && le16(tail, p + 20) == tail.length - p - EOCD_LENGTH) {
        long centralSize = le32(tail, p + 12);
        long centralStart = p - centralSize;
        return centralStart < 0
            || centralSize == 0
            || startsWithSignature(tail, (int) centralStart, 1, 2);
      }
    }
    return false;
  }

  private byte[] tail() {
    int n = (int) Math.min(total, WINDOW);
    byte[] out = new byte[n];
    long start = total - n;
    for (int i = 0; i < n; i++) {
      out[i] = ring[(int) ((start + i) % WINDOW)];
    }
    return out;
  }

  private static boolean startsWithSignature(byte[] b, int p, int third, int fourth) {
    return p + 4 <= b.length
        && b[p] == 'P'
        && b[p + 1] == 'K'
        && b[p + 2] == third
        && b[p + 3] == fourth;
  }

  private static int le16(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
  }

  private static long le32(byte[] b, int p) {
    return (b[p] & 0xffL)
        | (b[p + 1] & 0xffL) << 8
        | (b[p + 2] & 0xffL) << 16
        | (b[p + 3] & 0xffL) << 24;
  }
}
