package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Instant;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {

  private static final Path REPO = Path.of(System.getProperty("vault.repo.root", "."));

  private final CheckpointSigner signer =
      new CheckpointSigner(new Ed25519PrivateKeyParameters(new SecureRandom()));
  private final Checkpoint checkpoint =
      new Checkpoint(
          "zhusan-vault/audit-log/v1",
          8,
          Rfc6962TestVectors.ROOTS.get(7),
          Instant.parse("2025-11-25T06:36:00Z"));

  @Test
  void signatureRoundTrips() {
    SignedCheckpoint signed = signer.sign(checkpoint);
    assertTrue(signer.verifier().verify(signed));
  }

  @Test
  void tamperedCheckpointFails() {
    SignedCheckpoint signed = signer.sign(checkpoint);
    CheckpointVerifier verifier = signer.verifier();
    assertFalse(
        verifier.verify(
            new SignedCheckpoint(
                new Checkpoint(
                    checkpoint.origin(), 7, checkpoint.rootHash(), checkpoint.timestamp()),
                signed.signature())));
    assertFalse(
        verifier.verify(
            new SignedCheckpoint(
                new Checkpoint(
                    checkpoint.origin(),
                    8,
                    Rfc6962TestVectors.ROOTS.get(6),
                    checkpoint.timestamp()),
                signed.signature())));
    assertFalse(
        verifier.verify(
            new SignedCheckpoint(
                new Checkpoint("other-log", 8, checkpoint.rootHash(), checkpoint.timestamp()),
                signed.signature())));
    assertFalse(
        verifier.verify(
            new SignedCheckpoint(
                new Checkpoint(
                    checkpoint.origin(),
                    8,
                    checkpoint.rootHash(),
                    checkpoint.timestamp().plusSeconds(1)),
                signed.signature())));
  }

  @Test
  void everyFlippedSignatureBitFails() {
    SignedCheckpoint signed = signer.sign(checkpoint);
    for (int i = 0; i < 64 * 8; i++) {
      byte[] signature = signed.signature();
      signature[i / 8] ^= (byte) (1 << (i % 8));
      assertFalse(
          signer.verifier().verify(new SignedCheckpoint(checkpoint, signature)), "bit " + i);
    }
  }

  @Test
  void otherKeyFails() {
    SignedCheckpoint signed = signer.sign(checkpoint);
    CheckpointSigner other =
        new CheckpointSigner(new Ed25519PrivateKeyParameters(new SecureRandom()));
    assertFalse(other.verifier().verify(signed));
  }

  @Test
  void developmentKeyPairLoadsFromPemAndMatches() throws Exception {
    CheckpointSigner dev =
        CheckpointSigner.fromPkcs8PemFile(REPO.resolve("keys-example/audit-signing-ed25519.pem"));
    CheckpointVerifier devVerifier =
        CheckpointVerifier.fromPublicKeyPemFile(
            REPO.resolve("keys-example/audit-signing-ed25519.pub.pem"));
    assertArrayEquals(dev.verifier().publicKey(), devVerifier.publicKey());
    assertTrue(devVerifier.verify(dev.sign(checkpoint)));
  }

  @Test
  void rejectsKeysThatAreNotEd25519() {
    // A throwaway P-256 key (openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8
    // -nocrypt).
    String p256 =
        "-----BEGIN PRIVATE KEY-----\n"
            + "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmkdPv6dDTxe1F0KR\n"
            + "xJofiy5Y6EQOt+6qmLAq9i1cfhihRANCAASKQJZFADiR7bHP9HEkUITBN7VgF/Nl\n"
            + "4Ws8ylwWsro1LseQq6wY+BOuMtHkVPrd9S5qsx5Mzptwqjw16DALZ2f0\n"
            + "-----END PRIVATE KEY-----\n";
    assertThrows(
        InvalidKeyException.class, () -> CheckpointSigner.fromPkcs8Pem(new StringReader(p256)));
    assertThrows(
        InvalidKeyException.class, () -> CheckpointSigner.fromPkcs8Pem(new StringReader("")));
    String publicPem =
        "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEAfDGJu95eAS2enIqCgwzVfAGFeLqQKQS3pXzsaelshiY=\n"
            + "-----END PUBLIC KEY-----\n";
    // A public key where a private one is expected, and the other way round.
    assertThrows(
        InvalidKeyException.class,
        () -> CheckpointSigner.fromPkcs8Pem(new StringReader(publicPem)));
    assertThrows(
        InvalidKeyException.class,
        () -> CheckpointVerifier.fromPublicKeyPem(new StringReader(p256)));
  }

  @Test
  void signsDetachedMessagesAsTheyAre() {
    byte[] message = "example/statement/v1\n{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] signature = signer.signDetached(message);
    assertEquals(64, signature.length);
    Ed25519Signer check = new Ed25519Signer();
    check.init(false, new Ed25519PublicKeyParameters(signer.verifier().publicKey()));
    check.update(message, 0, message.length);
    assertTrue(check.verifySignature(signature));
    // A detached signature over a checkpoint's body is a checkpoint signature: hence callers
    // must domain-separate what they sign.
    assertTrue(
        signer
            .verifier()
            .verify(new SignedCheckpoint(checkpoint, signer.signDetached(checkpoint.bodyBytes()))));
  }

  @Test
  void keyIdIsTheFirstSixteenHexDigitsOfTheSha256OfThePublicKey() throws Exception {
    CheckpointSigner dev =
        CheckpointSigner.fromPkcs8PemFile(REPO.resolve("keys-example/audit-signing-ed25519.pem"));
    // openssl pkey -pubin -in keys-example/audit-signing-ed25519.pub.pem -outform DER \
    //   | tail -c 32 | sha256sum | cut -c1-16
    assertEquals("511dd38bc22ae9a9", dev.keyId());
    assertTrue(signer.keyId().matches("[0-9a-f]{16}"));
  }

  @Test
  void signerDoesNotPrintThePrivateKey() {
    assertFalse(signer.toString().contains("Private"));
  }
}
