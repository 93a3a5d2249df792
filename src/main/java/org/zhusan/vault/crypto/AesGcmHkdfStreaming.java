package org.zhusan.vault.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link StreamingAead} for document content, in the style of Tink's AES-GCM-HKDF streaming: every
 * stream gets its own AES-256 key derived with HKDF-SHA256 from the data key, a random salt and the
 * associated data, and the plaintext is cut into fixed-size segments, each sealed with AES-GCM
 * under a nonce that encodes its index and whether it is the last one. Memory use is constant (two
 * segment buffers) whatever the stream length.
 *
 * <h2>Ciphertext layout (format 0x01)</h2>
 *
 * <pre>
 * header ({@value #HEADER_SIZE} bytes)
 *   offset 0   1 byte    format version, 0x01
 *   offset 1   4 bytes   data-key version, big-endian int &gt; 0
 *   offset 5   32 bytes  salt, random per stream
 *   offset 37  7 bytes   nonce prefix, random per stream
 * segment 0 .. segment k   (k + 1 &gt;= 1 segments)
 *   segments 0..k-1: exactly segmentSize plaintext bytes each, sealed: segmentSize + 16 bytes
 *   segment k (last): 0..segmentSize plaintext bytes, sealed: that length + 16 bytes
 *   each segment = AES-GCM ciphertext || 16-byte tag, no additional data
 * </pre>
 *
 * <ul>
 *   <li>Segment key = HKDF-SHA256(ikm = data key, salt = header salt, info = {@code
 *       "zhusan-vault/streaming-aead/aes-gcm-hkdf-sha256/v1" || header[0..5) || segmentSize (4
 *       bytes BE) || associatedData}), 32 bytes. The info prefix has a fixed length, so the
 *       associated data is unambiguous; the format byte, key version and segment size are bound to
 *       the key.
 *   <li>Segment nonce (12 bytes) = nonce prefix (7) || segment index (4 bytes BE, from 0) ||
 *       last-segment flag (1 byte: 0x01 for the last segment, else 0x00). The index makes
 *       reordering, dropping or duplicating segments fail; the flag makes truncation at a segment
 *       boundary and data appended after the end fail.
 *   <li>An empty plaintext is one empty last segment (header + 16 bytes). A plaintext whose length
 *       is a non-zero multiple of the segment size ends with a full last segment.
 *   <li>Ciphertext length = {@value #HEADER_SIZE} + plaintext length + 16 × max(1, ⌈plaintext
 *       length / segmentSize⌉); see {@link #ciphertextSize}.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * At most {@value #MAX_SEGMENTS} (2<sup>32</sup>) segments per stream, so at most 2<sup>32</sup> ×
 * segmentSize plaintext bytes (256 TiB with the default 64 KiB segments). Because every stream
 * derives a fresh key from a 256-bit random salt, streams do not consume the data key's
 * random-nonce budget of {@link AesGcmAead}; within a stream, nonces are distinct by construction.
 * The segment size ({@value #MIN_SEGMENT_SIZE}..{@value #MAX_SEGMENT_SIZE} bytes, default {@value
 * #DEFAULT_SEGMENT_SIZE}) is configuration, not stored in the header: a reader must use the
 * writer's value (it is bound into the key, so a mismatch fails cleanly). When encrypting, each
 * segment is fed to the JDK cipher in calls of at most 64 KiB; the JDK decrypts a segment in one
 * {@code doFinal} (it buffers GCM input until the tag is checked), so 64 KiB segments are the fast
 * path both ways.
 *
 * <h2>Security</h2>
 *
 * As stated by {@link StreamingAead}: the decrypting stream releases a segment's plaintext only
 * after its tag has verified, and every failure — truncated header, unknown format or key version,
 * wrong associated data, flipped bit, reordered or missing segment, trailing data — is an {@link
 * IOException} caused by {@link DecryptionFailedException}, after which the stream stays failed.
 * I/O errors of the underlying stream propagate unchanged.
 *
 * <p>Thread safety: this factory is immutable and thread-safe; each stream it returns must be used
 * by one thread at a time.
 */
public final class AesGcmHkdfStreaming implements StreamingAead {
  static final byte FORMAT_VERSION = 0x01;
  static final int SALT_SIZE = 32;
  static final int NONCE_PREFIX_SIZE = 7;

  /** Length of the stream header in bytes. */
  public static final int HEADER_SIZE = 1 + 4 + SALT_SIZE + NONCE_PREFIX_SIZE;

  /** Default plaintext segment size: 64 KiB. */
  public static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;

  /** Smallest allowed plaintext segment size: 4 KiB. */
  public static final int MIN_SEGMENT_SIZE = 4 * 1024;

  /** Largest allowed plaintext segment size: 1 MiB. */
  public static final int MAX_SEGMENT_SIZE = 1024 * 1024;

  /** Most segments one stream may have: 2^32 (the segment index is 4 bytes). */
  public static final long MAX_SEGMENTS = 1L << 32;

  private static final byte[] KDF_LABEL =
      "zhusan-vault/streaming-aead/aes-gcm-hkdf-sha256/v1".getBytes(StandardCharsets.US_ASCII);

  private final AeadKeyset keyset;
  private final int segmentSize;

  private AesGcmHkdfStreaming(AeadKeyset keyset, int segmentSize) {
    this.keyset = keyset;
    this.segmentSize = segmentSize;
  }

  /** Streams with the default segment size of 64 KiB. */
  public static AesGcmHkdfStreaming create(AeadKeyset keyset) {
    return create(keyset, DEFAULT_SEGMENT_SIZE);
  }

  /**
   * Streams with a chosen plaintext segment size.
   *
   * @param segmentSize between {@value #MIN_SEGMENT_SIZE} and {@value #MAX_SEGMENT_SIZE}
   */
  public static AesGcmHkdfStreaming create(AeadKeyset keyset, int segmentSize) {
    Objects.requireNonNull(keyset, "keyset is required.");
    if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
      throw new IllegalArgumentException(
          "segmentSize must be between " + MIN_SEGMENT_SIZE + " and " + MAX_SEGMENT_SIZE);
    }
    return new AesGcmHkdfStreaming(keyset, segmentSize);
  }

  /** The plaintext segment size. */
  public int segmentSize() {
    return segmentSize;
  }

  /** Largest plaintext one stream can hold: 2^32 × segment size. */
  public long maxPlaintextSize() {
    return MAX_SEGMENTS * segmentSize;
  }

  /** Exact ciphertext length for a plaintext of {@code plaintextSize} bytes. */
  public long ciphertextSize(long plaintextSize) {
    if (plaintextSize < 0 || plaintextSize > maxPlaintextSize()) {
      throw new IllegalArgumentException("plaintextSize out of range");
    }
    long segments = Math.max(1, (plaintextSize + segmentSize - 1) / segmentSize);
    return HEADER_SIZE + plaintextSize + segments * Gcm.TAG_SIZE;
  }

  @Override
  public OutputStream newEncryptingStream(OutputStream ciphertextSink, byte[] associatedData)
      throws IOException {
    Objects.requireNonNull(ciphertextSink, "ciphertextSink is required.");
    Objects.requireNonNull(associatedData, "associatedData is required (use AssociatedData).");
    byte[] header = new byte[HEADER_SIZE];
    header[0] = FORMAT_VERSION;
    Encoding.putIntBigEndian(header, 1, keyset.primaryVersion());
    byte[] random = Randomness.bytes(SALT_SIZE + NONCE_PREFIX_SIZE);
    System.arraycopy(random, 0, header, 5, random.length);
    SecretKeySpec key = deriveKey(keyset.primaryKey(), header, associatedData.clone());
    ciphertextSink.write(header);
    return new EncryptingStream(ciphertextSink, key, noncePrefixOf(header), segmentSize);
  }

  @Override
  public InputStream newDecryptingStream(InputStream ciphertextSource, byte[] associatedData) {
    Objects.requireNonNull(ciphertextSource, "ciphertextSource is required.");
    Objects.requireNonNull(associatedData, "associatedData is required (use AssociatedData).");
    return new DecryptingStream(ciphertextSource, associatedData.clone());
  }

  private SecretKeySpec deriveKey(SecretBytes dataKey, byte[] header, byte[] associatedData) {
    byte[] salt = Arrays.copyOfRange(header, 5, 5 + SALT_SIZE);
    byte[] info = new byte[KDF_LABEL.length + 5 + 4 + associatedData.length];
    System.arraycopy(KDF_LABEL, 0, info, 0, KDF_LABEL.length);
    System.arraycopy(header, 0, info, KDF_LABEL.length, 5);
    Encoding.putIntBigEndian(info, KDF_LABEL.length + 5, segmentSize);
    System.arraycopy(associatedData, 0, info, KDF_LABEL.length + 9, associatedData.length);
    byte[] ikm = dataKey.toByteArray();
    byte[] okm = Hkdf.sha256(ikm, salt, info, Gcm.KEY_SIZE);
    try {
      return new SecretKeySpec(okm, "AES");
    } finally {
      Arrays.fill(ikm, (byte) 0);
      Arrays.fill(okm, (byte) 0);
    }
  }

  private static byte[] noncePrefixOf(byte[] header) {
    byte[] nonce = new byte[Gcm.NONCE_SIZE];
    System.arraycopy(header, 5 + SALT_SIZE, nonce, 0, NONCE_PREFIX_SIZE);
    return nonce;
  }

  /** Writes index and last flag into bytes 7..11 of a nonce whose prefix is already in place. */
  private static void setSegment(byte[] nonce, long index, boolean last) {
    Encoding.putIntBigEndian(nonce, NONCE_PREFIX_SIZE, (int) index);
    nonce[Gcm.NONCE_SIZE - 1] = last ? (byte) 1 : (byte) 0;
  }

  private static IOException failure() {
    return new IOException(DecryptionFailedException.MESSAGE, new DecryptionFailedException());
  }

  /** Buffers one segment; seals it as non-last only once more data is known to follow. */
  private static final class EncryptingStream extends OutputStream {
    private final OutputStream sink;
    private final Cipher cipher = Gcm.newCipher();
    private final SecretKeySpec key;
    private final byte[] nonce;
    private final int segmentSize;
    private final byte[] plaintext;
    private final byte[] ciphertext;
    private int buffered;
    private long segmentIndex;
    private boolean closed;
    private boolean broken;

    EncryptingStream(OutputStream sink, SecretKeySpec key, byte[] nonce, int segmentSize) {
      this.sink = sink;
      this.key = key;
      this.nonce = nonce;
      this.segmentSize = segmentSize;
      this.plaintext = new byte[segmentSize];
      this.ciphertext = new byte[segmentSize + Gcm.TAG_SIZE];
    }

    @Override
    public void write(int b) throws IOException {
      ensureWritable();
      if (buffered == segmentSize) {
        sealSegment(plaintext, 0, segmentSize, false);
        buffered = 0;
      }
      plaintext[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      ensureWritable();
      while (len > 0) {
        if (buffered == segmentSize) {
          sealSegment(plaintext, 0, segmentSize, false);
          buffered = 0;
        }
        if (buffered == 0 && len > segmentSize) {
          // A whole segment with more bytes after it: seal straight from the caller's array.
          sealSegment(b, off, segmentSize, false);
          off += segmentSize;
          len -= segmentSize;
          continue;
        }
        int n = Math.min(len, segmentSize - buffered);
        System.arraycopy(b, off, plaintext, buffered, n);
        buffered += n;
        off += n;
        len -= n;
      }
    }

    /** Flushes the sink; buffered plaintext stays buffered until its segment is complete. */
    @Override
    public void flush() throws IOException {
      ensureWritable();
      sink.flush();
    }

    /** Seals the last segment (possibly empty) and closes the sink. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (!broken) {
          sealSegment(plaintext, 0, buffered, true);
          sink.flush();
        }
      } finally {
        Arrays.fill(plaintext, (byte) 0);
        sink.close();
      }
    }

    private void ensureWritable() throws IOException {
      if (closed) {
        throw new IOException("encrypting stream is closed");
      }
      if (broken) {
        throw new IOException("encrypting stream failed earlier; its ciphertext is unusable");
      }
    }

    private void sealSegment(byte[] in, int off, int len, boolean last) throws IOException {
      // A non-last segment must leave an index free for the last one.
      if (segmentIndex >= (last ? MAX_SEGMENTS : MAX_SEGMENTS - 1)) {
        broken = true;
        throw new IOException("stream too long: at most 2^32 segments");
      }
      try {
        setSegment(nonce, segmentIndex, last);
        int n = Gcm.seal(cipher, key, nonce, null, null, in, off, len, ciphertext, 0);
        sink.write(ciphertext, 0, n);
        segmentIndex++;
      } catch (IOException | RuntimeException e) {
        broken = true; // never let a later close() terminate a stream with a hole in it
        throw e;
      }
    }
  }

  /** Reads one sealed segment plus one look-ahead byte, which tells whether it is the last. */
  private final class DecryptingStream extends InputStream {
    private final InputStream source;
    private final byte[] associatedData;
    private final byte[] single = new byte[1];
    private Cipher cipher;
    private SecretKeySpec key;
    private byte[] nonce;
    private byte[] ciphertext; // one sealed segment + 1 look-ahead byte
    private byte[] plaintext;
    private int ciphertextLength;
    private int position;
    private int limit;
    private long segmentIndex;
    private boolean sourceEnded;
    private boolean lastSegmentDone;
    private boolean failed;
    private boolean closed;

    DecryptingStream(InputStream source, byte[] associatedData) {
      this.source = source;
      this.associatedData = associatedData;
    }

    @Override
    public int read() throws IOException {
      int n = read(single, 0, 1);
      return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      ensureReadable();
      if (len == 0) {
        return 0;
      }
      if (cipher == null) {
        readHeader();
      }
      while (position == limit) {
        if (lastSegmentDone) {
          return -1;
        }
        if (len >= segmentSize) {
          // The caller's buffer holds a whole segment: decrypt straight into it (saves a copy).
          // Gcm.open zeroes the range again if authentication fails.
          int n = nextSegment(b, off);
          if (n > 0) {
            return n;
          }
        } else {
          limit = nextSegment(plaintext, 0);
          position = 0;
        }
      }
      int n = Math.min(len, limit - position);
      System.arraycopy(plaintext, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public int available() throws IOException {
      ensureReadable();
      return limit - position;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
      position = limit = 0;
      source.close();
    }

    private void ensureReadable() throws IOException {
      if (closed) {
        throw new IOException("decrypting stream is closed");
      }
      if (failed) {
        throw failure();
      }
    }

    /** Reads, verifies and decrypts the next segment into {@code out}; returns its length. */
    private int nextSegment(byte[] out, int outOff) throws IOException {
      fill();
      boolean last = sourceEnded; // fewer than segment + tag + 1 bytes were left
      int sealedLength = last ? ciphertextLength : ciphertext.length - 1;
      if (sealedLength < Gcm.TAG_SIZE || segmentIndex >= MAX_SEGMENTS) {
        throw fail();
      }
      setSegment(nonce, segmentIndex, last);
      int n;
      try {
        n = Gcm.open(cipher, key, nonce, null, null, ciphertext, 0, sealedLength, out, outOff);
      } catch (DecryptionFailedException e) {
        throw fail();
      }
      segmentIndex++;
      if (last) {
        lastSegmentDone = true;
        ciphertextLength = 0;
      } else {
        ciphertext[0] = ciphertext[ciphertext.length - 1];
        ciphertextLength = 1;
      }
      return n;
    }

    private void readHeader() throws IOException {
      byte[] header = source.readNBytes(HEADER_SIZE);
      if (header.length < HEADER_SIZE || header[0] != FORMAT_VERSION) {
        throw fail();
      }
      Optional<SecretBytes> dataKey = keyset.key(Encoding.getIntBigEndian(header, 1));
      if (dataKey.isEmpty()) {
        throw fail();
      }
      key = deriveKey(dataKey.get(), header, associatedData);
      nonce = noncePrefixOf(header);
      cipher = Gcm.newCipher();
      ciphertext = new byte[segmentSize + Gcm.TAG_SIZE + 1];
      plaintext = new byte[segmentSize];
    }

    private void fill() throws IOException {
      while (!sourceEnded && ciphertextLength < ciphertext.length) {
        int n = source.read(ciphertext, ciphertextLength, ciphertext.length - ciphertextLength);
        if (n < 0) {
          sourceEnded = true;
        } else {
          ciphertextLength += n;
        }
      }
    }

    private IOException fail() {
      failed = true;
      position = limit = 0;
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
      return failure();
    }
  }
}
