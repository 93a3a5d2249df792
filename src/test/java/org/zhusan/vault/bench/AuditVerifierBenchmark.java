package org.zhusan.vault.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.Rfc9162Hasher;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.BinaryExportFormat;
import org.zhusan.vault.audit.verify.BinaryExportWriter;
import org.zhusan.vault.audit.verify.ExportWriter;
import org.zhusan.vault.audit.verify.OfflineLogVerifier;
import org.zhusan.vault.audit.verify.VerificationReport;

/**
 * Offline verifier throughput over an in-memory export of {@value #ENTRIES} entries (a signed
 * checkpoint every {@value #CHECKPOINT_EVERY} entries), in entries per second, in both export
 * formats — {@code verifyExport} (JSON Lines) and {@code verifyBinaryExport} ({@link
 * BinaryExportFormat}) — beside baselines measured in the same run on the same entries:
 *
 * <ul>
 *   <li>{@code hashAndTreeBaseline}: leaf hash of each pre-encoded entry appended to a compact
 *       range (the hashing any verifier of this tree must do, with no reading, checks or
 *       signatures);
 *   <li>{@code sha256Baseline}: SHA-256 of each entry's pre-encoded canonical bytes (the least any
 *       verifier must do);
 *   <li>{@code encodeAndHash}: canonical encoding plus leaf hash from in-memory entries (the
 *       verifier without JSON parsing, chain checks and signatures).
 * </ul>
 *
 * <p>On a shared machine wall-clock rates swing with the other load; {@link AuditVerifierCpuRate}
 * measures the same workloads in entries per CPU-second of the verifying thread.
 *
 * <p>Run: {@code mvn -o -q -Pbench test -Dbench.args="AuditVerifierBenchmark -f 1 -wi 2 -i 3 -w 2s
 * -r 3s"} (see {@code docs/audit-log.md} for the figures measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AuditVerifierBenchmark {

  static final int ENTRIES = 100_000;
  static final int CHECKPOINT_EVERY = 1_000;

  private String export;
  private byte[] binaryExport;
  private List<AuditEntry> entries;
  private byte[][] encoded;
  private CheckpointVerifier keys;

  @Setup(Level.Trial)
  public void buildExport() throws IOException {
    CheckpointSigner signer =
        new CheckpointSigner(new Ed25519PrivateKeyParameters(new SecureRandom()));
    keys = signer.verifier();
    entries = new ArrayList<>(ENTRIES);
    encoded = new byte[ENTRIES][];
    Random random = new Random(42);
    CompactRange range = MerkleTree.rfc9162().newCompactRange();
    byte[] previous = AuditEntry.genesisPreviousLeafHash();
    Instant time = Instant.parse("2025-11-25T08:00:00Z");
    StringWriter out = new StringWriter(ENTRIES * 512);
    ExportWriter writer = new ExportWriter(out);
    ByteArrayOutputStream binOut = new ByteArrayOutputStream(ENTRIES * 256);
    BinaryExportWriter binWriter = new BinaryExportWriter(binOut, "zhusan-vault/bench");
    for (int i = 0; i < ENTRIES; i++) {
      time = time.plusNanos(1_000L * (1 + random.nextInt(2_000_000)));
      AuditEntry entry =
          AuditEntry.builder()
              .sequence(i)
              .occurredAt(time)
              .userId("u-" + random.nextInt(400))
              .role(random.nextBoolean() ? "PSYCHOLOGIST" : "LAWYER")
              .centre(String.format("C%02d", 1 + random.nextInt(17)))
              .action("READ_VERSION")
              .targetType("VERSION")
              .targetId(Long.toHexString(random.nextLong()))
              .purpose("TREATMENT")
              .outcome(random.nextInt(10) == 0 ? "DENIED" : "ALLOWED")
              .rule("policy.psych-eval.read")
              .clientAddress("10.0." + random.nextInt(256) + "." + random.nextInt(256))
              .requestId("req-" + Long.toHexString(random.nextLong()))
              .previousLeafHash(previous)
              .build();
      entries.add(entry);
      encoded[i] = AuditEntryEncoding.encode(entry);
      writer.writeEntry(entry);
      binWriter.writeEntry(entry);
      previous = AuditEntryEncoding.leafHash(entry);
      range.append(previous);
      if ((i + 1) % CHECKPOINT_EVERY == 0) {
        SignedCheckpoint signed =
            signer.sign(new Checkpoint("zhusan-vault/bench", i + 1, range.rootHash(), time));
        writer.writeCheckpoint(signed);
        binWriter.writeCheckpoint(signed);
      }
    }
    export = out.toString();
    binaryExport = binOut.toByteArray();
    for (VerificationReport report : List.of(verifyExport(), verifyBinaryExport())) {
      if (!report.ok() || report.entriesChecked() != ENTRIES) {
        throw new IllegalStateException("benchmark export does not verify: " + report.summary());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public VerificationReport verifyBinaryExport() throws IOException {
    return new OfflineLogVerifier(keys).verifyBinary(new ByteArrayInputStream(binaryExport));
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public byte[] hashAndTreeBaseline() {
    Rfc9162Hasher hasher = Rfc9162Hasher.sha256();
    CompactRange range = MerkleTree.rfc9162().newCompactRange();
    for (byte[] bytes : encoded) {
      range.append(hasher.hashLeaf(bytes));
    }
    return range.rootHash();
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public VerificationReport verifyExport() throws IOException {
    return new OfflineLogVerifier(keys).verify(new StringReader(export));
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public int encodeAndHash() {
    int acc = 0;
    for (AuditEntry entry : entries) {
      acc += AuditEntryEncoding.leafHash(entry)[0];
    }
    return acc;
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public int sha256Baseline() throws NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    int acc = 0;
    for (byte[] bytes : encoded) {
      sha256.update((byte) 0);
      sha256.update(bytes);
      acc += sha256.digest()[0];
    }
    return acc;
  }
}
