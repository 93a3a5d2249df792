package org.zhusan.vault.audit.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two witnesses in process following one log: they co-sign it while it grows, and refuse it, each
 * of them, once its owner truncates, rewrites or forks it, so that the 2-of-2 policy fails and
 * names the missing cosignatures.
 */
class WitnessTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final TestLog log = TestLog.withSeed(1);
  private final List<WitnessState> saved = new ArrayList<>();
  private final Witness w1 = witness("witness.example/w1", 11);
  private final Witness w2 = witness("witness.example/w2", 12);
  private final WitnessPolicy twoOfTwo =
      new WitnessPolicy(List.of(w1.cosignerKey(), w2.cosignerKey()), 2);

  private Witness witness(String name, int seed) {
    byte[] key = new byte[32];
    key[0] = (byte) seed;
    return new Witness(
        TestLog.ORIGIN,
        log.noteKey(),
        NoteSigner.fromSeed(name, key),
        WitnessState.initial(),
        saved::add,
        CLOCK);
  }

  /** Pushes the log's current checkpoint to both witnesses from their size, as the vault would. */
  private SignedNote pushToBoth(TestLog which) {
    SignedNote note = which.note();
    for (Witness witness : List.of(w1, w2)) {
      long from = witness.state().size();
      List<byte[]> proof = from <= which.size() ? which.proof(from) : List.of();
      WitnessResult result = witness.addCheckpoint(from, proof, note);
      if (result instanceof WitnessResult.Cosigned cosigned) {
        note = note.withSignatures(cosigned.cosignatures());
      }
    }
    return note;
  }

  private void growAndCosign() {
    for (int grow : new int[] {3, 2, 3, 5, 1}) {
      log.append(grow);
      SignedNote note = pushToBoth(log);
      assertTrue(twoOfTwo.check(note).satisfied(), twoOfTwo.check(note).summary());
      assertEquals(log.size(), w1.state().size());
      assertEquals(log.size(), w2.state().size());
    }
  }

  @Test
  void twoWitnessesCosignAGrowingLogAndTheTwoOfTwoPolicyAccepts() {
    growAndCosign();
    SignedNote note = log.note();
    note =
        note.withSignatures(
            ((WitnessResult.Cosigned) w1.addCheckpoint(log.size(), List.of(), note))
                .cosignatures());
    note =
        note.withSignatures(
            ((WitnessResult.Cosigned) w2.addCheckpoint(log.size(), List.of(), note))
                .cosignatures());
    WitnessPolicy.Verdict verdict = twoOfTwo.check(SignedNote.parse(note.format()));
    assertTrue(verdict.satisfied());
    assertEquals(List.of(w1.cosignerKey(), w2.cosignerKey()), verdict.cosigned());
    assertEquals(List.of(), verdict.missing());
    assertTrue(note.isSignedBy(log.noteKey()));
  }

  @Test
  void eachNewStateIsSavedBeforeTheCosignatureIsReturned() {
    log.append(4);
    SignedNote note = log.note();
    WitnessResult result = w1.addCheckpoint(0, List.of(), note);
    assertInstanceOf(WitnessResult.Cosigned.class, result);
    assertEquals(1, saved.size());
    assertEquals(4, saved.get(0).size());
    assertTrue(saved.get(0).note().orElseThrow().isSignedBy(w1.cosignerKey()));
  }

  @Test
  void aWitnessThatCannotSaveDoesNotCosignAndKeepsItsState() {
    WitnessStore broken =
        state -> {
          throw new IOException("disk full");
        };
    Witness witness =
        new Witness(
            TestLog.ORIGIN,
            log.noteKey(),
            NoteSigner.fromSeed("w", new byte[32]),
            WitnessState.initial(),
            broken,
            CLOCK);
    log.append(2);
    assertThrows(UncheckedIOException.class, () -> witness.addCheckpoint(0, List.of(), log.note()));
    assertEquals(0, witness.state().size());
  }

  @Test
  void aTruncatedLogIsRefusedByEveryWitness() {
    growAndCosign();
    TestLog truncated = log.truncate(6);
    SignedNote note = truncated.note();
    for (Witness witness : List.of(w1, w2)) {
      // Claiming the witness's size: the new checkpoint is smaller, a rollback.
      WitnessResult fromKnown = witness.addCheckpoint(log.size(), List.of(), note);
      assertEquals(400, fromKnown.httpStatus());
      // Claiming a smaller old size: the witness answers with the size it is at.
      WitnessResult fromSmaller = witness.addCheckpoint(6, List.of(), note);
      assertEquals(
          new WitnessResult.Conflict(log.size(), "").knownSize(),
          ((WitnessResult.Conflict) fromSmaller).knownSize());
      WitnessResult fromZero = witness.addCheckpoint(0, truncated.proof(0), note);
      assertEquals(409, fromZero.httpStatus());
    }
    WitnessPolicy.Verdict verdict = twoOfTwo.check(pushToBoth(truncated));
    assertFalse(verdict.satisfied());
    assertEquals(List.of(w1.cosignerKey(), w2.cosignerKey()), verdict.missing());
    assertTrue(verdict.summary().contains("missing: witness.example/w1, witness.example/w2"));
  }

  @Test
  void aTruncatedAndRegrownLogIsRefusedAsInconsistent() {
    growAndCosign();
    TestLog regrown = log.truncate(6).append((int) log.size() - 6 + 3).rewrite(6);
    for (Witness witness : List.of(w1, w2)) {
      long from = witness.state().size();
      WitnessResult result = witness.addCheckpoint(from, regrown.proof(from), regrown.note());
      assertEquals(422, result.httpStatus());
      assertEquals(WitnessResult.Refusal.INCONSISTENT, ((WitnessResult.Refused) result).refusal());
    }
    assertFalse(twoOfTwo.check(pushToBoth(regrown)).satisfied());
  }

  @Test
  void theSameSizeWithAnotherRootIsRefused() {
    growAndCosign();
    TestLog rewritten = log.rewrite((int) log.size() - 1);
    SignedNote note = rewritten.note();
    for (Witness witness : List.of(w1, w2)) {
      WitnessResult result = witness.addCheckpoint(log.size(), List.of(), note);
      assertEquals(409, result.httpStatus());
      assertEquals(log.size(), ((WitnessResult.Conflict) result).knownSize());
    }
    WitnessPolicy.Verdict verdict = twoOfTwo.check(pushToBoth(rewritten));
    assertFalse(verdict.satisfied());
    assertEquals(2, verdict.missing().size());
  }

  @Test
  void aForkedLogIsRefusedByEveryWitness() {
    growAndCosign();
    TestLog fork = log.rewrite(3).append(4);
    for (Witness witness : List.of(w1, w2)) {
      long from = witness.state().size();
      WitnessResult result = witness.addCheckpoint(from, fork.proof(from), fork.note());
      assertEquals(422, result.httpStatus());
    }
    WitnessPolicy.Verdict verdict = twoOfTwo.check(pushToBoth(fork));
    assertFalse(verdict.satisfied());
    assertEquals(List.of(w1.cosignerKey(), w2.cosignerKey()), verdict.missing());
    // The honest log still gets its cosignatures afterwards.
    log.append(4);
    assertTrue(twoOfTwo.check(pushToBoth(log)).satisfied());
  }

  @Test
  void aWitnessNeverCosignsTwoRootsForOneSize() {
    log.append(5);
    TestLog fork = log.rewrite(2);
    assertInstanceOf(WitnessResult.Cosigned.class, w1.addCheckpoint(0, List.of(), log.note()));
    assertEquals(409, w1.addCheckpoint(0, List.of(), fork.note()).httpStatus());
    assertEquals(409, w1.addCheckpoint(5, List.of(), fork.note()).httpStatus());
    assertInstanceOf(WitnessResult.Cosigned.class, w1.addCheckpoint(5, List.of(), log.note()));
  }

  @Test
  void aCheckpointNotSignedByTheLogIsRefused() {
    TestLog impostor = TestLog.withSeed(2).append(3);
    WitnessResult result = w1.addCheckpoint(0, List.of(), impostor.note());
    assertEquals(403, result.httpStatus());
    assertEquals(0, w1.state().size());
  }

  @Test
  void aBrokenLogSignatureIsRefusedEvenBesideAGoodOne() {
    log.append(3);
    SignedNote note = log.note();
    NoteSignature good = note.signatures().get(0);
    byte[] bytes = good.signature();
    bytes[0] ^= 1;
    SignedNote tampered =
        note.withSignatures(List.of(new NoteSignature(good.name(), good.keyId(), bytes)));
    assertEquals(403, w1.addCheckpoint(0, List.of(), tampered).httpStatus());
  }

  @Test
  void aCheckpointOfAnotherLogIsUnknown() {
    NoteSigner other = NoteSigner.fromSeed("other.example/log", new byte[32]);
    String text = "other.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";
    WitnessResult result = w1.addCheckpoint(0, List.of(), SignedNote.of(text, other.sign(text)));
    assertEquals(404, result.httpStatus());
  }

  @Test
  void aNoteThatIsNotACheckpointIsMalformed() {
    String text = "hello\n";
    NoteSignature signature = NoteSigner.fromSeed("x", new byte[32]).sign(text);
    WitnessResult result = w1.addCheckpoint(0, List.of(), SignedNote.of(text, signature));
    assertEquals(400, result.httpStatus());
  }

  @Test
  void theStoredStateHasTheCosignedNote() {
    log.append(3);
    w1.addCheckpoint(0, List.of(), log.note());
    WitnessState state = w1.state();
    assertEquals(state, WitnessState.parse(state.format()));
    assertTrue(state.note().orElseThrow().isSignedBy(log.noteKey()));
    assertTrue(state.note().orElseThrow().isSignedBy(w1.cosignerKey()));
  }

  @Test
  void aPolicyListsEachWitnessKeyOnceAndNeedsASensibleK() {
    NoteVerifierKey a = w1.cosignerKey();
    NoteVerifierKey sameKeyOtherName = NoteVerifierKey.cosigner("alias", a.publicKey());
    assertThrows(
        IllegalArgumentException.class, () -> new WitnessPolicy(List.of(a, sameKeyOtherName), 1));
    assertThrows(IllegalArgumentException.class, () -> new WitnessPolicy(List.of(a), 0));
    assertThrows(IllegalArgumentException.class, () -> new WitnessPolicy(List.of(a), 2));
    assertThrows(
        IllegalArgumentException.class, () -> new WitnessPolicy(List.of(log.noteKey()), 1));
  }

  @Test
  void oneOfTwoIsEnoughForAOneOfTwoPolicy() {
    log.append(3);
    SignedNote note = log.note();
    note =
        note.withSignatures(
            ((WitnessResult.Cosigned) w1.addCheckpoint(0, List.of(), note)).cosignatures());
    WitnessPolicy.Verdict verdict =
        WitnessPolicy.check(note, List.of(w1.cosignerKey(), w2.cosignerKey()), 1);
    assertTrue(verdict.satisfied());
    assertEquals(List.of(w2.cosignerKey()), verdict.missing());
    assertFalse(twoOfTwo.check(note).satisfied());
  }
}
