package org.zhusan.vault.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.zhusan.vault.crypto.Aead;
import org.zhusan.vault.crypto.AeadKeyset;
import org.zhusan.vault.crypto.AesGcmAead;
import org.zhusan.vault.crypto.AesGcmHkdfStreaming;
import org.zhusan.vault.crypto.AssociatedData;
import org.zhusan.vault.crypto.DataKey;

/**
 * Single-threaded throughput of the vault's crypto core.
 *
 * <ul>
 *   <li>{@code fieldEncryptDecrypt}: one encrypt plus one decrypt of a 40-byte field (ops/s).
 *   <li>{@code streamEncrypt16MiB} / {@code streamDecrypt16MiB}: the streaming AEAD over a 16 MiB
 *       buffer, to and from in-memory streams (ops/s × 16 = MiB/s); {@code
 *       streamEncrypt16MiBToDiscardingSink} without the sink's copy.
 *   <li>{@code rawGcmEncrypt16MiB} / {@code rawGcmDecrypt16MiB}: the baseline, the bare JDK {@code
 *       AES/GCM/NoPadding} over the same buffer in 64 KiB chunks, one {@code init} + {@code
 *       doFinal} per chunk with a fresh nonce. Goal: streaming at least 0.8× raw.
 * </ul>
 *
 * See {@code docs/crypto.md} for how to run it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {
  private static final int BUFFER = 16 * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;
  private static final int TAG = 16;
  private static final OutputStream DISCARD =
      new OutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
      };

  private Aead aead;
  private byte[] field;
  private byte[] fieldAd;

  private AesGcmHkdfStreaming streaming;
  private byte[] contentAd;
  private byte[] plaintext;
  private byte[] streamCiphertext;
  private ReusableSink sink;
  private byte[] readBuffer;

  private Cipher rawCipher;
  private SecretKeySpec rawKey;
  private byte[] rawCiphertext;
  private byte[] rawOut;
  private long rawNonceCounter;

  @Setup
  public void setUp() throws Exception {
    AeadKeyset keyset = AeadKeyset.of(1, DataKey.generate());
    aead = AesGcmAead.create(keyset);
    field =
        Arrays.copyOf(
            "Aliya Nurova, b. 1994-02-15, Almaty oblys".getBytes(StandardCharsets.UTF_8), 40);
    fieldAd = AssociatedData.forField("subject", "full_name", UUID.randomUUID());

    streaming = AesGcmHkdfStreaming.create(keyset);
    contentAd = AssociatedData.forContent(UUID.randomUUID());
    plaintext = new byte[BUFFER];
    new Random(1).nextBytes(plaintext);
    sink = new ReusableSink((int) streaming.ciphertextSize(BUFFER));
    try (OutputStream out = streaming.newEncryptingStream(sink, contentAd)) {
      out.write(plaintext);
    }
    streamCiphertext = sink.toByteArray();
    readBuffer = new byte[CHUNK];

    byte[] rawKeyBytes = new byte[32];
    new Random(2).nextBytes(rawKeyBytes);
    rawKey = new SecretKeySpec(rawKeyBytes, "AES");
    rawCipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
    rawOut = new byte[BUFFER + (BUFFER / CHUNK) * TAG];
    rawCiphertext = new byte[rawOut.length];
    for (int i = 0, out = 0; i < BUFFER; i += CHUNK) {
      rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce(i / CHUNK)));
      out += rawCipher.doFinal(plaintext, i, CHUNK, rawCiphertext, out);
    }
  }

  @Benchmark
  public byte[] fieldEncryptDecrypt() throws GeneralSecurityException {
    return aead.decrypt(aead.encrypt(field, fieldAd), fieldAd);
  }

  @Benchmark
  public int streamEncrypt16MiB() throws IOException {
    sink.reset();
    try (OutputStream out = streaming.newEncryptingStream(sink, contentAd)) {
      out.write(plaintext);
    }
    return sink.size();
  }

  /**
   * Same as {@link #streamEncrypt16MiB} into a sink that discards: isolates the cost of the copy
   * that any {@code OutputStream} sink makes (the raw baseline writes straight into its output
   * array).
   */
  @Benchmark
  public int streamEncrypt16MiBToDiscardingSink() throws IOException {
    try (OutputStream out = streaming.newEncryptingStream(DISCARD, contentAd)) {
      out.write(plaintext);
    }
    return 0;
  }

  @Benchmark
  public long streamDecrypt16MiB(Blackhole bh) throws IOException {
    long total = 0;
    try (InputStream in =
        streaming.newDecryptingStream(new ByteArrayInputStream(streamCiphertext), contentAd)) {
      int n;
      while ((n = in.read(readBuffer)) >= 0) {
        total += n;
        bh.consume(readBuffer);
      }
    }
    return total;
  }

  @Benchmark
  public int rawGcmEncrypt16MiB() throws GeneralSecurityException {
    int out = 0;
    for (int i = 0; i < BUFFER; i += CHUNK) {
      // A fresh nonce per chunk (a counter: the JDK refuses to reuse a key and nonce pair).
      rawCipher.init(
          Cipher.ENCRYPT_MODE,
          rawKey,
          new GCMParameterSpec(128, nonce((1L << 40) + ++rawNonceCounter)));
      out += rawCipher.doFinal(plaintext, i, CHUNK, rawOut, out);
    }
    return out;
  }

  @Benchmark
  public int rawGcmDecrypt16MiB() throws GeneralSecurityException {
    int out = 0;
    for (int i = 0, in = 0; i < BUFFER; i += CHUNK, in += CHUNK + TAG) {
      rawCipher.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce(i / CHUNK)));
      out += rawCipher.doFinal(rawCiphertext, in, CHUNK + TAG, rawOut, out);
    }
    return out;
  }

  private static byte[] nonce(long n) {
    byte[] nonce = new byte[12];
    for (int i = 0; i < 8; i++) {
      nonce[11 - i] = (byte) (n >>> (8 * i));
    }
    return nonce;
  }

  /** An in-memory sink whose buffer survives {@code reset()}, so no benchmark pays for growth. */
  private static final class ReusableSink extends ByteArrayOutputStream {
    ReusableSink(int capacity) {
      super(capacity);
    }
  }
}
