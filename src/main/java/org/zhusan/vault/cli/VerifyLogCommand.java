package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.OfflineLogVerifier;
import org.zhusan.vault.audit.verify.VerificationReport;
import org.zhusan.vault.audit.witness.C2spCheckpoints;
import org.zhusan.vault.audit.witness.NoteVerifierKey;
import org.zhusan.vault.audit.witness.SignedNote;
import org.zhusan.vault.audit.witness.WitnessPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify-log}: the auditor's offline check of an access-log export against the log's public
 * key. A standalone picocli command; the vault's top-level CLI registers it as a subcommand.
 *
 * <p>Reads either export format: a file starting with the binary export's magic bytes is read as
 * {@code BinaryExportFormat} (eight to nine times faster to verify), anything else as JSON Lines.
 *
 * <p>Prints a one-line verdict to standard output (on failure, the first problem with the entry or
 * checkpoint it names) and exits 0 when the export verifies, 1 when it does not or cannot be read,
 * 2 on a command-line error (picocli's usage exit code). Runs entirely offline; needs no database.
 *
 * <p>Not thread-safe (picocli injects the options into the instance); create one per run.
 */
@Command(
    name = "verify-log",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies an access-log export offline: entry sequence, hash chain, Merkle roots and the"
          + " Ed25519 signatures of its checkpoints.",
      "Names the first entry or checkpoint that was altered, removed, inserted, reordered or cut"
          + " off."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the export verifies",
      "1:a problem was found, or an input could not be read",
      "2:invalid command line"
    })
public final class VerifyLogCommand implements Callable<Integer> {

  /** Largest trusted-checkpoint file read (it holds one line). */
  private static final long MAX_CHECKPOINT_FILE_BYTES = 64 * 1024;

  @Spec private CommandSpec spec;

  @Option(
      names = "--export",
      required = true,
      paramLabel = "FILE",
      description =
          "The export to verify: JSON Lines (UTF-8, format=jsonl) or binary (format=bin),"
              + " told apart by the binary magic bytes \"ZVLOGBIN\".")
  private Path export;

  @Option(
      names = "--public-key",
      required = true,
      paramLabel = "FILE",
      description = "The log's Ed25519 public key (PEM, -----BEGIN PUBLIC KEY-----).")
  private Path publicKey;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "Optional: a checkpoint kept from an earlier export (its JSON line) or received from a"
              + " witness (a C2SP checkpoint note); the export must extend it (this detects a tail"
              + " cut off together with its checkpoints).")
  private Path trustedCheckpoint;

  @Option(
      names = "--witness-key",
      paramLabel = "KEY",
      description =
          "Repeatable: a trusted witness's verifier key (<name>+<key ID>+<base64>, as witness"
              + " --print-key prints it). Requires --checkpoint to be a C2SP note (GET"
              + " /api/audit/published/checkpoint.note) co-signed by --witness-threshold of them.")
  private List<String> witnessKeys = new ArrayList<>();

  @Option(
      names = "--witness-threshold",
      paramLabel = "K",
      description = "How many of the --witness-key witnesses must have co-signed (default: all).")
  private Integer witnessThreshold;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerificationReport report;
    try {
      CheckpointVerifier key = CheckpointVerifier.fromPublicKeyPemFile(publicKey);
      OfflineLogVerifier verifier = new OfflineLogVerifier(key);
      if (witnessThreshold != null && witnessKeys.isEmpty()) {
        throw new IllegalArgumentException("--witness-threshold needs --witness-key");
      }
      if (!witnessKeys.isEmpty()) {
        witnesses = witnessVerdict(key);
      }
      if (trustedCheckpoint != null) {
        verifier = verifier.withTrustedCheckpoint(readTrustedCheckpoint(trustedCheckpoint, key));
      }
      report = verifier.verify(export);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      err.println("verify-log: " + e.getMessage());
      err.flush();
      return 1;
    }
    out.println(report.summary());
    if (witnesses != null) {
      out.println(
          (witnesses.satisfied() ? "" : "FAILED: ")
              + "checkpoint of size "
              + witnessedSize
              + ", witnesses: "
              + witnesses.summary());
    }
    out.flush();
    return report.ok() && (witnesses == null || witnesses.satisfied()) ? 0 : 1;
  }

  private WitnessPolicy.Verdict witnesses;
  private long witnessedSize;

  /** Checks the k-of-n witness policy on the --checkpoint note (its log signature too). */
  private WitnessPolicy.Verdict witnessVerdict(CheckpointVerifier key) throws IOException {
    if (trustedCheckpoint == null) {
      throw new IllegalArgumentException(
          "--witness-key needs --checkpoint: the C2SP note with the witnesses' cosignatures");
    }
    List<NoteVerifierKey> keys = new ArrayList<>();
    for (String k : witnessKeys) {
      try {
        keys.add(NoteVerifierKey.parse(k.strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--witness-key " + k + ": " + e.getMessage(), e);
      }
    }
    int k = witnessThreshold == null ? keys.size() : witnessThreshold;
    if (Files.size(trustedCheckpoint) > MAX_CHECKPOINT_FILE_BYTES) {
      throw new IllegalArgumentException(trustedCheckpoint + " is too large for a checkpoint");
    }
    String text = Files.readString(trustedCheckpoint, StandardCharsets.UTF_8);
    SignedNote note;
    try {
      note = SignedNote.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          trustedCheckpoint
              + " is not a C2SP checkpoint note (needed for --witness-key): "
              + e.getMessage(),
          e);
    }
    SignedCheckpoint signed = readTrustedCheckpoint(trustedCheckpoint, key);
    if (!key.verify(signed)) {
      throw new IllegalArgumentException(
          trustedCheckpoint + ": the log's signature on the checkpoint does not verify");
    }
    witnessedSize = signed.checkpoint().size();
    return WitnessPolicy.check(note, keys, k);
  }

  /** Reads an export checkpoint line or a C2SP checkpoint note (cosignatures are not checked). */
  private static SignedCheckpoint readTrustedCheckpoint(Path file, CheckpointVerifier key)
      throws IOException {
    if (Files.size(file) > MAX_CHECKPOINT_FILE_BYTES) {
      throw new IllegalArgumentException(file + " is too large for a checkpoint");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return C2spCheckpoints.read(text, key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not a checkpoint: " + e.getMessage(), e);
    }
  }
}
