package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.crypto.TestSupport.bytes;
import static org.zhusan.vault.crypto.TestSupport.dataKey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmHkdfStreamingTest {
  private static final int SEG = AesGcmHkdfStreaming.MIN_SEGMENT_SIZE; // 4 KiB: many segments, fast
  private static final int SEALED = SEG + 16;
  private static final int H = AesGcmHkdfStreaming.HEADER_SIZE;
  private static final byte[] AD =
      AssociatedData.forContent(UUID.fromString("0b5e3c3a-0000-4000-8000-000000000001"));

  private final AeadKeyset keyset = AeadKeyset.of(1, dataKey(0x42));
  private final AesGcmHkdfStreaming small = AesGcmHkdfStreaming.create(keyset, SEG);
  private final AesGcmHkdfStreaming standard = AesGcmHkdfStreaming.create(keyset);

  // ---------------------------------------------------------------- round trips

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, SEG - 1, SEG, SEG + 1, 2 * SEG, 3 * SEG + 17, 100_003})
  void roundTripsWithSmallSegments(int size) throws Exception {
    byte[] plaintext = bytes(size, size);
    byte[] ciphertext = encrypt(small, plaintext, AD);
    assertEquals(small.ciphertextSize(size), ciphertext.length);
    assertArrayEquals(plaintext, decrypt(small, ciphertext, AD));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 65_536, 65_537, 3 * 1024 * 1024 + 123})
  void roundTripsWithDefaultSegments(int size) throws Exception {
    byte[] plaintext = bytes(size, size);
    byte[] ciphertext = encrypt(standard, plaintext, AD);
    assertEquals(standard.ciphertextSize(size), ciphertext.length);
    assertArrayEquals(plaintext, decrypt(standard, ciphertext, AD));
  }

  @Test
  void roundTripsWithLargestSegmentsFedInSmallerCipherCalls() throws Exception {
    AesGcmHkdfStreaming large =
        AesGcmHkdfStreaming.create(keyset, AesGcmHkdfStreaming.MAX_SEGMENT_SIZE);
    byte[] plaintext = bytes(2 * AesGcmHkdfStreaming.MAX_SEGMENT_SIZE + 5, 9);
    assertArrayEquals(plaintext, decrypt(large, encrypt(large, plaintext, AD), AD));
  }

  @Test
  void emptyPlaintextIsOneEmptyLastSegment() throws Exception {
    byte[] ciphertext = encrypt(small, new byte[0], AD);
    assertEquals(H + 16, ciphertext.length);
    assertEquals(0, decrypt(small, ciphertext, AD).length);
  }

  @Test
  void roundTripsWhateverTheWriteAndReadChunking() throws Exception {
    byte[] plaintext = bytes(5 * SEG + 333, 5);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = small.newEncryptingStream(sink, AD)) {
      int i = 0;
      int step = 1;
      while (i < plaintext.length) {
        int n = Math.min(step, plaintext.length - i);
        if (n == 1) {
          out.write(plaintext[i]);
        } else {
          out.write(plaintext, i, n);
        }
        i += n;
        step = step * 3 % (3 * SEG) + 1; // 1, 4, 13, 40, ... mixed sizes, some above a segment
      }
    }
    byte[] ciphertext = sink.toByteArray();
    long segments = (plaintext.length + SEG - 1) / SEG;
    assertEquals(H + plaintext.length + 16 * segments, ciphertext.length);
    try (InputStream in = small.newDecryptingStream(new ByteArrayInputStream(ciphertext), AD)) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      int b;
      for (int k = 0; k < 1000 && (b = in.read()) >= 0; k++) {
        got.write(b); // first bytes one at a time
      }
      got.write(in.readAllBytes());
      assertArrayEquals(plaintext, got.toByteArray());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void headerCarriesFormatKeyVersionSaltAndNoncePrefix() throws Exception {
    AesGcmHkdfStreaming v9 = AesGcmHkdfStreaming.create(AeadKeyset.of(9, dataKey(1)), SEG);
    byte[] a = encrypt(v9, bytes(10, 1), AD);
    byte[] b = encrypt(v9, bytes(10, 1), AD);
    assertEquals(44, H);
    assertEquals(0x01, a[0]);
    assertArrayEquals(new byte[] {0, 0, 0, 9}, Arrays.copyOfRange(a, 1, 5));
    assertFalse(
        Arrays.equals(Arrays.copyOfRange(a, 5, H), Arrays.copyOfRange(b, 5, H)),
        "fresh salt and prefix");
    assertFalse(
        Arrays.equals(Arrays.copyOfRange(a, H, a.length), Arrays.copyOfRange(b, H, b.length)));
  }

  @Test
  void oldStreamsDecryptAfterANewPrimaryVersion() throws Exception {
    byte[] plaintext = bytes(SEG + 3, 1);
    byte[] old = encrypt(small, plaintext, AD);
    AesGcmHkdfStreaming rotated =
        AesGcmHkdfStreaming.create(
            AeadKeyset.builder().add(1, dataKey(0x42)).add(2, dataKey(0x43)).build(), SEG);
    assertArrayEquals(plaintext, decrypt(rotated, old, AD));
    assertEquals(2, encrypt(rotated, plaintext, AD)[4]);
  }

  // ---------------------------------------------------------------- tampering

  @ParameterizedTest(name = "read buffer {0} bytes")
  @ValueSource(ints = {1000, 3 * SEG})
  void anyFlippedByteFailsAndNoPlaintextOfTheBadSegmentIsReturned(int readBuffer) throws Exception {
    // 1000-byte reads go through the stream's own buffer; 3 * SEG reads make it decrypt whole
    // segments straight into the caller's array, which must not keep unverified plaintext either.
    byte[] plaintext = bytes(2 * SEG + 100, 3);
    byte[] ciphertext = encrypt(small, plaintext, AD);
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= (byte) (0x01 << (i % 8));
      int firstBadSegment = i < H ? 0 : (i - H) / SEALED;
      Outcome outcome = readAll(small, tampered, AD, readBuffer);
      assertFailedAuthentication(outcome, "byte " + i);
      assertAuthenticPrefix(plaintext, outcome.plaintext, firstBadSegment * SEG, "byte " + i);
      byte[] badSegment =
          Arrays.copyOfRange(
              plaintext,
              firstBadSegment * SEG,
              Math.min(plaintext.length, (firstBadSegment + 1) * SEG));
      int compared = Math.min(badSegment.length, outcome.lastBuffer.length);
      int same = 0;
      for (int k = 0; k < compared; k++) {
        same += outcome.lastBuffer[k] == badSegment[k] ? 1 : 0;
      }
      assertTrue(
          same < compared / 8 + 1,
          "byte " + i + ": bad segment's plaintext left in the caller's buffer");
    }
  }

  @Test
  void truncationAnywhereFailsIncludingExactlyAtASegmentBoundary() throws Exception {
    byte[] plaintext = bytes(3 * SEG + 100, 4);
    byte[] ciphertext = encrypt(small, plaintext, AD);
    for (int len = 0; len < ciphertext.length; len++) {
      Outcome outcome = readAll(small, Arrays.copyOf(ciphertext, len), AD);
      assertFailedAuthentication(outcome, "length " + len);
      int complete = Math.max(0, (len - H) / SEALED);
      boolean atBoundary = len >= H && (len - H) % SEALED == 0;
      // Cut inside a segment: the complete segments before it are authentic and may be released.
      // Cut exactly at a boundary: the segment before the cut is read as the last one and fails.
      int maxReleased = (atBoundary ? Math.max(0, complete - 1) : complete) * SEG;
      assertAuthenticPrefix(plaintext, outcome.plaintext, maxReleased, "length " + len);
    }
  }

  @Test
  void droppingTheLastFullSegmentFails() throws Exception {
    byte[] plaintext = bytes(3 * SEG, 5); // exact multiple: the last segment is full
    byte[] ciphertext = encrypt(small, plaintext, AD);
    assertEquals(H + 3 * SEALED, ciphertext.length);
    Outcome outcome = readAll(small, Arrays.copyOf(ciphertext, H + 2 * SEALED), AD);
    assertFailedAuthentication(outcome, "dropped last segment");
    assertEquals(SEG, outcome.plaintext.length, "only segment 0 is authentic and released");
  }

  @Test
  void swappedDuplicatedOrMissingSegmentsFail() throws Exception {
    byte[] plaintext = bytes(3 * SEG + 10, 6);
    byte[] c = encrypt(small, plaintext, AD);
    byte[] s0 = Arrays.copyOfRange(c, H, H + SEALED);
    byte[] s1 = Arrays.copyOfRange(c, H + SEALED, H + 2 * SEALED);
    byte[] s2 = Arrays.copyOfRange(c, H + 2 * SEALED, H + 3 * SEALED);
    byte[] s3 = Arrays.copyOfRange(c, H + 3 * SEALED, c.length);
    byte[] header = Arrays.copyOf(c, H);

    Outcome swapped = readAll(small, AesGcmAeadTest.concat(header, s1, s0, s2, s3), AD);
    assertFailedAuthentication(swapped, "swapped 0 and 1");
    assertEquals(0, swapped.plaintext.length);

    Outcome swappedLater = readAll(small, AesGcmAeadTest.concat(header, s0, s2, s1, s3), AD);
    assertFailedAuthentication(swappedLater, "swapped 1 and 2");
    assertAuthenticPrefix(plaintext, swappedLater.plaintext, SEG, "swapped 1 and 2");

    assertFailedAuthentication(
        readAll(small, AesGcmAeadTest.concat(header, s0, s1, s1, s2, s3), AD), "duplicate");
    assertFailedAuthentication(
        readAll(small, AesGcmAeadTest.concat(header, s0, s2, s3), AD), "missing");
  }

  @ParameterizedTest(name = "{0} trailing bytes")
  @ValueSource(ints = {1, 15, 16, 17, SEALED, SEALED + 1})
  void trailingDataAfterTheLastSegmentFails(int extra) throws Exception {
    for (int size : new int[] {0, SEG - 1, SEG, 2 * SEG}) {
      byte[] plaintext = bytes(size, size);
      byte[] c = encrypt(small, plaintext, AD);
      Outcome outcome = readAll(small, AesGcmAeadTest.concat(c, bytes(extra, 77)), AD);
      assertFailedAuthentication(outcome, size + " + " + extra);
      assertTrue(
          outcome.plaintext.length < Math.max(1, size), "the real last segment is not released");
    }
  }

  @Test
  void appendingAnotherStreamsSegmentsFails() throws Exception {
    byte[] a = encrypt(small, bytes(SEG, 1), AD);
    byte[] b = encrypt(small, bytes(SEG, 2), AD);
    assertFailedAuthentication(
        readAll(small, AesGcmAeadTest.concat(a, Arrays.copyOfRange(b, H, b.length)), AD),
        "spliced");
  }

  @Test
  void wrongAssociatedDataFailsBeforeAnyPlaintext() throws Exception {
    byte[] c = encrypt(small, bytes(2 * SEG, 1), AD);
    Outcome outcome = readAll(small, c, AssociatedData.forContent(UUID.randomUUID()));
    assertFailedAuthentication(outcome, "other document version");
    assertEquals(0, outcome.plaintext.length);
  }

  @Test
  void unknownOrRewrittenKeyVersionFails() throws Exception {
    byte[] c = encrypt(small, bytes(100, 1), AD);
    byte[] unknown = c.clone();
    unknown[4] = 3;
    assertFailedAuthentication(readAll(small, unknown, AD), "unknown version");

    AesGcmHkdfStreaming sameKeyTwice =
        AesGcmHkdfStreaming.create(
            AeadKeyset.builder().add(1, dataKey(0x42)).add(2, dataKey(0x42)).primary(1).build(),
            SEG);
    byte[] rewritten = encrypt(sameKeyTwice, bytes(100, 1), AD);
    rewritten[4] = 2;
    assertFailedAuthentication(readAll(sameKeyTwice, rewritten, AD), "version rewritten");
  }

  @Test
  void wrongKeyOrSegmentSizeFails() throws Exception {
    byte[] c = encrypt(small, bytes(100, 1), AD);
    assertFailedAuthentication(
        readAll(AesGcmHkdfStreaming.create(AeadKeyset.of(1, dataKey(0x43)), SEG), c, AD),
        "other key");
    assertFailedAuthentication(
        readAll(AesGcmHkdfStreaming.create(keyset, 2 * SEG), c, AD), "other segment size");
  }

  @Test
  void failureIsStickyAndCarriesTheGenericCause() throws Exception {
    byte[] c = encrypt(small, bytes(100, 1), AD);
    c[c.length - 1] ^= 1;
    try (InputStream in = small.newDecryptingStream(new ByteArrayInputStream(c), AD)) {
      IOException first = assertThrows(IOException.class, in::read);
      IOException second = assertThrows(IOException.class, () -> in.read(new byte[10]));
      for (IOException e : new IOException[] {first, second}) {
        assertEquals("decryption failed", e.getMessage());
        assertInstanceOf(DecryptionFailedException.class, e.getCause());
      }
    }
  }

  @Test
  void ioErrorsOfTheSourcePropagateUnchanged() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }
        };
    InputStream in = small.newDecryptingStream(broken, AD);
    IOException e = assertThrows(IOException.class, in::read);
    assertEquals("disk on fire", e.getMessage());
  }

  // ---------------------------------------------------------------- writer behaviour

  @Test
  void closeIsIdempotentAndWritingAfterCloseFails() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = small.newEncryptingStream(sink, AD);
    out.write(1);
    out.close();
    int length = sink.size();
    out.close();
    assertEquals(length, sink.size());
    assertThrows(IOException.class, () -> out.write(2));
  }

  @Test
  void anUnclosedStreamDoesNotDecrypt() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = small.newEncryptingStream(sink, AD);
    out.write(bytes(3 * SEG, 1));
    out.flush();
    assertFailedAuthentication(readAll(small, sink.toByteArray(), AD), "never closed");
  }

  @Test
  void aFailedSinkLeavesNoValidlyTerminatedStream() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OutputStream failing =
        new OutputStream() {
          int writes;

          @Override
          public void write(int b) {
            captured.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (++writes == 3) {
              throw new IOException("sink full");
            }
            captured.write(b, off, len);
          }
        };
    OutputStream out = small.newEncryptingStream(failing, AD);
    assertThrows(IOException.class, () -> out.write(bytes(4 * SEG, 1)));
    out.close();
    assertFailedAuthentication(readAll(small, captured.toByteArray(), AD), "after sink failure");
  }

  @Test
  void rejectsSegmentSizesOutsideTheDocumentedRange() {
    assertThrows(IllegalArgumentException.class, () -> AesGcmHkdfStreaming.create(keyset, 4095));
    assertThrows(
        IllegalArgumentException.class, () -> AesGcmHkdfStreaming.create(keyset, (1 << 20) + 1));
    assertEquals(65_536 * (1L << 32), standard.maxPlaintextSize());
  }

  // ---------------------------------------------------------------- helpers

  static byte[] encrypt(StreamingAead s, byte[] plaintext, byte[] ad) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = s.newEncryptingStream(sink, ad)) {
      out.write(plaintext);
    }
    return sink.toByteArray();
  }

  static byte[] decrypt(StreamingAead s, byte[] ciphertext, byte[] ad) throws IOException {
    try (InputStream in = s.newDecryptingStream(new ByteArrayInputStream(ciphertext), ad)) {
      return in.readAllBytes();
    }
  }

  private record Outcome(byte[] plaintext, IOException failure, byte[] lastBuffer) {}

  private static Outcome readAll(StreamingAead s, byte[] ciphertext, byte[] ad) {
    return readAll(s, ciphertext, ad, 1000);
  }

  /** Reads until end or failure, keeping every byte the stream released and the read buffer. */
  private static Outcome readAll(StreamingAead s, byte[] ciphertext, byte[] ad, int bufferSize) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[bufferSize];
    try (InputStream in = s.newDecryptingStream(new ByteArrayInputStream(ciphertext), ad)) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        got.write(buf, 0, n);
      }
      return new Outcome(got.toByteArray(), null, buf);
    } catch (IOException e) {
      return new Outcome(got.toByteArray(), e, buf);
    }
  }

  private static void assertFailedAuthentication(Outcome outcome, String what) {
    assertNotNull(outcome.failure, what + ": expected failure");
    assertInstanceOf(DecryptionFailedException.class, outcome.failure.getCause(), what);
  }

  private static void assertAuthenticPrefix(
      byte[] plaintext, byte[] released, int maxLength, String what) {
    assertTrue(
        released.length <= maxLength, what + ": released " + released.length + " > " + maxLength);
    assertArrayEquals(Arrays.copyOf(plaintext, released.length), released, what);
  }
}
