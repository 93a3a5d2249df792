package org.zhusan.vault.records.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.records.certificate.CertificateVerifier.Result;
import org.zhusan.vault.records.certificate.CertificateVerifier.Status;

class CertificateVerifierTest {

  private static final Path REPO = Path.of(System.getProperty("vault.repo.root", "."));

  private final Ed25519PrivateKeyParameters key = CertificateFixtures.newKey();
  private final Ed25519PublicKeyParameters publicKey = key.generatePublicKey();
  private final DestructionCertificate certificate = CertificateFixtures.threeVersions();
  private final byte[] file = CertificateFixtures.signedFile(certificate, key);

  @Test
  void acceptsASignedCertificate() {
    Result result = CertificateVerifier.verify(file, publicKey);
    assertEquals(Status.VALID, result.status(), result.reason());
    assertTrue(result.valid());
    assertEquals(certificate, result.certificate());
    assertEquals(CertificateVerifier.keyId(publicKey), result.keyId());
  }

  @Test
  void failsWhenAnySingleByteChanges() {
    for (int flip : new int[] {0x01, 0x20, 0x80}) {
      for (int i = 0; i < file.length; i++) {
        byte[] changed = file.clone();
        changed[i] ^= (byte) flip;
        Result result = CertificateVerifier.verify(changed, publicKey);
        assertFalse(result.valid(), "byte " + i + " xor " + flip + " still verifies");
        assertNull(result.certificate());
      }
    }
  }

  @Test
  void failsWhenAByteIsInsertedOrRemoved() {
    for (int i = 0; i <= file.length; i += 7) {
      byte[] inserted = new byte[file.length + 1];
      System.arraycopy(file, 0, inserted, 0, i);
      inserted[i] = ' ';
      System.arraycopy(file, i, inserted, i + 1, file.length - i);
      assertFalse(CertificateVerifier.verify(inserted, publicKey).valid(), "space at " + i);
    }
    for (int i = 0; i < file.length; i += 5) {
      byte[] removed = new byte[file.length - 1];
      System.arraycopy(file, 0, removed, 0, i);
      System.arraycopy(file, i + 1, removed, i, file.length - i - 1);
      assertFalse(CertificateVerifier.verify(removed, publicKey).valid(), "removed " + i);
    }
  }

  @Test
  void namesWhitespaceAndEscapingChangesAsNotCanonical() {
    String text = new String(file, StandardCharsets.UTF_8);
    for (String changed :
        new String[] {
          text.replaceFirst(",", ", "),
          text + "\n",
          text.substring(0, text.length() - 1),
          text.replace("\n", "\r\n"),
          text.replace("Әлия", "\\u04d8лия"),
          text.replace("\"versionCount\":3", "\"versionCount\":3.0"),
          " " + text,
        }) {
      Result result =
          CertificateVerifier.verify(changed.getBytes(StandardCharsets.UTF_8), publicKey);
      assertEquals(Status.NOT_CANONICAL_JSON, result.status(), changed);
    }
  }

  @Test
  void failsWithAnotherKeyAsKeyIdMismatch() {
    Ed25519PublicKeyParameters other = CertificateFixtures.newKey().generatePublicKey();
    Result result = CertificateVerifier.verify(file, other);
    assertEquals(Status.KEY_ID_MISMATCH, result.status());
    assertTrue(result.reason().contains(CertificateVerifier.keyId(publicKey)), result.reason());
  }

  @Test
  void failsWhenSignedByAnotherKeyClaimingThisKeysId() {
    byte[] body = CertificateJson.body(certificate);
    byte[] forged =
        CertificateJson.signedFile(
            body,
            CertificateFixtures.sign(
                CertificateJson.signedMessage(body), CertificateFixtures.newKey()),
            CertificateVerifier.keyId(publicKey));
    assertEquals(Status.BAD_SIGNATURE, CertificateVerifier.verify(forged, publicKey).status());
  }

  @Test
  void failsWhenTheSignatureCoversTheBodyWithoutTheDomainPrefix() {
    byte[] body = CertificateJson.body(certificate);
    byte[] undomained =
        CertificateJson.signedFile(
            body, CertificateFixtures.sign(body, key), CertificateVerifier.keyId(publicKey));
    assertEquals(Status.BAD_SIGNATURE, CertificateVerifier.verify(undomained, publicKey).status());
  }

  @Test
  void failsWithoutASignature() {
    byte[] unsigned = CertificateJson.withNewline(CertificateJson.body(certificate));
    assertEquals(
        Status.MISSING_SIGNATURE, CertificateVerifier.verify(unsigned, publicKey).status());
  }

