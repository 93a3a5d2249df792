package org.zhusan.vault.disclosure.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.records.certificate.CertificateFixtures;

class ManifestTest {

  private static final Ed25519PrivateKeyParameters KEY = BundleFixtures.newKey();
  private static final Ed25519PublicKeyParameters PUBLIC = KEY.generatePublicKey();

  private static List<BundleItem> oneItem() {
    return List.of(
        new BundleItem(
            UUID.fromString("00000000-0000-4000-8000-000000000004"),
            1,
            "SCHOOL_RECORD",
            "Табель",
            "text/plain",
            "t.txt",
            "abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theBodyIsCanonicalJsonWithPlainSha256() {
    String body =
        new String(
            Manifest.body(BundleFixtures.school(), oneItem(), null, List.of("01-t.txt")),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"caseReference\":null,\"disclosureId\":\"d15c1050-0000-4000-8000-000000000019\","
            + "\"format\":\"zhusan-vault/disclosure-manifest/v1\",\"itemCount\":1,\"items\":[{"
            + "\"documentId\":\"00000000-0000-4000-8000-000000000004\",\"documentType\":\"SCHOOL_RECORD\","
            + "\"fileName\":\"t.txt\",\"location\":\"01-t.txt\",\"mediaType\":\"text/plain\",\"n\":1,"
            + "\"sha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\","
            + "\"sizeBytes\":3,\"title\":\"Табель\",\"versionNo\":1}],\"legalBasis\":\"consent"
            + " 6a0c3b2e-1111-4222-8333-444455556666\","
            + "\"madeAt\":\"2026-05-04T10:15:30.500Z\",\"madeBy\":\"social-worker-1\","
            + "\"packageSha256\":null,\"purpose\":\"enrolment\",\"recipient\":{\"kind\":\"SCHOOL\",\"name\":\"School"
            + " No. 12\"},\"subjectId\":\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d\"}",
        body);
  }

  @Test
  void signsWithADomainPrefixAndVerifies() {
    byte[] body = Manifest.body(BundleFixtures.court(), oneItem(), null);
    byte[] message = Manifest.signedMessage(body);
    assertTrue(
        new String(message, StandardCharsets.UTF_8)
            .startsWith("zhusan-vault/disclosure-manifest/v1\n{"));
    byte[] file = Manifest.sign(body, BundleFixtures.signer(KEY));
    assertEquals('\n', file[file.length - 1]);
    assertArrayEquals(
        file,
        Manifest.signedFile(
            body,
            CertificateFixtures.sign(message, KEY),
            BundleFixtures.signer(KEY).keyId())); // Ed25519 is deterministic
    Manifest.Result result = Manifest.verify(file, PUBLIC);
    assertTrue(result.valid(), result.reason());
    assertEquals(BundleFixtures.court(), result.contents().header());
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        result.contents().items().get(0).sha256());
  }

  @Test
  void failsOnEveryChangedByte() {
    byte[] file =
        Manifest.sign(
            Manifest.body(BundleFixtures.school(), oneItem(), "ab".repeat(32)),
            BundleFixtures.signer(KEY));
    for (int i = 0; i < file.length; i++) {
      for (int flip : new int[] {0x01, 0x20, 0x80}) {
        byte[] changed = file.clone();
        changed[i] ^= (byte) flip;
        assertFalse(Manifest.verify(changed, PUBLIC).valid(), "byte " + i + " ^ " + flip);
      }
    }
    byte[] longer = java.util.Arrays.copyOf(file, file.length + 1);
    longer[file.length] = '\n';
    assertFalse(Manifest.verify(longer, PUBLIC).valid());
    assertFalse(Manifest.verify(java.util.Arrays.copyOf(file, file.length - 1), PUBLIC).valid());
  }

  @Test
  void namesWhyItFails() {
    byte[] file =
        Manifest.sign(
            Manifest.body(BundleFixtures.court(), oneItem(), null), BundleFixtures.signer(KEY));
    assertEquals(
        Manifest.Status.KEY_ID_MISMATCH,
        Manifest.verify(file, BundleFixtures.newKey().generatePublicKey()).status());
    assertEquals(
        Manifest.Status.NOT_CANONICAL_JSON, Manifest.verify("{ }\n".getBytes(), PUBLIC).status());
    assertEquals(
        Manifest.Status.MISSING_SIGNATURE,
        Manifest.verify(
                Manifest.withNewline(Manifest.body(BundleFixtures.court(), oneItem(), null)),
                PUBLIC)
            .status());
    String text = new String(file, StandardCharsets.UTF_8).replace("hearing", "Hearing");
    assertEquals(
        Manifest.Status.BAD_SIGNATURE,
        Manifest.verify(text.getBytes(StandardCharsets.UTF_8), PUBLIC).status());
  }

  @Test
  void refusesWhatIsNotAManifestBody() {
    byte[] signature = new byte[64];
    assertThrows(
        IllegalArgumentException.class,
        () -> Manifest.signedFile("{\"format\":\"x\"}".getBytes(), signature, "0123456789abcdef"));
    byte[] body = Manifest.body(BundleFixtures.court(), oneItem(), null);
    assertThrows(
        IllegalArgumentException.class,
        () -> Manifest.signedFile(body, new byte[63], "0123456789abcdef"));
    assertThrows(IllegalArgumentException.class, () -> Manifest.signedFile(body, signature, "ABC"));
  }
}
