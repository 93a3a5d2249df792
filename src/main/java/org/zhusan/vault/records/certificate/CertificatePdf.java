package org.zhusan.vault.records.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.zhusan.vault.pdf.PdfAttachment;
import org.zhusan.vault.pdf.PdfLayout;
import org.zhusan.vault.records.certificate.DestructionCertificate.DestroyedVersion;

/**
 * Renders a signed certificate file as an A4 PDF a clerk can print and file: a title, every field
 * of the certificate as label–value rows, the destroyed versions, the rule, who proposed and who
 * approved and when, the signature, and a footer on how to verify offline. The signed JSON file
 * itself is embedded as the attachment {@value #ATTACHMENT_NAME}, so the PDF alone carries the
 * verifiable original ({@link #attachedCertificate} takes it back out).
 *
 * <p>The text is set in DejaVu Sans (embedded as a subset, from {@code /fonts/} on the class path,
 * licence in {@code fonts/LICENSE-DejaVu.txt}), which covers Latin, Cyrillic and the Kazakh
 * letters; a character the font lacks prints as "?". The PDF does not verify anything: the
 * attachment does, with {@link CertificateVerifier}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CertificatePdf {

  /** The name of the embedded signed JSON file. */
  public static final String ATTACHMENT_NAME = "certificate.json";

  private static final float MARGIN = PdfLayout.MARGIN;
  private static final float LABEL_WIDTH = 140;
  private static final float TEXT_SIZE = PdfLayout.TEXT;
  private static final float HEX_SIZE = PdfLayout.SMALL;
  private static final float LEADING = PdfLayout.LEADING;
  private static final float FOOTER_HEIGHT = 64;

  private CertificatePdf() {}

  /**
   * Every text the PDF prints other than the certificate's values, in one place (English today;
   * another language is another instance).
   */
  public record Labels(
      String title,
      String intro,
      String sectionDocument,
      String certificateId,
      String issuedAt,
      String dispositionId,
      String subjectId,
      String centre,
      String documentId,
      String documentType,
      String versionCount,
      String sectionVersions,
      String version,
      String versionId,
      String mediaType,
      String size,
      String bytes,
      String contentDigest,
      String sectionRule,
      String ruleDocumentType,
      String ruleEvent,
      String rulePeriod,
      String ruleAction,
      String retentionStart,
      String dueOn,
      String sectionDecision,
      String proposedBy,
      String approvedBy,
      String at,
      String sectionSignature,
      String algorithm,
      String keyId,
      String signatureValue,
      String signedMessage,
      String footerVerify,
      String footerCommand,
      String footerAttachment,
      String page) {

    /** The English labels. */
    public static final Labels ENGLISH =
        new Labels(
            "Certificate of destruction",
            "Zhusan Vault certifies that the document below and every stored version of it were"
                + " destroyed under the retention rule shown, after a proposal and an approval by"
                + " two different people.",
            "Document",
            "Certificate id",
            "Issued at",
            "Disposition id",
            "Subject id",
            "Centre",
            "Document id",
            "Document type",
            "Versions destroyed",
            "Destroyed versions",
            "Version",
            "Version id",
            "Media type",
            "Size",
            "bytes",
            "Content digest",
            "Retention rule",
            "Document type",
            "Period starts at",
            "Period",
            "Action",
            "Retention start",
            "Due on",
            "Decision",
            "Proposed by",
            "Approved by",
            "at",
            "Signature",
            "Algorithm",
            "Key id",
            "Value (base64)",
            "Signed message",
            "To verify offline, take the attached certificate.json (or this PDF) and the vault's"
                + " published public key, and run:",
            "java -jar zhusan-vault-cli.jar verify-certificate <file.json> --key"
                + " <published-key.pem>",
            "The signed original is attached to this PDF as certificate.json; the text on this page"
                + " is a copy of it for reading.",
            "Page %d of %d");
  }

  /** Renders {@code signedFile} with the {@linkplain Labels#ENGLISH English} labels. */
  public static void render(byte[] signedFile, OutputStream out) throws IOException {
    render(signedFile, out, Labels.ENGLISH);
  }

  /**
   * Renders {@code signedFile} (as made by {@link CertificateJson#signedFile}) to {@code out}.
   *
   * @throws IllegalArgumentException if the file is not a certificate with a signature member
   * @throws IOException if writing fails
   */
  public static void render(byte[] signedFile, OutputStream out, Labels labels) throws IOException {
    Objects.requireNonNull(signedFile, "signedFile is required.");
    Objects.requireNonNull(out, "out is required.");
    Objects.requireNonNull(labels, "labels is required.");
    DestructionCertificate c = CertificateJson.parse(signedFile);
    CertificateJson.Signature signature = CertificateJson.signature(signedFile);

    try (PDDocument doc = new PDDocument()) {
      Layout layout = new Layout(doc, labels);

      layout.title(labels.title());
      layout.paragraph(labels.intro());

      layout.section(labels.sectionDocument());
      layout.row(labels.certificateId(), c.id().toString());
      layout.row(labels.issuedAt(), c.issuedAt().toString());
      layout.row(labels.dispositionId(), c.dispositionId().toString());
      layout.row(labels.subjectId(), c.subjectId().toString());
      layout.row(labels.centre(), c.centre());
      layout.row(labels.documentId(), c.documentId().toString());
      layout.row(labels.documentType(), c.documentType());
      layout.row(labels.versionCount(), Integer.toString(c.versionCount()));

      layout.section(labels.sectionVersions());
      for (DestroyedVersion v : c.versions()) {
        layout.subheading(labels.version() + " " + v.versionNo());
        layout.row(labels.versionId(), v.versionId().toString());
        layout.row(labels.mediaType(), v.mediaType());
        layout.row(
            labels.size(),
            String.format(Locale.ROOT, "%,d", v.sizeBytes()).replace(',', ' ')
                + " "
                + labels.bytes());
        layout.hexRow(labels.contentDigest(), v.contentDigest());
      }

      layout.section(labels.sectionRule());
      layout.row(labels.ruleDocumentType(), c.rule().documentType());
      layout.row(labels.ruleEvent(), c.rule().event());
      layout.row(labels.rulePeriod(), c.rule().period());
      layout.row(labels.ruleAction(), c.rule().action());
      layout.row(labels.retentionStart(), c.retentionStart().toString());
      layout.row(labels.dueOn(), c.dueOn().toString());

      layout.section(labels.sectionDecision());
      layout.row(labels.proposedBy(), c.proposedBy() + "  " + labels.at() + " " + c.proposedAt());
      layout.row(labels.approvedBy(), c.approvedBy() + "  " + labels.at() + " " + c.approvedAt());

      layout.section(labels.sectionSignature());
      layout.row(labels.algorithm(), signature.algorithm());
      layout.row(labels.keyId(), signature.keyId());
      layout.hexRow(labels.signatureValue(), signature.value());
      layout.row(labels.signedMessage(), "\"" + CertificateJson.FORMAT + "\\n\" + JSON");

      layout.finish();
      attach(doc, signedFile, c);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(labels.title() + " " + c.id());
      info.setSubject(c.documentId().toString());
      info.setCreator("Zhusan Vault");
      info.setCreationDate(PdfAttachment.utc(c.issuedAt()));
      doc.save(out);
    }
  }

  /**
   * Returns the embedded {@value #ATTACHMENT_NAME} of a certificate PDF.
   *
   * @throws IllegalArgumentException if the bytes are not a PDF or it has no such attachment
   */
  public static byte[] attachedCertificate(byte[] pdf) {
    return PdfAttachment.read(pdf, ATTACHMENT_NAME);
  }

  private static void attach(PDDocument doc, byte[] signedFile, DestructionCertificate c)
      throws IOException {
    PdfAttachment.attachJson(
        doc,
        ATTACHMENT_NAME,
        signedFile,
        "Signed certificate of destruction " + c.id() + " (verify this file)",
        c.issuedAt());
  }

  /**
   * The certificate's own sizes and footer over {@link PdfLayout}: places text top-down over as
   * many A4 pages as needed; footers are drawn at the end.
   */
  private static final class Layout {
    private final PdfLayout l;
    private final PDFont regular;
    private final PDFont bold;
    private final Labels labels;
    private final float width;

    Layout(PDDocument doc, Labels labels) throws IOException {
      this.l = new PdfLayout(doc, FOOTER_HEIGHT + 6);
      this.regular = l.regular;
      this.bold = l.bold;
      this.width = l.width;
      this.labels = labels;
      l.newPage();
    }

    void title(String text) throws IOException {
      l.line(bold, 18, MARGIN, text);
      l.gap(6);
      l.rule(0.8f);
      l.gap(14);
    }

    void paragraph(String text) throws IOException {
      l.paragraph(text, TEXT_SIZE);
    }

    void section(String text) throws IOException {
      l.ensure(3 * 12 * LEADING);
      l.gap(6);
      l.line(bold, 12, MARGIN, text);
      l.gap(4);
      l.rule(0.3f);
      l.gap(2);
    }

    void subheading(String text) throws IOException {
      l.ensure(5 * TEXT_SIZE * LEADING);
      l.gap(3);
      l.line(bold, TEXT_SIZE + 0.5f, MARGIN, text);
    }

    void row(String label, String value) throws IOException {
      row(label, value, regular, TEXT_SIZE);
    }

    /** A hexadecimal or base64 value, in a smaller size so a 64-digit digest fits on one line. */
    void hexRow(String label, String value) throws IOException {
      row(label, value, regular, HEX_SIZE);
    }

    private void row(String label, String value, PDFont font, float size) throws IOException {
      float valueX = MARGIN + LABEL_WIDTH;
      List<String> labelLines = l.wrap(bold, TEXT_SIZE, label, LABEL_WIDTH - 8);
      List<String> valueLines = l.wrap(font, size, value, width - LABEL_WIDTH);
      int lines = Math.max(labelLines.size(), valueLines.size());
      l.ensure(lines * TEXT_SIZE * LEADING);
      for (int i = 0; i < lines; i++) {
        l.gap(TEXT_SIZE * LEADING);
        if (i < labelLines.size()) {
          l.show(bold, TEXT_SIZE, MARGIN, l.y(), labelLines.get(i));
        }
        if (i < valueLines.size()) {
          l.show(font, size, valueX, l.y(), valueLines.get(i));
        }
      }
    }

    /** Closes the last page and draws the footer, with page numbers, on every page. */
    void finish() throws IOException {
      l.closePage();
      PDDocument doc = l.doc;
      int pages = doc.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          float baseline = MARGIN + FOOTER_HEIGHT - 12;
          footer.setLineWidth(0.3f);
          footer.moveTo(MARGIN, baseline + 10);
          footer.lineTo(MARGIN + width, baseline + 10);
          footer.stroke();
          float size = 7.5f;
          for (String line : l.wrap(regular, size, labels.footerVerify(), width)) {
            l.show(footer, regular, size, MARGIN, baseline, line);
            baseline -= size * LEADING;
          }
          l.show(footer, bold, size, MARGIN + 10, baseline, labels.footerCommand());
          baseline -= size * LEADING;
          for (String line : l.wrap(regular, size, labels.footerAttachment(), width)) {
            l.show(footer, regular, size, MARGIN, baseline, line);
            baseline -= size * LEADING;
          }
          String number = String.format(Locale.ROOT, labels.page(), i + 1, pages);
          l.show(
              footer,
              regular,
              size,
              MARGIN + width - PdfLayout.width(regular, size, number),
              MARGIN - 14,
              number);
        }
      }
    }
  }
}
