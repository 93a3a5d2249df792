package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.verify.BinaryExportWriter;
import org.zhusan.vault.audit.verify.ExportFormat;
import org.zhusan.vault.audit.verify.ExportLine;
import org.zhusan.vault.audit.verify.ExportWriter;
import org.zhusan.vault.audit.witness.C2spCheckpoints;
import picocli.CommandLine;

class VerifyLogCommandTest {

  private static final Path REPO = Path.of(System.getProperty("vault.repo.root", "."));
  private static final Path PUBLIC_KEY = REPO.resolve("keys-example/audit-signing-ed25519.pub.pem");

  @TempDir static Path dir;
  private static Path export;
  private static Path binary;
  private static String lastCheckpointLine;

  @BeforeAll
  static void writeExportSignedWithTheDevelopmentKey() throws Exception {
    CheckpointSigner signer =
        CheckpointSigner.fromPkcs8PemFile(REPO.resolve("keys-example/audit-signing-ed25519.pem"));
    export = dir.resolve("export.jsonl");
    binary = dir.resolve("export.bin");
    CompactRange range = MerkleTree.rfc9162().newCompactRange();
    byte[] previous = AuditEntry.genesisPreviousLeafHash();
    Random random = new Random(7);
    try (var out = Files.newBufferedWriter(export, StandardCharsets.UTF_8);
        var binOut = new BufferedOutputStream(Files.newOutputStream(binary))) {
      ExportWriter writer = new ExportWriter(out);
      BinaryExportWriter binWriter = new BinaryExportWriter(binOut, "zhusan-vault/dev");
      for (int i = 0; i < 50; i++) {
        AuditEntry entry =
            AuditEntry.builder()
                .sequence(i)
                .occurredAt(Instant.parse("2025-11-25T10:00:00Z").plusSeconds(i))
                .userId("u-" + random.nextInt(9))
                .role("SOCIAL_WORKER")
                .centre("C03")
                .action("READ_DOCUMENT")
                .targetType("DOCUMENT")
                .targetId("d-" + i)
                .purpose("ASSESSMENT")
                .outcome("ALLOWED")
                .previousLeafHash(previous)
                .build();
        writer.writeEntry(entry);
        binWriter.writeEntry(entry);
        previous = AuditEntryEncoding.leafHash(entry);
        range.append(previous);
        if ((i + 1) % 20 == 0 || i == 49) {
          var signed =
              signer.sign(
                  new Checkpoint(
                      "zhusan-vault/dev",
                      i + 1,
                      range.rootHash(),
                      Instant.parse("2025-11-25T11:00:00Z")));
          writer.writeCheckpoint(signed);
          binWriter.writeCheckpoint(signed);
          lastCheckpointLine = ExportFormat.checkpointLine(signed);
        }
      }
    }
  }

  @Test
  void exitsZeroWhenTheExportVerifies() {
    Run run = run("--export", export.toString(), "--public-key", PUBLIC_KEY.toString());
    assertEquals(0, run.code, run.out + run.err);
    assertTrue(run.out.startsWith("OK: 50 entries verified"), run.out);
  }

  @Test
  void exitsOneAndNamesTheProblemWhenTampered() throws Exception {
    Path tampered = dir.resolve("tampered.jsonl");
    Files.writeString(tampered, Files.readString(export).replace("\"d-17\"", "\"d-71\""));
    Run run = run("--export", tampered.toString(), "--public-key", PUBLIC_KEY.toString());
    assertEquals(1, run.code);
    assertTrue(run.out.contains("ENTRY_ALTERED: entry 17 was altered"), run.out);
  }

  @Test
  void readsABinaryExportRecognisedByItsMagicBytes() {
    Run run = run("--export", binary.toString(), "--public-key", PUBLIC_KEY.toString());
    assertEquals(0, run.code, run.out + run.err);
    assertTrue(run.out.startsWith("OK: 50 entries verified"), run.out);
  }

  @Test
  void namesTheAlteredEntryOfABinaryExportByRecord() throws Exception {
    byte[] bytes = Files.readAllBytes(binary);
    byte[] needle = "d-17".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(bytes, needle);
    bytes[at + 3] = '8'; // d-17 -> d-18
    Path tampered = dir.resolve("tampered.bin");
    Files.write(tampered, bytes);
    Run run = run("--export", tampered.toString(), "--public-key", PUBLIC_KEY.toString());
    assertEquals(1, run.code);
    assertTrue(run.out.contains("record 19: ENTRY_ALTERED: entry 17 was altered"), run.out);
  }

