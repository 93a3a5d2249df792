package org.zhusan.vault.records.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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

  private static final String REGULAR_FONT = "/fonts/DejaVuSans.ttf";
  private static final String BOLD_FONT = "/fonts/DejaVuSans-Bold.ttf";

  private static final float MARGIN = 50;
  private static final float LABEL_WIDTH = 140;
  private static final float TEXT_SIZE = 9.5f;
  private static final float HEX_SIZE = 8;
  private static final float LEADING = 1.3f;
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
      PDFont regular = loadFont(doc, REGULAR_FONT);
      PDFont bold = loadFont(doc, BOLD_FONT);
      Layout layout = new Layout(doc, regular, bold, labels);

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
      info.setCreationDate(calendar(c));
      doc.save(out);
    }
  }

  /**
   * Returns the embedded {@value #ATTACHMENT_NAME} of a certificate PDF.
   *
   * @throws IllegalArgumentException if the bytes are not a PDF or it has no such attachment
   */
  public static byte[] attachedCertificate(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf is required.");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
      PDComplexFileSpecification spec = tree == null ? null : find(tree);
      PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
      if (file == null) {
        throw new IllegalArgumentException("the PDF has no attached " + ATTACHMENT_NAME);
      }
      return file.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable PDF: " + e.getMessage(), e);
    }
  }

  private static PDComplexFileSpecification find(PDEmbeddedFilesNameTreeNode node)
      throws IOException {
    Map<String, PDComplexFileSpecification> names = node.getNames();
    if (names != null && names.containsKey(ATTACHMENT_NAME)) {
      return names.get(ATTACHMENT_NAME);
    }
    if (node.getKids() != null) {
      for (var kid : node.getKids()) {
        PDComplexFileSpecification found = find((PDEmbeddedFilesNameTreeNode) kid);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void attach(PDDocument doc, byte[] signedFile, DestructionCertificate c)
      throws IOException {
    PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(signedFile));
    embedded.setSubtype("application/json");
    embedded.setSize(signedFile.length);
    embedded.setCreationDate(calendar(c));
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(ATTACHMENT_NAME);
    spec.setFileUnicode(ATTACHMENT_NAME);
    spec.setFileDescription("Signed certificate of destruction " + c.id() + " (verify this file)");
    spec.setEmbeddedFile(embedded);
    spec.setEmbeddedFileUnicode(embedded);
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(ATTACHMENT_NAME, spec));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    doc.getDocumentCatalog().setNames(names);
  }

  private static Calendar calendar(DestructionCertificate c) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    calendar.setTimeInMillis(c.issuedAt().toEpochMilli());
    return calendar;
  }

  private static PDFont loadFont(PDDocument doc, String resource) throws IOException {
    try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " is missing from the class path");
      }
      return PDType0Font.load(doc, in, true);
    }
  }

  /** Places text top-down over as many A4 pages as needed; footers are drawn at the end. */
  private static final class Layout {
    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final Labels labels;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream content;
    private float y;

    Layout(PDDocument doc, PDFont regular, PDFont bold, Labels labels) throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      this.labels = labels;
      newPage();
    }

    void title(String text) throws IOException {
      line(bold, 18, MARGIN, text);
      y -= 6;
      content.setLineWidth(0.8f);
      content.moveTo(MARGIN, y);
      content.lineTo(MARGIN + width, y);
      content.stroke();
      y -= 14;
    }

    void paragraph(String text) throws IOException {
      for (String l : wrap(regular, TEXT_SIZE, text, width)) {
        line(regular, TEXT_SIZE, MARGIN, l);
      }
    }

    void section(String text) throws IOException {
      ensure(3 * 12 * LEADING);
      y -= 6;
      line(bold, 12, MARGIN, text);
      y -= 4;
      content.setLineWidth(0.3f);
      content.moveTo(MARGIN, y);
      content.lineTo(MARGIN + width, y);
      content.stroke();
      y -= 2;
    }

    void subheading(String text) throws IOException {
      ensure(5 * TEXT_SIZE * LEADING);
      y -= 3;
      line(bold, TEXT_SIZE + 0.5f, MARGIN, text);
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
      List<String> labelLines = wrap(bold, TEXT_SIZE, label, LABEL_WIDTH - 8);
      List<String> valueLines = wrap(font, size, value, width - LABEL_WIDTH);
      int lines = Math.max(labelLines.size(), valueLines.size());
      ensure(lines * TEXT_SIZE * LEADING);
      for (int i = 0; i < lines; i++) {
        y -= TEXT_SIZE * LEADING;
        if (i < labelLines.size()) {
          show(bold, TEXT_SIZE, MARGIN, y, labelLines.get(i));
        }
        if (i < valueLines.size()) {
          show(font, size, valueX, y, valueLines.get(i));
        }
      }
    }

    private void line(PDFont font, float size, float x, String text) throws IOException {
      ensure(size * LEADING);
      y -= size * LEADING;
      show(font, size, x, y, text);
    }

    private void show(PDFont font, float size, float x, float baseline, String text)
        throws IOException {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, baseline);
      content.showText(printable(font, text));
      content.endText();
    }

    private void ensure(float height) throws IOException {
      if (y - height < MARGIN + FOOTER_HEIGHT + 6) {
        newPage();
      }
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      content = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Closes the last page and draws the footer, with page numbers, on every page. */
    void finish() throws IOException {
      content.close();
      content = null;
      int pages = doc.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          content = footer;
          float baseline = MARGIN + FOOTER_HEIGHT - 12;
          footer.setLineWidth(0.3f);
          footer.moveTo(MARGIN, baseline + 10);
          footer.lineTo(MARGIN + width, baseline + 10);
          footer.stroke();
          float size = 7.5f;
          List<String> text = new ArrayList<>(wrap(regular, size, labels.footerVerify(), width));
          for (String l : text) {
            show(regular, size, MARGIN, baseline, l);
            baseline -= size * LEADING;
          }
          show(bold, size, MARGIN + 10, baseline, labels.footerCommand());
          baseline -= size * LEADING;
          for (String l : wrap(regular, size, labels.footerAttachment(), width)) {
            show(regular, size, MARGIN, baseline, l);
            baseline -= size * LEADING;
          }
          String number = String.format(Locale.ROOT, labels.page(), i + 1, pages);
          show(
              regular,
              size,
              MARGIN + width - regular.getStringWidth(number) / 1000 * size,
              MARGIN - 14,
              number);
        }
      }
      content = null;
    }

    /** Splits text into lines that fit {@code maxWidth}, at spaces, or anywhere in long tokens. */
    private List<String> wrap(PDFont font, float size, String text, float maxWidth)
        throws IOException {
      String printable = printable(font, text);
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : printable.split(" ", -1)) {
        String candidate = current.length() == 0 ? word : current + " " + word;
        if (width(font, size, candidate) <= maxWidth) {
          current.setLength(0);
          current.append(candidate);
          continue;
        }
        if (current.length() > 0) {
          lines.add(current.toString());
          current.setLength(0);
        }
        // The word alone may be too long (a digest, base64): cut it by characters.
        int start = 0;
        for (int end = 1; end <= word.length(); end++) {
          if (width(font, size, word.substring(start, end)) > maxWidth && end - 1 > start) {
            lines.add(word.substring(start, end - 1));
            start = end - 1;
          }
        }
        current.append(word, start, word.length());
      }
      if (current.length() > 0 || lines.isEmpty()) {
        lines.add(current.toString());
      }
      return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    /** Replaces control characters and characters the font has no glyph for with "?". */
    private String printable(PDFont font, String text) {
      Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                boolean ok =
                    !Character.isISOControl(cp)
                        && known.computeIfAbsent(cp, c -> encodable(font, c));
                out.appendCodePoint(ok ? cp : '?');
              });
      return out.toString();
    }

    private static boolean encodable(PDFont font, int codePoint) {
      try {
        font.encode(new String(Character.toChars(codePoint))); // throws when there is no glyph
        return true;
      } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
        return false;
      }
    }
  }
}