  @Test
  void failsOnAnUnknownFormatEvenWhenSigned() {
    JsonObject body =
        Json.createObjectBuilder(CertificateJson.parseObject(CertificateJson.body(certificate)))
            .add("format", "zhusan-vault/destruction-certificate/v2")
            .build();
    byte[] signed = signRaw(body);
    assertEquals(Status.UNKNOWN_FORMAT, CertificateVerifier.verify(signed, publicKey).status());
  }

  @Test
  void failsOnAMalformedSignatureMember() {
    String text = new String(file, StandardCharsets.UTF_8);
    String value = CertificateJson.signature(file).value();
    // 64 bytes in base64 end in one character carrying 2 padding bits; setting them decodes
    // to the same bytes with Java's decoder, so the verifier insists on the canonical encoding.
    char last = value.charAt(85);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char sloppy = alphabet.charAt(alphabet.indexOf(last) | 1);
    String paddingBitsSet = value.substring(0, 85) + sloppy + "==";
    assertTrue(
        Arrays.equals(
            Base64.getDecoder().decode(value), Base64.getDecoder().decode(paddingBitsSet)));
    assertEquals(
        Status.MALFORMED_SIGNATURE,
        CertificateVerifier.verify(
                text.replace(value, paddingBitsSet).getBytes(StandardCharsets.UTF_8), publicKey)
            .status());
    assertEquals(
        Status.MALFORMED_SIGNATURE,
        CertificateVerifier.verify(
                text.replace("\"Ed25519\"", "\"Ed448\"").getBytes(StandardCharsets.UTF_8),
                publicKey)
            .status());
  }

  @Test
  void failsOnASignedBodyThatIsNotACompleteCertificate() {
    JsonObject body =
        Json.createObjectBuilder(CertificateJson.parseObject(CertificateJson.body(certificate)))
            .remove("centre")
            .build();
    assertEquals(
        Status.MALFORMED_CERTIFICATE,
        CertificateVerifier.verify(signRaw(body), publicKey).status());
  }

  @Test
  void neverThrowsOnGarbage() {
    for (byte[] garbage :
        new byte[][] {
          new byte[0],
          "[]\n".getBytes(StandardCharsets.UTF_8),
          "{}\n".getBytes(StandardCharsets.UTF_8),
          "{\"a\":1.5}\n".getBytes(StandardCharsets.UTF_8),
          {(byte) 0xff, (byte) 0xfe},
          "{\"format\":\"zhusan-vault/destruction-certificate/v1\",\"signature\":1}\n"
              .getBytes(StandardCharsets.UTF_8),
        }) {
      assertFalse(CertificateVerifier.verify(garbage, publicKey).valid());
    }
  }

  @Test
  void keyIdIsTheFirstSixteenHexDigitsOfTheSha256OfTheRawKey() throws Exception {
    // openssl pkey -pubin -in keys-example/audit-signing-ed25519.pub.pem -outform DER \
    //   | tail -c 32 | sha256sum | cut -c1-16
    CheckpointVerifier published =
        CheckpointVerifier.fromPublicKeyPemFile(
            REPO.resolve("keys-example/audit-signing-ed25519.pub.pem"));
    assertEquals(
        "511dd38bc22ae9a9",
        CertificateVerifier.keyId(new Ed25519PublicKeyParameters(published.publicKey())));
  }

  @Test
  void acceptsACertificateSignedThroughTheCheckpointSigner() throws Exception {
    CheckpointSigner signer =
        CheckpointSigner.fromPkcs8PemFile(REPO.resolve("keys-example/audit-signing-ed25519.pem"));
    Ed25519PublicKeyParameters published =
        new Ed25519PublicKeyParameters(
            CheckpointVerifier.fromPublicKeyPemFile(
                    REPO.resolve("keys-example/audit-signing-ed25519.pub.pem"))
                .publicKey());
    assertEquals(CertificateVerifier.keyId(published), signer.keyId());

    byte[] body = CertificateJson.body(certificate);
    byte[] signed =
        CertificateJson.signedFile(
            body, signer.signDetached(CertificateJson.signedMessage(body)), signer.keyId());
    Result result = CertificateVerifier.verify(signed, published);
    assertEquals(Status.VALID, result.status(), result.reason());
    assertEquals(certificate, result.certificate());
  }

  private byte[] signRaw(JsonObject body) {
    byte[] bodyBytes = CanonicalJson.serialize(body);
    byte[] signature = CertificateFixtures.sign(CertificateJson.signedMessage(bodyBytes), key);
    JsonObject signed =
        Json.createObjectBuilder(body)
            .add(
                "signature",
                Json.createObjectBuilder()
                    .add("algorithm", "Ed25519")
                    .add("keyId", CertificateVerifier.keyId(publicKey))
                    .add("value", Base64.getEncoder().encodeToString(signature)))
            .build();
    return CertificateJson.withNewline(CanonicalJson.serialize(signed));
  }
}
