package org.zhusan.vault.signedjson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.signedjson.SignedJsonFile.Status;

class SignedJsonFileTest {

  private static final SignedJsonFile A = new SignedJsonFile("example/a/v1", "thing");
  private static final SignedJsonFile B = new SignedJsonFile("example/b/v1", "other thing");
  private static final Ed25519PrivateKeyParameters KEY =
      new Ed25519PrivateKeyParameters(new SecureRandom());
  private static final Ed25519PublicKeyParameters PUBLIC = KEY.generatePublicKey();

  private static byte[] body(String format) {
    return CanonicalJson.serialize(
        Json.createObjectBuilder().add("format", format).add("n", 1).add("x", "é").build());
  }

  private static byte[] sign(SignedJsonFile file, byte[] body) {
    byte[] message = file.signedMessage(body);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, KEY);
    signer.update(message, 0, message.length);
    return file.signedFile(body, signer.generateSignature(), SignedJsonFile.keyId(PUBLIC));
  }

  @Test
  void signsAndVerifiesTheBody() {
    byte[] body = body("example/a/v1");
    byte[] file = sign(A, body);
    assertEquals('\n', file[file.length - 1]);
    SignedJsonFile.Result result = A.verify(file, PUBLIC);
    assertTrue(result.valid(), result.reason());
    assertArrayEquals(body, CanonicalJson.serialize(result.body()));
    assertEquals(SignedJsonFile.keyId(PUBLIC), result.keyId());
  }

  @Test
  void theMessageIsTheFormatLineThenTheBody() {
    byte[] body = body("example/a/v1");
    assertEquals(
        "example/a/v1\n" + new String(body, StandardCharsets.UTF_8),
        new String(A.signedMessage(body), StandardCharsets.UTF_8));
  }

  @Test
  void anotherFormatIsRefusedEvenWithTheSameKey() {
    byte[] file = sign(A, body("example/a/v1"));
    assertEquals(Status.UNKNOWN_FORMAT, B.verify(file, PUBLIC).status());
    assertThrows(IllegalArgumentException.class, () -> sign(B, body("example/a/v1")));
  }

  @Test
  void everyChangedByteFails() {
    byte[] file = sign(A, body("example/a/v1"));
    for (int i = 0; i < file.length; i++) {
      byte[] changed = file.clone();
      changed[i] ^= 0x01;
      assertTrue(!A.verify(changed, PUBLIC).valid(), "byte " + i);
    }
  }

  @Test
  void anotherKeyIsAKeyIdMismatch() {
    byte[] file = sign(A, body("example/a/v1"));
    Ed25519PublicKeyParameters other =
        new Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey();
    assertEquals(Status.KEY_ID_MISMATCH, A.verify(file, other).status());
  }
}