  @Test
  void refusesABinaryExportCutInsideARecord() throws Exception {
    byte[] bytes = Files.readAllBytes(binary);
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    Run run = run("--export", cut.toString(), "--public-key", PUBLIC_KEY.toString());
    assertEquals(1, run.code);
    assertTrue(run.out.contains("MALFORMED_LINE: record 53 is not a valid export record"), run.out);
    assertTrue(run.out.contains("record 53 is truncated"), run.out);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }

  @Test
  void trustedCheckpointDetectsACutTail() throws Exception {
    // Cut right after the checkpoint for size 40: on its own, that looks like a shorter log.
    String text = Files.readString(export);
    Path cut = dir.resolve("cut.jsonl");
    Files.writeString(cut, text.substring(0, text.indexOf('\n', text.indexOf("\"size\":40")) + 1));
    Path trusted = dir.resolve("trusted.json");
    Files.writeString(trusted, lastCheckpointLine + "\n");
    assertEquals(0, run("--export", cut.toString(), "--public-key", PUBLIC_KEY.toString()).code);
    Run run =
        run(
            "--export",
            cut.toString(),
            "--public-key",
            PUBLIC_KEY.toString(),
            "--checkpoint",
            trusted.toString());
    assertEquals(1, run.code);
    assertTrue(run.out.contains("TRUNCATED"), run.out);
  }

  @Test
  void aTrustedCheckpointNoteDetectsACutTailToo() throws Exception {
    String text = Files.readString(export);
    Path cut = dir.resolve("cut-for-note.jsonl");
    Files.writeString(cut, text.substring(0, text.indexOf('\n', text.indexOf("\"size\":40")) + 1));
    CheckpointVerifier key = CheckpointVerifier.fromPublicKeyPemFile(PUBLIC_KEY);
    var line = (ExportLine.CheckpointLine) ExportFormat.parseLine(lastCheckpointLine);
    Path note = dir.resolve("trusted.note");
    Files.writeString(note, C2spCheckpoints.toNote(line.checkpoint(), key).format());
    Run run =
        run(
            "--export",
            cut.toString(),
            "--public-key",
            PUBLIC_KEY.toString(),
            "--checkpoint",
            note.toString());
    assertEquals(1, run.code, run.out + run.err);
    assertTrue(run.out.contains("TRUNCATED"), run.out);
    assertEquals(
        0,
        run(
                "--export",
                export.toString(),
                "--public-key",
                PUBLIC_KEY.toString(),
                "--checkpoint",
                note.toString())
            .code);
  }

  @Test
  void aWitnessPolicyNeedsKOfTheListedCosignatures() throws Exception {
    CheckpointVerifier key = CheckpointVerifier.fromPublicKeyPemFile(PUBLIC_KEY);
    var line = (ExportLine.CheckpointLine) ExportFormat.parseLine(lastCheckpointLine);
    var note = C2spCheckpoints.toNote(line.checkpoint(), key);
    byte[] seed1 = new byte[32];
    byte[] seed2 = new byte[32];
    seed2[0] = 2;
    var w1 = org.zhusan.vault.audit.witness.NoteSigner.fromSeed("w1.example/w", seed1);
    var w2 = org.zhusan.vault.audit.witness.NoteSigner.fromSeed("w2.example/w", seed2);
    Path oneCosigned = dir.resolve("one-cosigned.note");
    Files.writeString(
        oneCosigned, note.withSignatures(List.of(w1.cosign(note.text(), 1_764_000_000L))).format());
    String[] base = {
      "--export",
      export.toString(),
      "--public-key",
      PUBLIC_KEY.toString(),
      "--checkpoint",
      oneCosigned.toString(),
      "--witness-key",
      w1.cosignerKey().format(),
      "--witness-key",
      w2.cosignerKey().format()
    };
    Run both = run(base);
    assertEquals(1, both.code, both.out + both.err);
    assertTrue(both.out.contains("missing: w2.example/w"), both.out);
    List<String> oneOfTwo = new java.util.ArrayList<>(List.of(base));
    oneOfTwo.addAll(List.of("--witness-threshold", "1"));
    Run one = run(oneOfTwo.toArray(String[]::new));
    assertEquals(0, one.code, one.out + one.err);
    Run noNote =
        run(
            "--export",
            export.toString(),
            "--public-key",
            PUBLIC_KEY.toString(),
            "--witness-key",
            w1.cosignerKey().format());
    assertEquals(1, noNote.code);
    assertTrue(noNote.err.contains("--checkpoint"), noNote.err);
  }

  @Test
  void exitsOneWhenTheKeyCannotBeRead() {
    Run run =
        run("--export", export.toString(), "--public-key", dir.resolve("missing.pem").toString());
    assertEquals(1, run.code);
    assertTrue(run.err.startsWith("verify-log: "), run.err);
  }

  @Test
  void exitsTwoOnUsageError() {
    assertEquals(2, run("--export", export.toString()).code);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VerifyLogCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
