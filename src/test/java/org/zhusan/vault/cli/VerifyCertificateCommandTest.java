package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.records.certificate.CertificateFixtures;
import org.zhusan.vault.records.certificate.CertificateJson;
import org.zhusan.vault.records.certificate.CertificatePdf;
import org.zhusan.vault.records.certificate.CertificateVerifier;
import org.zhusan.vault.records.certificate.DestructionCertificate;
import picocli.CommandLine;

class VerifyCertificateCommandTest {

  private static final Path REPO = Path.of(System.getProperty("vault.repo.root", "."));

  @TempDir static Path dir;
  private static final Ed25519PrivateKeyParameters KEY = CertificateFixtures.newKey();
  private static final DestructionCertificate CERTIFICATE = CertificateFixtures.threeVersions();
  private static String keyId;
  private static byte[] signed;
  private static Path json;
  private static Path pdf;
  private static Path publicKey;
  private static Path otherKey;

  @BeforeAll
  static void writeFiles() throws Exception {
    keyId = CertificateVerifier.keyId(KEY.generatePublicKey());
    signed = CertificateFixtures.signedFile(CERTIFICATE, KEY);
    json = Files.write(dir.resolve("certificate.json"), signed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CertificatePdf.render(signed, out);
    pdf = Files.write(dir.resolve("certificate.pdf"), out.toByteArray());
    publicKey = CertificateFixtures.writePublicKeyPem(KEY, dir.resolve("published-key.pem"));
    otherKey =
        CertificateFixtures.writePublicKeyPem(
            CertificateFixtures.newKey(), dir.resolve("other-key.pem"));
  }

  private static String validLine() {
    return "VALID: certificate "
        + CERTIFICATE.id()
        + " for document "
        + CERTIFICATE.documentId()
        + " (3 versions), proposed by records-officer-7, approved by "
        + CertificateFixtures.APPROVER
        + ", signed by key "
        + keyId;
  }

  @Test
  void acceptsTheSignedJson() {
    Run run = run(json.toString(), "--key", publicKey.toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    assertEquals(validLine(), run.out.strip());
  }

  @Test
  void acceptsThePdfThroughItsAttachment() {
    Run run = run(pdf.toString(), "--key", publicKey.toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    assertEquals(validLine(), run.out.strip());
  }

  @Test
  void refusesAFileWithOneByteFlipped() throws Exception {
    for (int position :
        new int[] {
          0,
          1,
          17,
          signed.length / 3,
          signed.length / 2,
          signed.length - 40,
          signed.length - 2,
          signed.length - 1
        }) {
      byte[] changed = signed.clone();
      changed[position] ^= 0x01;
      Path file = Files.write(dir.resolve("flipped-" + position + ".json"), changed);
      Run run = run(file.toString(), "--key", publicKey.toString());
      assertEquals(1, run.exitCode, "byte " + position + ": " + run.out);
      assertTrue(run.out.startsWith("INVALID: "), run.out);
    }
  }

  @Test
  void refusesAnotherKey() {
    Run run = run(json.toString(), "--key", otherKey.toString());
    assertEquals(1, run.exitCode, run.out);
    assertTrue(run.out.startsWith("INVALID: the certificate names signing key " + keyId), run.out);
  }

  @Test
  void refusesAPdfWithoutTheAttachment() throws Exception {
    Path notACertificate = Files.write(dir.resolve("plain.pdf"), "%PDF-1.7\ngarbage".getBytes());
    Run run = run(notACertificate.toString(), "--key", publicKey.toString());
    assertEquals(1, run.exitCode, run.out);
    assertTrue(run.out.startsWith("INVALID: "), run.out);
  }

  @Test
  void acceptsTheProjectsPublishedKeyFileFormat() throws Exception {
    CheckpointSigner signer =
        CheckpointSigner.fromPkcs8PemFile(REPO.resolve("keys-example/audit-signing-ed25519.pem"));
    byte[] body = CertificateJson.body(CERTIFICATE);
    Path file =
        Files.write(
            dir.resolve("dev-signed.json"),
            CertificateJson.signedFile(
                body, signer.signDetached(CertificateJson.signedMessage(body)), signer.keyId()));
    Run run =
        run(
            file.toString(),
            "--key",
            REPO.resolve("keys-example/audit-signing-ed25519.pub.pem").toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    assertTrue(run.out.strip().endsWith("signed by key 511dd38bc22ae9a9"), run.out);
  }

  @Test
  void exitsTwoOnUsageAndReadErrors() {
    assertEquals(2, run(json.toString()).exitCode);
    assertEquals(2, run("--key", publicKey.toString()).exitCode);
    assertEquals(
        2, run(dir.resolve("missing.json").toString(), "--key", publicKey.toString()).exitCode);
    assertEquals(2, run(json.toString(), "--key", dir.resolve("missing.pem").toString()).exitCode);
    Run privateKeyGiven =
        run(
            json.toString(),
            "--key",
            REPO.resolve("keys-example/audit-signing-ed25519.pem").toString());
    assertEquals(2, privateKeyGiven.exitCode);
    assertTrue(privateKeyGiven.err.contains("cannot read the key"), privateKeyGiven.err);
  }

  @Test
  void isRegisteredInTheVaultCli() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new VaultCli());
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute("verify-certificate", json.toString(), "--key", publicKey.toString());
    assertEquals(0, exit);
    assertTrue(out.toString().startsWith("VALID: "), out.toString());
  }

  @Test
  void escapesControlCharactersInPrintedNames() {
    assertEquals("a\\u001b[2Jb", VerifyCertificateCommand.printable("a\u001b[2Jb"));
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VerifyCertificateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
