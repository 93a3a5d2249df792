package org.zhusan.vault.audit.witness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "At least k of these n witnesses co-signed": the trust policy a reader of checkpoints applies.
 * One witness can be coerced or wrong; a checkpoint that k independent witnesses co-signed lies on
 * the one history each of them has seen grow, so a log cannot show a truncated or forked history to
 * a reader without k witnesses being in on it.
 *
 * <p>Witnesses are counted by public key, not by name: a {@code cosignature/v1} does not commit to
 * the witness's name, so one key listed under two names would count twice. The constructor refuses
 * such a list. The log's own signature is not checked here (check it first, e.g. with {@link
 * SignedNote#check} and the log's key); nor is a cosignature's timestamp compared with the clock.
 *
 * <p>Immutable.
 *
 * @param witnesses the n trusted witnesses' cosigner keys (type 0x04), distinct public keys
 * @param required k, with {@code 1 <= k <= n}
 */
public record WitnessPolicy(List<NoteVerifierKey> witnesses, int required) {

  /** Checks the list (cosigner keys, distinct public keys) and {@code 1 <= k <= n}. */
  public WitnessPolicy {
    witnesses = List.copyOf(witnesses);
    Set<String> keys = new HashSet<>();
    for (NoteVerifierKey witness : witnesses) {
      if (witness.type() != NoteKeyType.COSIGNATURE_V1) {
        throw new IllegalArgumentException(witness.name() + " is not a cosigner (type 0x04) key");
      }
      if (!keys.add(HexFormat.of().formatHex(witness.publicKey()))) {
        throw new IllegalArgumentException(
            "the same witness key is listed twice (" + witness.name() + ")");
      }
    }
    if (required < 1 || required > witnesses.size()) {
      throw new IllegalArgumentException(
          "need 1 <= k <= n, got k=" + required + " of n=" + witnesses.size());
    }
  }

  /** Checks {@code note} against "k of {@code witnesses}". */
  public static Verdict check(SignedNote note, List<NoteVerifierKey> witnesses, int required) {
    return new WitnessPolicy(witnesses, required).check(note);
  }

  /** Checks which listed witnesses validly co-signed {@code note}. */
  public Verdict check(SignedNote note) {
    Objects.requireNonNull(note, "note is required.");
    List<NoteVerifierKey> cosigned = new ArrayList<>();
    List<NoteVerifierKey> missing = new ArrayList<>();
    List<NoteVerifierKey> invalid = new ArrayList<>();
    for (NoteVerifierKey witness : witnesses) {
      switch (note.check(witness)) {
        case VALID -> cosigned.add(witness);
        case INVALID -> {
          missing.add(witness);
          invalid.add(witness);
        }
        case ABSENT -> missing.add(witness);
      }
    }
    return new Verdict(cosigned.size() >= required, required, cosigned, missing, invalid);
  }

  /**
   * The outcome of a {@link #check}.
   *
   * @param satisfied whether at least {@code required} listed witnesses co-signed
   * @param required k
   * @param cosigned the witnesses whose valid cosignature is on the note
   * @param missing the others (no cosignature, or an invalid one)
   * @param invalid those of {@code missing} whose cosignature line is there but does not verify
   */
  public record Verdict(
      boolean satisfied,
      int required,
      List<NoteVerifierKey> cosigned,
      List<NoteVerifierKey> missing,
      List<NoteVerifierKey> invalid) {

    /** Copies the lists. */
    public Verdict {
      cosigned = List.copyOf(cosigned);
      missing = List.copyOf(missing);
      invalid = List.copyOf(invalid);
    }

    /** One line naming who co-signed and who did not. */
    public String summary() {
      return (satisfied ? "OK" : "NOT ENOUGH")
          + ": "
          + cosigned.size()
          + " of "
          + required
          + " required witness cosignature(s); co-signed: "
          + names(cosigned)
          + "; missing: "
          + names(missing)
          + (invalid.isEmpty() ? "" : "; invalid: " + names(invalid));
    }

    private static String names(List<NoteVerifierKey> keys) {
      return keys.isEmpty()
          ? "none"
          : String.join(", ", keys.stream().map(NoteVerifierKey::name).toList());
    }
  }
}
