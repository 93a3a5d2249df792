package org.zhusan.vault.disclosure.bundle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.zhusan.vault.records.certificate.CertificateFixtures;
import org.zhusan.vault.records.certificate.CertificateVerifier;

/** Headers, items and a signer for the disclosure package tests. */
public final class BundleFixtures {

  private static final Path REPO = Path.of(System.getProperty("vault.repo.root", "."));

  public static final UUID DISCLOSURE = UUID.fromString("d15c1050-0000-4000-8000-000000000019");
  public static final UUID SUBJECT = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d");
  public static final UUID PDF_ID = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
  public static final UUID DOCX_ID = UUID.fromString("00000000-0000-4000-8000-0000000000a2");
  public static final UUID JPEG_ID = UUID.fromString("00000000-0000-4000-8000-0000000000a3");

  private BundleFixtures() {}

  public static BundleHeader court() {
    return new BundleHeader(
        DISCLOSURE,
        Instant.parse("2026-05-04T10:15:30Z"),
        "lawyer-3",
        "COURT",
        "Астана қалалық соты",
        "hearing on guardianship",
        "court order 2-77/2026",
        "2-77/2026",
        SUBJECT);
  }

  public static BundleHeader school() {
    return new BundleHeader(
        DISCLOSURE,
        Instant.parse("2026-05-04T10:15:30.5Z"),
        "social-worker-1",
        "SCHOOL",
        "School No. 12",
        "enrolment",
        "consent 6a0c3b2e-1111-4222-8333-444455556666",
        null,
        SUBJECT);
  }

  /** A PDF, a DOCX and a JPEG, in that order. */
  public static List<BundleItem> pdfDocxJpeg() throws IOException {
    return List.of(
        new BundleItem(
            PDF_ID,
            2,
            "COURT_RULING",
            "Ruling of 3 March",
            "application/pdf",
            "ruling.pdf",
            pdf(2)),
        new BundleItem(
            DOCX_ID,
            1,
            "PSYCH_EVALUATION",
            "Evaluation report",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "evaluation report.docx",
            docx()),
        new BundleItem(
            JPEG_ID, 1, "IDENTITY", "Birth certificate", "image/jpeg", "birth/cert.jpg", jpeg()));
  }

  /** A PDF of {@code pages} pages, each saying "Source page n". */
  public static byte[] pdf(int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          c.beginText();
          c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          c.newLineAtOffset(72, 700);
          c.showText("Source page " + i);
          c.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A real DOCX from the test corpus (Apache Tika's test files, Apache License 2.0). */
  public static byte[] docx() throws IOException {
    return Files.readAllBytes(REPO.resolve("src/test/resources/corpus/documents/testWORD.docx"));
  }

  public static byte[] jpeg() throws IOException {
    return image("jpg", BufferedImage.TYPE_INT_RGB);
  }

  public static byte[] png() throws IOException {
    return image("png", BufferedImage.TYPE_INT_RGB);
  }

  private static byte[] image(String format, int type) throws IOException {
    BufferedImage image = new BufferedImage(320, 200, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 320, 200);
    g.setColor(Color.BLUE);
    g.fillOval(40, 30, 200, 140);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IllegalStateException("no writer for " + format);
    }
    return out.toByteArray();
  }

  public static Ed25519PrivateKeyParameters newKey() {
    return CertificateFixtures.newKey();
  }

  /** Signs as the server does (CheckpointSigner.signDetached), with a raw key. */
  public static Signer signer(Ed25519PrivateKeyParameters key) {
    String keyId = CertificateVerifier.keyId(key.generatePublicKey());
    return new Signer() {
      @Override
      public byte[] sign(byte[] message) {
        return CertificateFixtures.sign(message, key);
      }

      @Override
      public String keyId() {
        return keyId;
      }
    };
  }
}
