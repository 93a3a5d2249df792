package org.zhusan.vault.records.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.records.certificate.DestructionCertificate.DestroyedVersion;
import org.zhusan.vault.records.certificate.DestructionCertificate.RetentionRule;

class CertificateJsonTest {

  static final String ONE_VERSION_BODY =
      "{\"approvedAt\":\"2036-01-02T09:00:00Z\",\"approvedBy\":\"bob\",\"centre\":\"AST-01\","
          + "\"dispositionId\":\"00000000-0000-4000-8000-000000000002\","
          + "\"documentId\":\"00000000-0000-4000-8000-000000000004\","
          + "\"documentType\":\"COURT_RULING\",\"dueOn\":\"2035-06-30\","
          + "\"format\":\"zhusan-vault/destruction-certificate/v1\","
          + "\"id\":\"00000000-0000-4000-8000-000000000001\",\"issuedAt\":\"2036-01-02T03:04:05Z\","
          + "\"proposedAt\":\"2036-01-01T10:00:00Z\",\"proposedBy\":\"alice\","
          + "\"retentionStart\":\"2030-06-30\",\"rule\":{\"action\":\"DESTROY\","
          + "\"documentType\":\"COURT_RULING\",\"event\":\"PROGRAMME_CLOSED\",\"period\":\"P5Y\"},"
          + "\"subjectId\":\"00000000-0000-4000-8000-000000000003\",\"versionCount\":1,"
          + "\"versions\":[{\"contentDigest\":\""
          + "ab".repeat(32)
          + "\",\"mediaType\":\"application/pdf\",\"sizeBytes\":42,"
          + "\"versionId\":\"00000000-0000-4000-8000-000000000005\",\"versionNo\":1}]}";

  private final Ed25519PrivateKeyParameters key = CertificateFixtures.newKey();

  @Test
  void bodyIsTheCanonicalJsonOfEveryField() {
    assertEquals(
        ONE_VERSION_BODY,
        new String(CertificateJson.body(CertificateFixtures.oneVersion()), StandardCharsets.UTF_8));
  }

