package org.zhusan.vault.audit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.Rfc9162Hasher;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.ExportFormat;

class C2spCheckpointsTest {

  /** RFC 8032 §7.1 TEST 1 secret key: a fixed key, and Ed25519 is deterministic. */
  private static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  private static final String ORIGIN = "zhusan-vault/audit-log/v1";
  private static final Instant TIME = Instant.parse("2025-11-25T06:40:00.123456Z");

  /** The expected note, pinned: a change to any byte of the format shows here. */
  private static final String EXPECTED =
      "zhusan-vault/audit-log/v1\n"
          + "3\n"
          + "rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n"
          + "2025-11-25T06:40:00.123456Z\n"
          + "\n"
          + "— zhusan-vault/audit-log/v1"
          + " rz8z6L9tBKG+HwJEz8dGR0+UYypK8ANw8G17C/Q0XPvfpKfb38Q8c3R34pqdMzLhPYOIbamU+LHlHOMrI4Rv4KkfcAU=\n";

  private final CheckpointSigner signer =
      new CheckpointSigner(new Ed25519PrivateKeyParameters(SEED, 0));

  /** The RFC 6962 test-vector leaves "", 0x00, 0x10, hashed without the tree code. */
  private static byte[] rootOfThreeByHand() throws Exception {
    byte[] l0 = sha256(new byte[] {0x00});
    byte[] l1 = sha256(new byte[] {0x00, 0x00});
    byte[] l2 = sha256(new byte[] {0x00, 0x10});
    return sha256(concat(new byte[] {0x01}, sha256(concat(new byte[] {0x01}, l0, l1)), l2));
  }

  @Test
  void theNoteOfAThreeLeafTreeIsTheOneComputedByHand() throws Exception {
    byte[] root = rootOfThreeByHand();
    assertEquals(
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        HexFormat.of().formatHex(root));
    assertArrayEquals(
        root,
        MerkleTree.rfc9162()
            .rootHash(
                List.of(
                    Rfc9162Hasher.sha256().hashLeaf(new byte[0]),
                    Rfc9162Hasher.sha256().hashLeaf(new byte[] {0x00}),
                    Rfc9162Hasher.sha256().hashLeaf(new byte[] {0x10}))));

    String text = ORIGIN + "\n3\n" + Base64.getEncoder().encodeToString(root) + "\n" + TIME + "\n";
    byte[] publicKey = new Ed25519PrivateKeyParameters(SEED, 0).generatePublicKey().getEncoded();
    byte[] keyId =
        sha256(
            concat((ORIGIN + "\n").getBytes(StandardCharsets.UTF_8), new byte[] {0x01}, publicKey));
    Ed25519Signer ed25519 = new Ed25519Signer();
    ed25519.init(true, new Ed25519PrivateKeyParameters(SEED, 0));
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    ed25519.update(message, 0, message.length);
    byte[] signature = ed25519.generateSignature();
    String byHand =
        text
            + "\n— "
            + ORIGIN
            + " "
            + Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(68).put(keyId, 0, 4).put(signature).array())
            + "\n";

    SignedNote note = C2spCheckpoints.sign(new Checkpoint(ORIGIN, 3, root, TIME), signer);

