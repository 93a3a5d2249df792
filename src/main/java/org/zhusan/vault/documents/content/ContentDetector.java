package org.zhusan.vault.documents.content;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Finds what a file is from its bytes alone, with Tika's default detector (magic bytes, then the
 * container detectors that look inside ZIP and OLE2 files to tell DOCX from ODT from a plain ZIP,
 * or DOC from other OLE2 files).
 *
 * <p><b>Content only.</b> The detector never sees the client's file name or {@code Content-Type}:
 * it has no parameter for them and always passes Tika an empty {@link Metadata}, so a mislabelled
 * file (an executable named {@code ruling.pdf}) cannot steer detection.
 *
 * <p><b>In memory, bounded, never on disk.</b> Detection runs in the vault's own JVM, so it reads
 * only a bounded head of the file into memory:
 *
 * <ul>
 *   <li>{@value #HEAD_BYTES} bytes for ordinary files (Tika's magic needs no more);
 *   <li>up to {@code maxContainerBytes} (default {@value #DEFAULT_MAX_CONTAINER_BYTES}) for
 *       ZIP-based (DOCX, ODT) and OLE2 (DOC) files. An OLE2 file longer than that cannot be
 *       identified exactly (its directory can be anywhere) and is reported as {@code
 *       application/x-tika-msoffice}, which no policy accepts; raise the limit if large legacy
 *       {@code .doc} files must be stored.
 * </ul>
 *
 * OLE2 files are opened with POI from that memory and handed to Tika as an open container, and Tika
 * is given {@link NoSpoolTemporaryResources}, so no detector can copy the document to a temporary
 * file; were one to try, detection answers {@link DetectedType#UNKNOWN} rather than write plaintext
 * to disk. ZIP heads are first inflated here under a budget ({@code maxInflatedBytes}, default
 * {@value #DEFAULT_MAX_INFLATED_BYTES}) and cut before the entry that exceeds it, so a zip bomb in
 * the head costs at most that much inflation and Tika never parses the bomb: a {@code
 * [Content_Types].xml} bomb is reported as {@code application/zip}.
 *
 * <p>Parameters such as {@code charset} are dropped: {@code text/plain; charset=UTF-8} is reported
 * as {@code text/plain}. A zero-byte file is {@link DetectedType#empty()}.
 *
 * <p>Thread-safe: Tika's detectors are stateless and every call uses its own buffers.
 */
public final class ContentDetector {
  /** Bytes read for the magic-number detection of ordinary files. */
  public static final int HEAD_BYTES = 64 * 1024;

  /** Default bound of the head read for ZIP and OLE2 containers: 16 MiB, Tika's own mark limit. */
  public static final int DEFAULT_MAX_CONTAINER_BYTES = 16 * 1024 * 1024;

  /** Default budget of bytes inflated while looking into a ZIP head: 64 MiB. */
  public static final long DEFAULT_MAX_INFLATED_BYTES = 64L * 1024 * 1024;

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] OLE2_MAGIC = {
    (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1
  };
  private static final int ZIP_LOCAL_HEADER_BYTES = 30;
  static final String OLE2_UNIDENTIFIED = "application/x-tika-msoffice";

  private final Detector detector;
  private final int maxContainerBytes;
  private final long maxInflatedBytes;

  /** A detector with Tika's default configuration and the default bounds. */
  public ContentDetector() {
    this(TikaConfig.getDefaultConfig(), DEFAULT_MAX_CONTAINER_BYTES, DEFAULT_MAX_INFLATED_BYTES);
  }

  /**
   * @param config Tika configuration whose detector is used
   * @param maxContainerBytes how much of a ZIP or OLE2 file is read into memory for detection
   * @param maxInflatedBytes how much may be inflated from a ZIP head before it is cut
   */
  public ContentDetector(TikaConfig config, int maxContainerBytes, long maxInflatedBytes) {
    this.detector = Objects.requireNonNull(config, "Tika configuration is required.").getDetector();
    if (maxContainerBytes < HEAD_BYTES || maxContainerBytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxContainerBytes must be at least " + HEAD_BYTES);
    }
    if (maxInflatedBytes < 0) {
      throw new IllegalArgumentException("maxInflatedBytes must not be negative");
    }
    this.maxContainerBytes = maxContainerBytes;
    this.maxInflatedBytes = maxInflatedBytes;
  }

  /**
   * Detects the type of the stream's content and resets the stream to where it was, so the caller
   * can go on to store or extract it. Reads at most {@code maxContainerBytes}; the caller's stream
   * must support {@link InputStream#mark mark} for that many bytes (a {@link BufferedInputStream}
   * does, growing its buffer only as far as needed).
   *
   * @throws IllegalArgumentException if the stream does not support mark/reset
   * @throws IOException if reading the stream fails (never because of what the content is)
   */
  public DetectedType detect(InputStream content) throws IOException {
    Objects.requireNonNull(content, "Content is required.");
    if (!content.markSupported()) {
      throw new IllegalArgumentException("Detection needs a stream that supports mark/reset.");
    }
    content.mark(maxContainerBytes + 1);
    try {
      return detectFrom(content);
    } finally {
      content.reset();
    }
  }

  /**
   * Detects the type of a file's content (its name is ignored). For tools and tests: the vault
   * keeps no plaintext files.
   */
  public DetectedType detect(Path file) throws IOException {
    Objects.requireNonNull(file, "File is required.");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return detectFrom(in);
    }
  }

  /** Detects the type of bytes held in memory. */
  public DetectedType detect(byte[] content) {
    Objects.requireNonNull(content, "Content is required.");
    try {
      return detectFrom(new ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  /** The first bytes of a file; {@code complete} when they are the whole file. */
  private record Head(byte[] bytes, int length, boolean complete) {
    boolean startsWith(byte[] magic) {
      return length >= magic.length
          && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
  }

  /**
   * Reads the magic head and detects; reads on (up to the bound) only when a container needs it: an
   * OLE2 file always (its directory can be anywhere), a ZIP only when its head was not conclusive
   * (usually {@code [Content_Types].xml} or ODF's {@code mimetype} come first, within a few KiB).
   */
  private DetectedType detectFrom(InputStream in) throws IOException {
    // One byte more than needed tells whether the head is the whole file.
    byte[] buffer = new byte[HEAD_BYTES + 1];
    int length = in.readNBytes(buffer, 0, buffer.length);
    Head head = new Head(buffer, Math.min(length, HEAD_BYTES), length <= HEAD_BYTES);
    if (head.complete()) {
      return detect(head);
    }
    if (!head.startsWith(OLE2_MAGIC)) {
      DetectedType type = detect(head);
      if (!head.startsWith(ZIP_MAGIC) || !inconclusiveContainer(type)) {
        return type;
      }
    }
    // Read on from where we are (HEAD_BYTES + 1 consumed), keeping one byte of lookahead again.
    byte[] more = in.readNBytes(maxContainerBytes - HEAD_BYTES);
    byte[] all = Arrays.copyOf(buffer, HEAD_BYTES + 1 + more.length);
    System.arraycopy(more, 0, all, HEAD_BYTES + 1, more.length);
    boolean complete = all.length <= maxContainerBytes;
    return detect(new Head(all, Math.min(all.length, maxContainerBytes), complete));
  }

  private static boolean inconclusiveContainer(DetectedType type) {
    return type.mediaType().equals("application/zip")
        || type.mediaType().startsWith("application/x-tika-");
  }

  private DetectedType detect(Head head) {
    if (head.length() == 0) {
      return DetectedType.empty();
    }
    int length = head.length();
    if (head.startsWith(ZIP_MAGIC)) {
      length = withinInflationBudget(head.bytes(), length);
    }
    POIFSFileSystem ole2 = null;
    try (NoSpoolTemporaryResources tmp = new NoSpoolTemporaryResources();
        TikaInputStream tis =
            TikaInputStream.get(
                new ByteArrayInputStream(head.bytes(), 0, length), tmp, new Metadata())) {
      if (head.startsWith(OLE2_MAGIC)) {
        if (!head.complete()) {
          return new DetectedType(OLE2_UNIDENTIFIED);
        }
        try {
          ole2 = new POIFSFileSystem(new ByteArrayInputStream(head.bytes(), 0, length));
        } catch (IOException | RuntimeException e) {
          return new DetectedType(OLE2_UNIDENTIFIED);
        }
        tis.setOpenContainer(ole2);
      }
      MediaType type = detector.detect(tis, new Metadata());
      return new DetectedType(type == null ? DetectedType.UNKNOWN : type.toString());
    } catch (IOException | RuntimeException e) {
      // A detector choked on hostile bytes, or tried to spool to disk: the type stays unknown.
      return new DetectedType(DetectedType.UNKNOWN);
    } finally {
      if (ole2 != null) {
        try {
          ole2.close();
        } catch (IOException ignored) {
          // in memory: nothing to release
        }
      }
    }
  }

  /**
   * How much of a ZIP head Tika may see: the whole head, unless inflating its entries in order
   * would exceed the budget, in which case the head is cut at (about) the start of the entry that
   * crosses it. Corrupt or truncated ZIP data simply ends the walk.
   */
  int withinInflationBudget(byte[] bytes, int length) {
    ByteArrayInputStream raw = new ByteArrayInputStream(bytes, 0, length);
    long inflated = 0;
    byte[] sink = new byte[8192];
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, "UTF-8", false, true)) {
      while (true) {
        // The ZIP reader reads ahead by at most its buffer, so this is at or before the next entry.
        int entryStart = Math.max(0, length - raw.available() - 512);
        ZipArchiveEntry entry = zip.getNextZipEntry();
        if (entry == null) {
          return length;
        }
        int n;
        while ((n = zip.read(sink)) != -1) {
          inflated += n;
          if (inflated > maxInflatedBytes) {
            // Keep at least the first local header's fixed part, so Tika still sees a ZIP.
            return Math.max(entryStart, Math.min(length, ZIP_LOCAL_HEADER_BYTES));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return length;
    }
  }
}