  @Test
  void bodyKeepsCyrillicAsUtf8() {
    String body =
        new String(
            CertificateJson.body(CertificateFixtures.threeVersions()), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"approvedBy\":\"Әлия Нұрланқызы\""), body);
    assertTrue(body.contains("\"issuedAt\":\"2036-03-02T09:15:30.123456Z\""), body);
    assertTrue(body.contains("\"approvedAt\":\"2036-03-01T08:30:00.500Z\""), body);
    assertTrue(body.contains("\"versionCount\":3"), body);
  }

  @Test
  void signedMessageIsTheFormatLineThenTheBody() {
    byte[] body = CertificateJson.body(CertificateFixtures.oneVersion());
    assertEquals(
        "zhusan-vault/destruction-certificate/v1\n" + ONE_VERSION_BODY,
        new String(CertificateJson.signedMessage(body), StandardCharsets.UTF_8));
  }

  @Test
  void signedFileAddsTheSignatureMemberInOrderAndOneNewline() {
    byte[] body = CertificateJson.body(CertificateFixtures.oneVersion());
    byte[] signature = new byte[64];
    signature[0] = 1;
    String file =
        new String(
            CertificateJson.signedFile(body, signature, "0123456789abcdef"),
            StandardCharsets.UTF_8);
    String expectedSignature =
        ",\"signature\":{\"algorithm\":\"Ed25519\",\"keyId\":\"0123456789abcdef\",\"value\":\"AQ"
            + "A".repeat(84)
            + "==\"},\"subjectId\"";
    assertTrue(file.contains(expectedSignature), file);
    assertTrue(file.endsWith("}]}\n"), file);
    assertEquals(ONE_VERSION_BODY + "\n", file.replace(expectedSignature, ",\"subjectId\""));
  }

  @Test
  void parseReadsBackWhatWasWritten() {
    DestructionCertificate certificate = CertificateFixtures.threeVersions();
    assertEquals(certificate, CertificateJson.parse(CertificateJson.body(certificate)));
    byte[] file = CertificateFixtures.signedFile(certificate, key);
    assertEquals(certificate, CertificateJson.parse(file));
    CertificateJson.Signature signature = CertificateJson.signature(file);
    assertEquals("Ed25519", signature.algorithm());
    assertEquals(CertificateVerifier.keyId(key.generatePublicKey()), signature.keyId());
    assertEquals(88, signature.value().length());
  }

  @Test
  void parseToleratesWhitespaceButNotOtherFieldForms() {
    String pretty = ONE_VERSION_BODY.replace(",", ",\n  ");
    assertEquals(
        CertificateFixtures.oneVersion(),
        CertificateJson.parse(pretty.getBytes(StandardCharsets.UTF_8)));
    for (String[] change :
        new String[][] {
          {"2036-01-02T03:04:05Z", "2036-01-02T03:04:05.000Z"},
          {"00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-00000000000A"},
          {"\"versionCount\":1", "\"versionCount\":2"},
          {"\"sizeBytes\":42", "\"sizeBytes\":42.0"},
          {"\"centre\":\"AST-01\",", ""},
          {"\"centre\"", "\"center\""},
          {"\"period\":\"P5Y\"", "\"period\":\"five years\""},
          {"ababab", "ABABAB"},
          {"zhusan-vault/destruction-certificate/v1", "zhusan-vault/destruction-certificate/v2"},
          {"\"bob\"", "null"},
        }) {
      String changed = ONE_VERSION_BODY.replace(change[0], change[1]);
      assertThrows(
          IllegalArgumentException.class,
          () -> CertificateJson.parse(changed.getBytes(StandardCharsets.UTF_8)),
          change[1]);
    }
  }

  @Test
  void signedFileRefusesBadInput() {
    byte[] body = CertificateJson.body(CertificateFixtures.oneVersion());
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateJson.signedFile(body, new byte[63], "0123456789abcdef"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateJson.signedFile(body, new byte[64], "0123456789ABCDEF"));
    byte[] pretty = ONE_VERSION_BODY.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateJson.signedFile(pretty, new byte[64], "0123456789abcdef"));
    byte[] signed = CertificateJson.signedFile(body, new byte[64], "0123456789abcdef");
    byte[] signedWithoutNewline = java.util.Arrays.copyOf(signed, signed.length - 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateJson.signedFile(signedWithoutNewline, new byte[64], "0123456789abcdef"));
  }

  @Test
  void recordsValidateTheirFields() {
    DestructionCertificate c = CertificateFixtures.oneVersion();
    assertThrows(
        NullPointerException.class,
        () ->
            new DestructionCertificate(
                c.id(),
                c.issuedAt(),
                c.dispositionId(),
                c.subjectId(),
                c.centre(),
                c.documentId(),
                c.documentType(),
                c.versions(),
                c.rule(),
                c.retentionStart(),
                c.dueOn(),
                c.proposedBy(),
                c.proposedAt(),
                null,
                c.approvedAt()));
    UUID id = UUID.randomUUID();
    assertThrows(
        IllegalArgumentException.class,
        () -> new DestroyedVersion(1, id, "text/plain", 1, "AB".repeat(32)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DestroyedVersion(1, id, "text/plain", 1, "ab".repeat(31)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DestroyedVersion(0, id, "text/plain", 1, "ab".repeat(32)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DestroyedVersion(1, id, "text/plain", -1, "ab".repeat(32)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetentionRule("COURT_RULING", "CASE_CLOSED", "10 years", "DESTROY"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetentionRule("COURT_RULING", "case closed", "P10Y", "DESTROY"));
    List<DestroyedVersion> versions = new java.util.ArrayList<>(c.versions());
    DestructionCertificate copy =
        new DestructionCertificate(
            c.id(),
            c.issuedAt(),
            c.dispositionId(),
            c.subjectId(),
            c.centre(),
            c.documentId(),
            c.documentType(),
            versions,
            c.rule(),
            c.retentionStart(),
            c.dueOn(),
            c.proposedBy(),
            c.proposedAt(),
            c.approvedBy(),
            c.approvedAt());
    versions.clear();
    assertEquals(1, copy.versionCount());
    assertThrows(UnsupportedOperationException.class, () -> copy.versions().clear());
  }

  @Test
  void signedFileBodyMatchesBodyBytes() {
    DestructionCertificate certificate = CertificateFixtures.threeVersions();
    byte[] file = CertificateFixtures.signedFile(certificate, key);
    // Removing the signature member from the file gives back the body exactly.
    assertArrayEquals(
        CertificateJson.body(certificate),
        CanonicalJson.serialize(
            CertificateJson.withoutSignature(CertificateJson.parseObject(file))));
    assertEquals(Instant.parse("2036-03-02T09:15:30.123456Z"), certificate.issuedAt());
    assertEquals(LocalDate.parse("2035-11-20"), certificate.dueOn());
  }
}