    assertEquals(byHand, note.format());
    assertEquals(EXPECTED, note.format());
  }

  @Test
  void standardToolingReadsOriginSizeAndRootFromTheFirstThreeLines() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, new byte[32], TIME);
    String text = C2spCheckpoints.sign(checkpoint, signer).text();
    String[] lines = text.split("\n");
    assertEquals(ORIGIN, lines[0]);
    assertEquals("8", lines[1]);
    assertEquals(Base64.getEncoder().encodeToString(new byte[32]), lines[2]);
    assertEquals(checkpoint.body(), text);
  }

  @Test
  void theNotesSignatureIsTheOldCheckpointSignature() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, new byte[32], TIME);
    SignedCheckpoint old = signer.sign(checkpoint);
    SignedNote note = C2spCheckpoints.toNote(old, signer.verifier());
    assertEquals(C2spCheckpoints.sign(checkpoint, signer), note);
    assertArrayEquals(old.signature(), note.signatures().get(0).signature());
    assertTrue(note.isSignedBy(C2spCheckpoints.logKey(ORIGIN, signer.verifier())));
  }

  @Test
  void aForgedOldCheckpointIsNotTurnedIntoANote() {
    SignedCheckpoint forged =
        new SignedCheckpoint(new Checkpoint(ORIGIN, 8, new byte[32], TIME), new byte[64]);
    assertThrows(
        IllegalArgumentException.class, () -> C2spCheckpoints.toNote(forged, signer.verifier()));
  }

  @Test
  void readAcceptsTheNoteAndTheOldExportLine() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, new byte[32], TIME);
    SignedCheckpoint old = signer.sign(checkpoint);
    String note = C2spCheckpoints.sign(checkpoint, signer).format();
    assertEquals(old, C2spCheckpoints.read(note, signer.verifier()));
    assertEquals(old, C2spCheckpoints.read(ExportFormat.checkpointLine(old), signer.verifier()));
    assertEquals(
        old, C2spCheckpoints.read(ExportFormat.checkpointLine(old) + "\n", signer.verifier()));
    assertTrue(signer.verifier().verify(C2spCheckpoints.read(note, signer.verifier())));
  }

  @Test
  void readKeepsTheLogSignatureWhenWitnessesCosigned() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, new byte[32], TIME);
    SignedNote note = C2spCheckpoints.sign(checkpoint, signer);
    NoteSigner witness = NoteSigner.fromSeed("witness.example/w1", new byte[32]);
    SignedNote cosigned = note.withSignatures(List.of(witness.cosign(note.text(), 1_764_052_800L)));
    assertEquals(
        signer.sign(checkpoint), C2spCheckpoints.read(cosigned.format(), signer.verifier()));
  }

  @Test
  void readRefusesANoteWithoutTheLogsSignature() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, new byte[32], TIME);
    CheckpointSigner other = new CheckpointSigner(new Ed25519PrivateKeyParameters(new byte[32], 0));
    String note = C2spCheckpoints.sign(checkpoint, other).format();
    assertThrows(
        IllegalArgumentException.class, () -> C2spCheckpoints.read(note, signer.verifier()));
  }

  @Test
  void aCheckpointWithoutTheTimestampLineIsC2spButNotAVaultCheckpoint() {
    String text =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    C2spCheckpoint checkpoint = C2spCheckpoint.parse(text);
    assertEquals("example.com/behind-the-sofa", checkpoint.origin());
    assertEquals(20852163, checkpoint.size());
    assertEquals(text, checkpoint.text());
    assertThrows(IllegalArgumentException.class, checkpoint::toCheckpoint);
  }

  @Test
  void theC2spTextConvertsBackToTheVaultCheckpoint() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, new byte[32], TIME);
    assertEquals(checkpoint, C2spCheckpoint.parse(checkpoint.body()).toCheckpoint());
  }

  @Test
  void malformedCheckpointTextsAreRefused() {
    String root = Base64.getEncoder().encodeToString(new byte[32]);
    List<String> bad =
        List.of(
            "",
            "log\n8\n",
            "log\n8\n" + root,
            "log\n08\n" + root + "\n",
            "log\n-8\n" + root + "\n",
            "log\n8\n" + root.substring(0, 40) + "\n",
            "log\n8\n" + root.replace("=", "") + "\n",
            "log\n8\n" + root + "\n\nextension\n",
            "\n8\n" + root + "\n",
            "log\n8\n" + root + "\nbad\u0007extension\n");
    for (String text : bad) {
      assertThrows(IllegalArgumentException.class, () -> C2spCheckpoint.parse(text), text);
    }
  }

  @Test
  void anOriginThatCannotBeAKeyNameCannotBeSignedAsANote() {
    Checkpoint checkpoint = new Checkpoint("my log", 8, new byte[32], TIME);
    assertThrows(IllegalArgumentException.class, () -> C2spCheckpoints.sign(checkpoint, signer));
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuffer out =
        ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
    for (byte[] part : parts) {
      out.put(part);
    }
    return out.array();
  }
}
