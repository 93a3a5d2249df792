package org.zhusan.vault.records.certificate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.zhusan.vault.records.certificate.DestructionCertificate.DestroyedVersion;
import org.zhusan.vault.records.certificate.DestructionCertificate.RetentionRule;

/** Certificates and keys for the tests. */
public final class CertificateFixtures {

  public static final String APPROVER = "Әлия Нұрланқызы";

  private CertificateFixtures() {}

  /** A certificate with three versions and a Cyrillic (Kazakh) approver. */
  public static DestructionCertificate threeVersions() {
    return new DestructionCertificate(
        UUID.fromString("0b7c6a52-4a3e-4f7e-9c51-1d2f3e4a5b6c"),
        Instant.parse("2036-03-02T09:15:30.123456Z"),
        UUID.fromString("5f0e2d1c-3b4a-4c5d-8e6f-708192a3b4c5"),
        UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d"),
        "AST-01",
        UUID.fromString("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"),
        "PSYCH_EVALUATION",
        List.of(
            new DestroyedVersion(
                1,
                UUID.fromString("11111111-2222-4333-8444-555555555555"),
                "application/pdf",
                1_234_567,
                "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
            new DestroyedVersion(
                2,
                UUID.fromString("21111111-2222-4333-8444-555555555555"),
                "image/jpeg",
                98_765,
                "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"),
            new DestroyedVersion(
                3,
                UUID.fromString("31111111-2222-4333-8444-555555555555"),
                "text/plain",
                0,
                "a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5")),
        new RetentionRule("PSYCH_EVALUATION", "CASE_CLOSED", "P10Y", "DESTROY"),
        LocalDate.parse("2025-11-20"),
        LocalDate.parse("2035-11-20"),
        "records-officer-7",
        Instant.parse("2036-02-27T14:00:00Z"),
        APPROVER,
        Instant.parse("2036-03-01T08:30:00.5Z"));
  }

  /** A small certificate with one version, for exact byte expectations. */
  public static DestructionCertificate oneVersion() {
    return new DestructionCertificate(
        UUID.fromString("00000000-0000-4000-8000-000000000001"),
        Instant.parse("2036-01-02T03:04:05Z"),
        UUID.fromString("00000000-0000-4000-8000-000000000002"),
        UUID.fromString("00000000-0000-4000-8000-000000000003"),
        "AST-01",
        UUID.fromString("00000000-0000-4000-8000-000000000004"),
        "COURT_RULING",
        List.of(
            new DestroyedVersion(
                1,
                UUID.fromString("00000000-0000-4000-8000-000000000005"),
                "application/pdf",
                42,
                "ab".repeat(32))),
        new RetentionRule("COURT_RULING", "PROGRAMME_CLOSED", "P5Y", "DESTROY"),
        LocalDate.parse("2030-06-30"),
        LocalDate.parse("2035-06-30"),
        "alice",
        Instant.parse("2036-01-01T10:00:00Z"),
        "bob",
        Instant.parse("2036-01-02T09:00:00Z"));
  }

  public static Ed25519PrivateKeyParameters newKey() {
    return new Ed25519PrivateKeyParameters(new SecureRandom());
  }

  /** Signs the certificate as the server does, with a raw key. */
  public static byte[] signedFile(
      DestructionCertificate certificate, Ed25519PrivateKeyParameters key) {
    byte[] body = CertificateJson.body(certificate);
    return CertificateJson.signedFile(
        body,
        sign(CertificateJson.signedMessage(body), key),
        CertificateVerifier.keyId(key.generatePublicKey()));
  }

  public static byte[] sign(byte[] message, Ed25519PrivateKeyParameters key) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * Writes the public key as the published key file is written (X.509 SubjectPublicKeyInfo PEM).
   */
  public static Path writePublicKeyPem(Ed25519PrivateKeyParameters key, Path file)
      throws IOException {
    byte[] der =
        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key.generatePublicKey())
            .getEncoded();
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject("PUBLIC KEY", der));
    }
    return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }

  /** Returns {@code c} with other destroyed versions. */
  public static DestructionCertificate withVersions(
      DestructionCertificate c, java.util.List<DestroyedVersion> versions) {
    return copy(c, versions, c.proposedBy());
  }

  /** Returns {@code c} proposed by {@code proposedBy}. */
  public static DestructionCertificate withProposer(DestructionCertificate c, String proposedBy) {
    return copy(c, c.versions(), proposedBy);
  }

  private static DestructionCertificate copy(
      DestructionCertificate c, java.util.List<DestroyedVersion> versions, String proposedBy) {
    return new DestructionCertificate(
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
        proposedBy,
        c.proposedAt(),
        c.approvedBy(),
        c.approvedAt());
  }
}
