package org.zhusan.vault.audit.witness;

import java.util.List;
import java.util.Objects;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.ExportFormat;
import org.zhusan.vault.audit.verify.ExportLine;

/**
 * The vault's checkpoints as C2SP notes: the log signs under a key named after its origin (as
 * tlog-checkpoint recommends), with type 0x01 over the {@linkplain C2spCheckpoint#of C2SP text},
 * which is byte for byte the old {@link Checkpoint#body()}. Hence {@link #toNote} turns any old
 * {@link SignedCheckpoint} into a note without the private key, and {@link #read} accepts both the
 * note and the old export line.
 *
 * <p>Stateless.
 */
public final class C2spCheckpoints {

  private C2spCheckpoints() {}

  /**
   * The note verifier key of the log: named {@code origin}, type 0x01, the log's public key. Its
   * {@link NoteVerifierKey#format()} is what witnesses are configured with.
   *
   * @throws IllegalArgumentException if {@code origin} is not a valid key name (it contains a space
   *     or {@code +})
   */
  public static NoteVerifierKey logKey(String origin, CheckpointVerifier logPublicKey) {
    Objects.requireNonNull(logPublicKey, "logPublicKey is required.");
    return NoteVerifierKey.ed25519(origin, logPublicKey.publicKey());
  }

  /** Signs {@code checkpoint} and returns its C2SP note (one signature: the log's). */
  public static SignedNote sign(Checkpoint checkpoint, CheckpointSigner signer) {
    Objects.requireNonNull(signer, "signer is required.");
    return toNote(signer.sign(checkpoint), signer.verifier());
  }

  /**
   * The C2SP note of an already signed checkpoint, reusing its signature.
   *
   * @throws IllegalArgumentException if the signature does not verify with {@code logPublicKey} (so
   *     no note is made that no one could check)
   */
  public static SignedNote toNote(SignedCheckpoint signed, CheckpointVerifier logPublicKey) {
    Objects.requireNonNull(signed, "signed is required.");
    Objects.requireNonNull(logPublicKey, "logPublicKey is required.");
    if (!logPublicKey.verify(signed)) {
      throw new IllegalArgumentException("the checkpoint's signature does not verify");
    }
    Checkpoint checkpoint = signed.checkpoint();
    NoteVerifierKey key = logKey(checkpoint.origin(), logPublicKey);
    String text = C2spCheckpoint.of(checkpoint).text();
    return SignedNote.of(text, new NoteSignature(key.name(), key.keyId(), signed.signature()));
  }

  /**
   * Reads a checkpoint given either as a C2SP note or in the old format (one export checkpoint
   * line, JSON, as {@code verify-log --checkpoint} takes it). The result still has to be checked
   * with {@link CheckpointVerifier#verify}, as with {@link ExportFormat#parseLine}; cosignatures on
   * a note are dropped (check them with a {@link WitnessPolicy} first).
   *
   * @throws IllegalArgumentException if the text is neither, or a note has no signature line by the
   *     log's key
   */
  public static SignedCheckpoint read(String text, CheckpointVerifier logPublicKey) {
    Objects.requireNonNull(text, "text is required.");
    Objects.requireNonNull(logPublicKey, "logPublicKey is required.");
    if (text.strip().startsWith("{")) {
      ExportLine line = ExportFormat.parseLine(text.strip());
      if (!(line instanceof ExportLine.CheckpointLine checkpoint)) {
        throw new IllegalArgumentException("an export entry line, not a checkpoint");
      }
      return checkpoint.checkpoint();
    }
    SignedNote note = SignedNote.parse(text);
    Checkpoint checkpoint = C2spCheckpoint.parse(note.text()).toCheckpoint();
    List<NoteSignature> byLog =
        note.signaturesBy(logKey(checkpoint.origin(), logPublicKey)).stream()
            .filter(s -> s.signature().length == SignedCheckpoint.SIGNATURE_SIZE)
            .toList();
    if (byLog.isEmpty()) {
      throw new IllegalArgumentException("the note has no signature by the log's key");
    }
    return new SignedCheckpoint(checkpoint, byLog.get(0).signature());
  }
}
