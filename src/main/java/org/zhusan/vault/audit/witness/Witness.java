package org.zhusan.vault.audit.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.zhusan.vault.audit.tree.InvalidProofException;
import org.zhusan.vault.audit.tree.ProofVerifier;

/**
 * A witness for one log (c2sp.org/tlog-witness): it co-signs a checkpoint only if the log signed it
 * and it provably extends the last checkpoint the witness co-signed, so the cosignatures it hands
 * out all lie on one append-only history. A log that rolls back (drops its tail), rewrites entries
 * or shows different histories to different parties cannot get that witness's cosignature for more
 * than one of them.
 *
 * <p>{@link #addCheckpoint} checks, in the order the spec gives (first failure wins):
 *
 * <ol>
 *   <li>the request is well formed and the note's text is a checkpoint ({@code 400});
 *   <li>its origin is this witness's log ({@code 404});
 *   <li>the log's key signed it ({@code 403}; other signatures are ignored);
 *   <li>{@code oldSize <= size} ({@code 400}: a smaller checkpoint is a rollback);
 *   <li>{@code oldSize} is the stored size ({@code 409} with the stored size);
 *   <li>at the stored size, the root is the stored root ({@code 409}: a fork at that size);
 *   <li>the consistency proof from the stored (size, root) to the new one verifies with the RFC
 *       9162 {@link ProofVerifier} ({@code 422});
 * </ol>
 *
 * <p>then saves the new state to its {@link WitnessStore} <em>before</em> returning the
 * cosignature. The check and the save happen under one lock, so two concurrent requests cannot roll
 * the state back (the race the spec describes). Co-signing the stored checkpoint again (same size
 * and root) is allowed and yields a fresh timestamp.
 *
 * <p>Thread-safe.
 */
public final class Witness {

  /** Most consistency proof lines a request may carry (the spec's limit). */
  public static final int MAX_PROOF_HASHES = 63;

  private final String origin;
  private final NoteVerifierKey logKey;
  private final NoteSigner key;
  private final WitnessStore store;
  private final Clock clock;
  private WitnessState state;

  /**
   * Creates a witness.
   *
   * @param origin the origin line of the log it follows
   * @param logKey the log's note verifier key (type 0x01)
   * @param key the witness's own key; its {@link NoteSigner#cosignerKey()} is what users trust
   * @param state the state loaded from {@code store} ({@link WitnessState#initial()} the first
   *     time)
   * @param store where each new state is saved before a cosignature is returned
   * @param clock the cosignatures' time
   */
  public Witness(
      String origin,
      NoteVerifierKey logKey,
      NoteSigner key,
      WitnessState state,
      WitnessStore store,
      Clock clock) {
    this.origin = Objects.requireNonNull(origin, "origin is required.");
    this.logKey = Objects.requireNonNull(logKey, "logKey is required.");
    if (logKey.type() != NoteKeyType.ED25519) {
      throw new IllegalArgumentException("the log's key must be a plain Ed25519 note key");
    }
    this.key = Objects.requireNonNull(key, "key is required.");
    this.state = Objects.requireNonNull(state, "state is required.");
    this.store = Objects.requireNonNull(store, "store is required.");
    this.clock = Objects.requireNonNull(clock, "clock is required.");
    state.note().ifPresent(this::checkStoredNote);
  }

  /** The witness's cosigner verifier key (type 0x04). */
  public NoteVerifierKey cosignerKey() {
    return key.cosignerKey();
  }

  /** The log this witness follows. */
  public String origin() {
    return origin;
  }

  /** The latest co-signed state. */
  public synchronized WitnessState state() {
    return state;
  }

  /** {@link #addCheckpoint(long, List, SignedNote)} for a parsed request. */
  public WitnessResult addCheckpoint(WitnessRequest request) {
    return addCheckpoint(request.oldSize(), request.consistencyProof(), request.checkpoint());
  }

  /**
   * Handles one add-checkpoint request; see the type for the checks.
   *
   * @param oldSize the size the client believes the witness is at
   * @param consistencyProof RFC 9162 consistency proof from {@code oldSize} to the note's size
   * @param note the log's signed checkpoint note (may carry other signatures)
   * @throws UncheckedIOException if the new state cannot be saved (nothing is co-signed then)
   */
  public synchronized WitnessResult addCheckpoint(
      long oldSize, List<byte[]> consistencyProof, SignedNote note) {
    Objects.requireNonNull(consistencyProof, "consistencyProof is required.");
    Objects.requireNonNull(note, "note is required.");
    C2spCheckpoint checkpoint;
    try {
      checkpoint = C2spCheckpoint.parse(note.text());
    } catch (IllegalArgumentException e) {
      return refuse(WitnessResult.Refusal.MALFORMED, "not a checkpoint: " + e.getMessage());
    }
    if (oldSize < 0 || consistencyProof.size() > MAX_PROOF_HASHES) {
      return refuse(WitnessResult.Refusal.MALFORMED, "bad old size or too long a proof");
    }
    if (!checkpoint.origin().equals(origin)) {
      return refuse(WitnessResult.Refusal.UNKNOWN_ORIGIN, "unknown log");
    }
    if (note.check(logKey) != SignedNote.Check.VALID) {
      return refuse(WitnessResult.Refusal.BAD_SIGNATURE, "no valid signature by the log's key");
    }
    if (oldSize > checkpoint.size()) {
      return refuse(
          WitnessResult.Refusal.MALFORMED,
          "old size " + oldSize + " is larger than the checkpoint's " + checkpoint.size());
    }
    if (oldSize != state.size()) {
      return new WitnessResult.Conflict(
          state.size(), "old size " + oldSize + " but the witness is at " + state.size());
    }
    if (checkpoint.size() == state.size()
        && !Arrays.equals(checkpoint.rootHash(), state.rootHash())) {
      return new WitnessResult.Conflict(
          state.size(), "another root for size " + state.size() + ": the log forked");
    }
    try {
      ProofVerifier.rfc9162()
          .verifyConsistency(
              state.size(),
              checkpoint.size(),
              state.rootHash(),
              checkpoint.rootHash(),
              consistencyProof);
    } catch (InvalidProofException | IllegalArgumentException e) {
      return refuse(
          WitnessResult.Refusal.INCONSISTENT,
          "checkpoint "
              + checkpoint.size()
              + " does not extend "
              + state.size()
              + ": "
              + e.getMessage());
    }
    NoteSignature cosignature = key.cosign(note.text(), clock.instant().getEpochSecond());
    WitnessState next = WitnessState.cosigned(note.withSignatures(List.of(cosignature)));
    try {
      store.save(next);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the witness state; not co-signing", e);
    }
    state = next;
    return new WitnessResult.Cosigned(List.of(cosignature));
  }

  private static WitnessResult refuse(WitnessResult.Refusal refusal, String reason) {
    return new WitnessResult.Refused(refusal, reason);
  }

  private void checkStoredNote(SignedNote note) {
    if (!C2spCheckpoint.parse(note.text()).origin().equals(origin)) {
      throw new IllegalArgumentException("the stored state is for another log");
    }
  }

  @Override
  public String toString() {
    return "Witness[" + key.cosignerKey() + " for " + origin + "]";
  }
}
