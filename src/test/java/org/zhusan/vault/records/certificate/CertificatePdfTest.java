package org.zhusan.vault.records.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.records.certificate.DestructionCertificate.DestroyedVersion;

class CertificatePdfTest {

  private static final Ed25519PrivateKeyParameters KEY = CertificateFixtures.newKey();
  private static final DestructionCertificate CERTIFICATE = CertificateFixtures.threeVersions();
  private static byte[] signedFile;
  private static byte[] pdf;

  @BeforeAll
  static void render() throws Exception {
    signedFile = CertificateFixtures.signedFile(CERTIFICATE, KEY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CertificatePdf.render(signedFile, out);
    pdf = out.toByteArray();
    // Kept for a look (pdftoppm -png target/certificate-of-destruction-sample.pdf).
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("certificate-of-destruction-sample.pdf"), pdf);
    }
  }

  @Test
  void isAnA4PdfWithEveryFieldReadable() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertTrue(doc.getNumberOfPages() >= 1);
      assertEquals(PDRectangle.A4.getWidth(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
      String text = new PDFTextStripper().getText(doc);
      for (String expected :
          new String[] {
            "Certificate of destruction",
            CERTIFICATE.id().toString(),
            CERTIFICATE.dispositionId().toString(),
            CERTIFICATE.subjectId().toString(),
            CERTIFICATE.documentId().toString(),
            CERTIFICATE.centre(),
            CERTIFICATE.documentType(),
            "2036-03-02T09:15:30.123456Z",
            "CASE_CLOSED",
            "P10Y",
            "DESTROY",
            "2025-11-20",
            "2035-11-20",
            "records-officer-7",
            "2036-02-27T14:00:00Z",
            CertificateFixtures.APPROVER,
            "2036-03-01T08:30:00.500Z",
            "1 234 567 bytes",
            "application/pdf",
            "image/jpeg",
            "text/plain",
            "Ed25519",
            CertificateVerifier.keyId(KEY.generatePublicKey()),
            "verify-certificate <file.json> --key <published-key.pem>",
            "Page 1 of",
          }) {
        assertTrue(text.contains(expected), "missing " + expected + " in:\n" + text);
      }
      for (DestroyedVersion v : CERTIFICATE.versions()) {
        assertTrue(text.contains(v.versionId().toString()), v.versionId().toString());
        assertTrue(text.contains(v.contentDigest()), v.contentDigest());
        assertTrue(text.contains("Version " + v.versionNo()), "Version " + v.versionNo());
      }
      // The signature value is wrapped over lines; all of it is there.
      String value = CertificateJson.signature(signedFile).value();
      assertTrue(text.replaceAll("\\s", "").contains(value), value);
    }
  }

  @Test
  void embedsTheUnicodeFontAsASubset() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      boolean found = false;
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertTrue(font.isEmbedded(), font.getName());
        found |= font.getName().contains("DejaVuSans");
      }
      assertTrue(found);
    }
    assertTrue(pdf.length < 200_000, "subset fonts keep the PDF small: " + pdf.length);
  }

  @Test
  void carriesTheSignedFileAsAnAttachment() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDComplexFileSpecification spec =
          doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("certificate.json");
      assertNotNull(spec);
      assertEquals("application/json", spec.getEmbeddedFile().getSubtype());
      assertArrayEquals(signedFile, spec.getEmbeddedFile().toByteArray());
    }
    assertArrayEquals(signedFile, CertificatePdf.attachedCertificate(pdf));
    assertTrue(
        CertificateVerifier.verify(CertificatePdf.attachedCertificate(pdf), KEY.generatePublicKey())
            .valid());
  }

  @Test
  void spillsOntoMorePagesWhenThereAreManyVersions() throws Exception {
    java.util.List<DestroyedVersion> many = new java.util.ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      many.add(
          new DestroyedVersion(
              i, java.util.UUID.randomUUID(), "application/pdf", i * 1000L, "0f".repeat(32)));
    }
    DestructionCertificate big = CertificateFixtures.withVersions(CERTIFICATE, many);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CertificatePdf.render(CertificateFixtures.signedFile(big, KEY), out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertTrue(doc.getNumberOfPages() > 1);
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Version 40"));
      assertTrue(text.contains("Page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages()));
    }
  }

  @Test
  void printsCharactersTheFontLacksAsQuestionMarks() throws Exception {
    DestructionCertificate odd = CertificateFixtures.withProposer(CERTIFICATE, "tab\there \u4E2D");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CertificatePdf.render(CertificateFixtures.signedFile(odd, KEY), out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertTrue(new PDFTextStripper().getText(doc).contains("tab?here ?"));
    }
  }

  @Test
  void refusesAnUnsignedBodyAndNonPdfs() {
    byte[] body = CertificateJson.body(CERTIFICATE);
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificatePdf.render(body, new ByteArrayOutputStream()));
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificatePdf.attachedCertificate("not a pdf".getBytes(StandardCharsets.UTF_8)));
  }
}
