package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.disclosure.bundle.BundleFixtures;
import org.zhusan.vault.disclosure.bundle.BundleItem;
import org.zhusan.vault.disclosure.bundle.CourtBundle;
import org.zhusan.vault.disclosure.bundle.DisclosureZip;
import org.zhusan.vault.records.certificate.CertificateFixtures;
import picocli.CommandLine;

class VerifyDisclosureCommandTest {

  @TempDir static Path dir;
  private static final Ed25519PrivateKeyParameters KEY = BundleFixtures.newKey();
  private static List<BundleItem> items;
  private static Path pdf;
  private static Path zip;
  private static Path manifest;
  private static Path publicKey;
  private static Path otherKey;
  private static byte[] zipBytes;

  @BeforeAll
  static void writeFiles() throws Exception {
    items = BundleFixtures.pdfDocxJpeg();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CourtBundle.Result bundle =
        CourtBundle.build(BundleFixtures.court(), items, BundleFixtures.signer(KEY), out);
    pdf = Files.write(dir.resolve("bundle.pdf"), out.toByteArray());
    manifest = Files.write(dir.resolve("manifest.json"), bundle.signedManifest());
    out = new ByteArrayOutputStream();
    DisclosureZip.write(BundleFixtures.school(), items, BundleFixtures.signer(KEY), out);
    zipBytes = out.toByteArray();
    zip = Files.write(dir.resolve("package.zip"), zipBytes);
    publicKey = CertificateFixtures.writePublicKeyPem(KEY, dir.resolve("published-key.pem"));
    otherKey =
        CertificateFixtures.writePublicKeyPem(BundleFixtures.newKey(), dir.resolve("other.pem"));
  }

  @Test
  void acceptsTheCourtBundleAndPrintsTheHashesToCompare() throws Exception {
    Run run = run(pdf.toString(), "--key", publicKey.toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    assertTrue(
        run.out.startsWith(
            "VALID: disclosure " + BundleFixtures.DISCLOSURE + " to COURT Астана қалалық соты"),
        run.out);
    assertTrue(run.out.contains("Case reference: 2-77/2026"), run.out);
    for (BundleItem item : items) {
      assertTrue(run.out.contains(item.sha256()), run.out);
    }
    String bundleHash =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf)));
    assertTrue(
        run.out.contains(
            "Bundle SHA-256 (this file; compare with the vault's record of the disclosure): "
                + bundleHash),
        run.out);
  }

  @Test
  void acceptsTheManifestAlone() {
    Run run = run(manifest.toString(), "--key", publicKey.toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    assertTrue(run.out.contains("pages 2-3"), run.out);
  }

  @Test
  void acceptsTheZip() {
    Run run = run(zip.toString(), "--key", publicKey.toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    assertTrue(run.out.startsWith("VALID: disclosure "), run.out);
    assertTrue(run.out.contains("All files match the manifest; package SHA-256 "), run.out);
  }

  @Test
  void detectsAChangedFileInTheZip() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    byte[] pdfBytes = entries.get("01-ruling.pdf").clone();
    pdfBytes[100] ^= 1;
    entries.put("01-ruling.pdf", pdfBytes);
    Path changed = dir.resolve("changed.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    Run run = run(changed.toString(), "--key", publicKey.toString());
    assertEquals(1, run.exitCode, run.out);
    assertTrue(run.out.startsWith("INVALID: 01-ruling.pdf: SHA-256 "), run.out);
  }

  @Test
  void refusesAChangedManifestAnotherKeyAndAPdfWithoutManifest() throws Exception {
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[bytes.length / 2] ^= 1;
    Path changed = Files.write(dir.resolve("changed.json"), bytes);
    Run run = run(changed.toString(), "--key", publicKey.toString());
    assertEquals(1, run.exitCode, run.out);
    assertTrue(run.out.startsWith("INVALID: "), run.out);

    run = run(pdf.toString(), "--key", otherKey.toString());
    assertEquals(1, run.exitCode, run.out);
    assertTrue(run.out.startsWith("INVALID: the manifest names signing key"), run.out);

    Path plain = Files.write(dir.resolve("plain.pdf"), BundleFixtures.pdf(1));
    run = run(plain.toString(), "--key", publicKey.toString());
    assertEquals(1, run.exitCode, run.out);
    assertTrue(run.out.startsWith("INVALID: the PDF has no attached manifest.json"), run.out);
  }

  @Test
  void exitsTwoOnUsageAndReadErrors() {
    assertEquals(2, run(pdf.toString()).exitCode);
    assertEquals(
        2, run(dir.resolve("missing.pdf").toString(), "--key", publicKey.toString()).exitCode);
    assertEquals(2, run(pdf.toString(), "--key", dir.resolve("missing.pem").toString()).exitCode);
  }

  @Test
  void isRegisteredInTheVaultCli() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new VaultCli());
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute("verify-disclosure", zip.toString(), "--key", publicKey.toString());
    assertEquals(0, exit);
    assertTrue(out.toString().startsWith("VALID: "), out.toString());
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VerifyDisclosureCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
