package org.zhusan.vault.audit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

class CosignatureTest {

  private static final String CHECKPOINT =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  private static final byte[] SEED = new byte[32];

  private final NoteSigner witness = NoteSigner.fromSeed("witness.example.com/w1", SEED);

  @Test
  void theSignedMessageIsHeaderTimeThenTheCheckpoint() {
    assertEquals(
        "cosignature/v1\ntime 1679315147\n" + CHECKPOINT,
        new String(Cosignature.signedMessage(CHECKPOINT, 1679315147L), StandardCharsets.UTF_8));
  }

  @Test
  void aCosignatureIsKeyIdTimestampAndTheEd25519SignatureOfTheMessage() throws Exception {
    NoteSignature cosignature = Cosignature.create(witness, CHECKPOINT, 1679315147L);

    byte[] publicKey = new Ed25519PrivateKeyParameters(SEED, 0).generatePublicKey().getEncoded();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("witness.example.com/w1\n".getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0x04);
    byte[] keyId = Arrays.copyOf(sha256.digest(publicKey), 4);
    Ed25519Signer ed25519 = new Ed25519Signer();
    ed25519.init(true, new Ed25519PrivateKeyParameters(SEED, 0));
    byte[] message =
        ("cosignature/v1\ntime 1679315147\n" + CHECKPOINT).getBytes(StandardCharsets.UTF_8);
    ed25519.update(message, 0, message.length);

    assertEquals(ByteBuffer.wrap(keyId).getInt(), cosignature.keyId());
    assertArrayEquals(
        ByteBuffer.allocate(72).putLong(1679315147L).put(ed25519.generateSignature()).array(),
        cosignature.signature());
    assertEquals(1679315147L, Cosignature.timestamp(cosignature));
  }

  @Test
  void theCosignerKeyIdDiffersFromThePlainNoteKeyId() {
    assertNotEquals(witness.verifierKey().keyId(), witness.cosignerKey().keyId());
    assertTrue(witness.cosignerKey().format().startsWith("witness.example.com/w1+"));
    assertEquals(witness.cosignerKey(), NoteVerifierKey.parse(witness.cosignerKey().format()));
  }

  @Test
  void aCosignatureVerifiesOnlyForItsCheckpointAndKey() {
    NoteSignature cosignature = Cosignature.create(witness, CHECKPOINT, 1679315147L);
    assertTrue(Cosignature.verify(witness.cosignerKey(), CHECKPOINT, cosignature));
    assertFalse(
        Cosignature.verify(witness.cosignerKey(), CHECKPOINT.replace("163", "164"), cosignature));
    assertFalse(Cosignature.verify(witness.verifierKey(), CHECKPOINT, cosignature));
    NoteSigner other =
        NoteSigner.fromSeed(
            "witness.example.com/w1",
            new byte[] {
              1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
              0, 0, 0
            });
    assertFalse(Cosignature.verify(other.cosignerKey(), CHECKPOINT, cosignature));
  }

  @Test
  void aChangedTimestampBreaksTheCosignature() {
    NoteSignature cosignature = Cosignature.create(witness, CHECKPOINT, 1679315147L);
    byte[] bytes = cosignature.signature();
    bytes[7]++;
    NoteSignature changed = new NoteSignature(cosignature.name(), cosignature.keyId(), bytes);
    assertFalse(Cosignature.verify(witness.cosignerKey(), CHECKPOINT, changed));
  }

  @Test
  void aPlainNoteSignatureIsNotACosignature() {
    NoteSignature plain = witness.sign(CHECKPOINT);
    assertFalse(Cosignature.verify(witness.cosignerKey(), CHECKPOINT, plain));
    assertThrows(IllegalArgumentException.class, () -> Cosignature.timestamp(plain));
  }

  @Test
  void aCosignatureRidesOnTheLogsNoteAndIsIgnoredByTheLogKey() {
    NoteSigner log =
        NoteSigner.fromSeed(
            "example.com/behind-the-sofa",
            new byte[] {
              2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
              0, 0, 0
            });
    SignedNote note =
        SignedNote.of(CHECKPOINT, log.sign(CHECKPOINT))
            .withSignatures(java.util.List.of(witness.cosign(CHECKPOINT, 1)));
    SignedNote parsed = SignedNote.parse(note.format());
    assertEquals(SignedNote.Check.VALID, parsed.check(log.verifierKey()));
    assertEquals(SignedNote.Check.VALID, parsed.check(witness.cosignerKey()));
    assertEquals(SignedNote.Check.ABSENT, parsed.check(witness.verifierKey()));
  }
}
