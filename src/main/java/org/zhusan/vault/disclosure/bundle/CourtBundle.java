package org.zhusan.vault.disclosure.bundle;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.zhusan.vault.pdf.PdfAttachment;
import org.zhusan.vault.pdf.PdfLayout;

/**
 * The court bundle: one paginated PDF for a court. A cover page (recipient, case reference,
 * purpose, legal basis, who, when, disclosure id, subject id) with an index of the documents and
 * their page ranges; then each item's pages in order — PDF pages imported as they are, images
 * (JPEG, PNG, TIFF, every TIFF page) one per A4 page scaled to fit within the margins, any other
 * type listed on the cover as an annex (title, file name, media type, size, SHA-256) without pages;
 * a last page "Manifest" with each item's SHA-256, the key id and the signature. Every page is
 * stamped at the bottom "Disclosure &lt;id&gt; · page n of N". The signed manifest ({@link
 * Manifest}, each item's {@code location} being its page range or {@code "annex"}) is attached as
 * {@value #ATTACHMENT_NAME}.
 *
 * <p>A file cannot contain its own hash, so the manifest's {@code packageSha256} is {@code null}
 * here: whoever checks a bundle computes its SHA-256 separately and compares it with the vault's
 * record of the disclosure.
 *
 * <p>A PDF that cannot be opened without a password, or an image that cannot be decoded, becomes an
 * annex too (its bytes are still hashed in the manifest). Attachments, forms' field data and
 * document-level scripts of the source PDFs are not carried over; their pages and annotations are.
 *
 * <p>Stateless and thread-safe; everything is in memory while one bundle is built.
 */
public final class CourtBundle {

  /** The name of the embedded signed manifest. */
  public static final String ATTACHMENT_NAME = "manifest.json";

  private static final float IMAGE_CAPTION = 8;

  private CourtBundle() {}

  /** What the bundle holds. */
  public record Result(int pageCount, List<IndexEntry> index, byte[] signedManifest) {
    /** Copies the index. */
    public Result {
      index = List.copyOf(index);
    }
  }

  /** One line of the cover's index: pages {@code firstPage..lastPage}, or 0, 0 for an annex. */
  public record IndexEntry(
      UUID documentId,
      String title,
      String mediaType,
      int firstPage,
      int lastPage,
      boolean annex) {}

  /** Every text the bundle prints other than the disclosure's values (English today). */
  public record Labels(
      String title,
      String intro,
      String sectionDisclosure,
      String recipient,
      String caseReference,
      String purpose,
      String legalBasis,
      String madeBy,
      String madeAt,
      String disclosureId,
      String subjectId,
      String sectionIndex,
      String number,
      String document,
      String mediaType,
      String pages,
      String annex,
      String sectionAnnexes,
      String annexIntro,
      String fileName,
      String size,
      String bytes,
      String sha256,
      String manifestTitle,
      String manifestIntro,
      String algorithm,
      String keyId,
      String signatureValue,
      String signedMessage,
      String bundleHash,
      String verify,
      String verifyCommand,
      String footer,
      String none) {

    /** The English labels. */
    public static final Labels ENGLISH =
        new Labels(
            "Court bundle",
            "Documents disclosed by Zhusan Vault. Each document's pages follow in the order of the"
                + " index; documents that cannot be shown as pages are listed as annexes and"
                + " identified by their SHA-256. The last page is the signed manifest.",
            "Disclosure",
            "Recipient",
            "Case reference",
            "Purpose",
            "Legal basis",
            "Disclosed by",
            "Made at",
            "Disclosure id",
            "Subject id",
            "Index of documents",
            "No.",
            "Document",
            "Media type",
            "Pages",
            "annex",
            "Annexes (not reproduced in this bundle)",
            "These documents were disclosed but are not reproduced as pages; the recipient receives"
                + " them separately. Their SHA-256 identifies each one exactly.",
            "File name",
            "Size",
            "bytes",
            "SHA-256",
            "Manifest",
            "The manifest lists the SHA-256 of every disclosed document and is signed with the"
                + " vault's published Ed25519 key. The signed original is attached to this PDF as"
                + " manifest.json; this page is a copy of it for reading.",
            "Algorithm",
            "Key id",
            "Signature (base64)",
            "Signed message",
            "The SHA-256 of this PDF file itself is not in the manifest (a file cannot contain its"
                + " own hash): compute it (sha256sum bundle.pdf) and compare it with the hash the"
                + " vault recorded for this disclosure.",
            "To verify offline, with the vault's published public key:",
            "java -jar zhusan-vault-cli.jar verify-disclosure <bundle.pdf> --key"
                + " <published-key.pem>",
            "Disclosure %s · page %d of %d",
            "none");
  }

  /** Builds the bundle with the {@linkplain Labels#ENGLISH English} labels. */
  public static Result build(
      BundleHeader header, List<BundleItem> items, Signer signer, OutputStream out)
      throws IOException {
    return build(header, items, signer, out, Labels.ENGLISH);
  }

  /**
   * Builds the bundle and writes it to {@code out}.
   *
   * @throws IllegalArgumentException if there are no items
   * @throws IOException if writing fails
   */
  public static Result build(
      BundleHeader header, List<BundleItem> items, Signer signer, OutputStream out, Labels labels)
      throws IOException {
    Objects.requireNonNull(header, "header is required.");
    Objects.requireNonNull(items, "items is required.");
    Objects.requireNonNull(signer, "signer is required.");
    Objects.requireNonNull(out, "out is required.");
    Objects.requireNonNull(labels, "labels is required.");
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a bundle needs at least one document");
    }
    List<Part> parts = new ArrayList<>(items.size());
    try {
      for (BundleItem item : items) {
        parts.add(Part.of(item));
      }

      // Page breaks depend on the text, not on the numbers printed: count in dry runs.
      int coverPages = dryRun(d -> cover(d, header, parts, placeholderIndex(parts), labels));
      byte[] placeholderSignature = new byte[64];
      int manifestPages =
          dryRun(d -> manifestPage(d, header, parts, placeholderSignature, "0".repeat(16), labels));

      List<IndexEntry> index = new ArrayList<>(parts.size());
      List<String> locations = new ArrayList<>(parts.size());
      int next = coverPages + 1;
      for (Part part : parts) {
        if (part.pageCount == 0) {
          index.add(entry(part.item, 0, 0, true));
          locations.add("annex");
        } else {
          int last = next + part.pageCount - 1;
          index.add(entry(part.item, next, last, false));
          locations.add(next == last ? "page " + next : "pages " + next + "-" + last);
          next = last + 1;
        }
      }
      int pageCount = next - 1 + manifestPages;

      byte[] body = Manifest.body(header, items, null, locations);
      byte[] signature = signer.sign(Manifest.signedMessage(body));
      byte[] signedManifest = Manifest.signedFile(body, signature, signer.keyId());

      try (PDDocument doc = new PDDocument()) {
        PdfLayout cover = cover(doc, header, parts, index, labels);
        for (Part part : parts) {
          part.addPages(doc, cover);
        }
        manifestPage(doc, header, parts, signature, signer.keyId(), labels);
        if (doc.getNumberOfPages() != pageCount) {
          throw new IllegalStateException(
              "laid out " + doc.getNumberOfPages() + " pages, counted " + pageCount);
        }
        PdfLayout.stampFooters(
            doc,
            cover.regular,
            i ->
                String.format(
                    Locale.ROOT, labels.footer(), header.disclosureId(), i + 1, pageCount));
        attach(doc, signedManifest, header);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(labels.title() + " " + header.caseReference());
        info.setSubject(header.disclosureId().toString());
        info.setCreator("Zhusan Vault");
        info.setCreationDate(PdfAttachment.utc(header.madeAt()));
        doc.save(out);
      }
      return new Result(pageCount, index, signedManifest);
    } finally {
      for (Part part : parts) {
        part.close();
      }
    }
  }

  /**
   * Returns the embedded {@value #ATTACHMENT_NAME} of a court bundle.
   *
   * @throws IllegalArgumentException if the bytes are not a PDF or it has no such attachment
   */
  public static byte[] attachedManifest(byte[] pdf) {
    return PdfAttachment.read(pdf, ATTACHMENT_NAME);
  }

  // ---- the pages ----

  private static PdfLayout cover(
      PDDocument doc, BundleHeader h, List<Part> parts, List<IndexEntry> index, Labels labels)
      throws IOException {
    PdfLayout l = new PdfLayout(doc);
    l.newPage();
    l.title(labels.title());
    l.paragraph(labels.intro(), PdfLayout.TEXT);
    l.section(labels.sectionDisclosure());
    float label = 120;
    l.row(labels.recipient(), h.recipientKind() + ": " + h.recipientName(), label, PdfLayout.TEXT);
    l.row(
        labels.caseReference(),
        h.caseReference() == null ? "—" : h.caseReference(),
        label,
        PdfLayout.TEXT);
    l.row(labels.purpose(), h.purpose(), label, PdfLayout.TEXT);
    l.row(labels.legalBasis(), h.legalBasis(), label, PdfLayout.TEXT);
    l.row(labels.madeBy(), h.madeBy(), label, PdfLayout.TEXT);
    l.row(labels.madeAt(), h.madeAt().toString(), label, PdfLayout.TEXT);
    l.row(labels.disclosureId(), h.disclosureId().toString(), label, PdfLayout.TEXT);
    l.row(labels.subjectId(), h.subjectId().toString(), label, PdfLayout.TEXT);

    l.section(labels.sectionIndex());
    float[] widths = {30, l.width - 30 - 120 - 70, 120, 70};
    String[] head = {labels.number(), labels.document(), labels.mediaType(), labels.pages()};
    l.tableHeader(head, widths, PdfLayout.TEXT);
    l.onNewPage(() -> l.tableHeader(head, widths, PdfLayout.TEXT));
    boolean anyAnnex = false;
    for (int i = 0; i < parts.size(); i++) {
      BundleItem item = parts.get(i).item;
      IndexEntry e = index.get(i);
      anyAnnex |= e.annex();
      String pages =
          e.annex()
              ? labels.annex()
              : e.firstPage() == e.lastPage()
                  ? Integer.toString(e.firstPage())
                  : e.firstPage() + "–" + e.lastPage();
      l.table(
          new String[] {
            (i + 1) + ".",
            item.documentType() + ": " + item.title() + " (v" + item.versionNo() + ")",
            item.mediaType(),
            pages
          },
          widths,
          PdfLayout.TEXT,
          false);
    }
    l.onNewPage(null);
    if (anyAnnex) {
      l.section(labels.sectionAnnexes());
      l.paragraph(labels.annexIntro(), PdfLayout.TEXT);
      for (int i = 0; i < parts.size(); i++) {
        if (!index.get(i).annex()) {
          continue;
        }
        Part part = parts.get(i);
        l.gap(3);
        l.row((i + 1) + ".", part.item.title(), 30, PdfLayout.TEXT);
        l.row(labels.fileName(), part.item.fileName(), label, PdfLayout.SMALL);
        l.row(labels.mediaType(), part.item.mediaType(), label, PdfLayout.SMALL);
        l.row(
            labels.size(),
            part.item.content().length + " " + labels.bytes(),
            label,
            PdfLayout.SMALL);
        l.row(labels.sha256(), part.sha256, label, PdfLayout.SMALL);
      }
    }
    l.closePage();
    return l;
  }

  private static void manifestPage(
      PDDocument doc,
      BundleHeader h,
      List<Part> parts,
      byte[] signature,
      String keyId,
      Labels labels)
      throws IOException {
    PdfLayout l = new PdfLayout(doc);
    l.newPage();
    l.title(labels.manifestTitle());
    l.paragraph(labels.manifestIntro(), PdfLayout.TEXT);
    l.gap(4);
    float label = 120;
    l.row(labels.disclosureId(), h.disclosureId().toString(), label, PdfLayout.TEXT);
    l.section(labels.sha256());
    float[] widths = {30, l.width - 30 - 340, 340};
    String[] head = {labels.number(), labels.document(), labels.sha256()};
    l.tableHeader(head, widths, PdfLayout.SMALL);
    l.onNewPage(() -> l.tableHeader(head, widths, PdfLayout.SMALL));
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      l.table(
          new String[] {(i + 1) + ".", part.item.title(), part.sha256},
          widths,
          PdfLayout.SMALL,
          false);
    }
    l.onNewPage(null);
    l.section(labels.signatureValue());
    l.row(labels.algorithm(), Manifest.ALGORITHM, label, PdfLayout.TEXT);
    l.row(labels.keyId(), keyId, label, PdfLayout.TEXT);
    l.row(
        labels.signatureValue(),
        java.util.Base64.getEncoder().encodeToString(signature),
        label,
        PdfLayout.SMALL);
    l.row(labels.signedMessage(), "\"" + Manifest.FORMAT + "\\n\" + JSON", label, PdfLayout.SMALL);
    l.gap(6);
    l.paragraph(labels.bundleHash(), PdfLayout.TEXT);
    l.gap(4);
    l.paragraph(labels.verify(), PdfLayout.TEXT);
    l.line(l.bold, PdfLayout.SMALL, PdfLayout.MARGIN + 10, labels.verifyCommand());
    l.closePage();
  }

  private interface Render {
    void render(PDDocument doc) throws IOException;
  }

  private static int dryRun(Render render) throws IOException {
    try (PDDocument scratch = new PDDocument()) {
      render.render(scratch);
      return scratch.getNumberOfPages();
    }
  }

  private static List<IndexEntry> placeholderIndex(List<Part> parts) {
    List<IndexEntry> index = new ArrayList<>(parts.size());
    for (Part part : parts) {
      index.add(entry(part.item, 9999, 9999, part.pageCount == 0));
    }
    return index;
  }

  private static IndexEntry entry(BundleItem item, int first, int last, boolean annex) {
    return new IndexEntry(item.documentId(), item.title(), item.mediaType(), first, last, annex);
  }

  private static void attach(PDDocument doc, byte[] signedManifest, BundleHeader h)
      throws IOException {
    PdfAttachment.attachJson(
        doc,
        ATTACHMENT_NAME,
        signedManifest,
        "Signed manifest of disclosure " + h.disclosureId() + " (verify this)",
        h.madeAt());
  }

  /** One item prepared for the bundle: a PDF opened, an image checked, or an annex. */
  private static final class Part implements AutoCloseable {
    final BundleItem item;
    final String sha256;
    final Kind kind;
    final int pageCount;
    private final PDDocument pdf;

    enum Kind {
      PDF,
      JPEG,
      PNG,
      TIFF,
      ANNEX
    }

    private Part(BundleItem item, Kind kind, int pageCount, PDDocument pdf) {
      this.item = item;
      this.sha256 = item.sha256();
      this.kind = kind;
      this.pageCount = pageCount;
      this.pdf = pdf;
    }

    static Part of(BundleItem item) {
      String type = item.baseMediaType();
      try {
        switch (type) {
          case "application/pdf" -> {
            PDDocument pdf = Loader.loadPDF(item.content());
            if (pdf.getNumberOfPages() == 0) {
              pdf.close();
              return annex(item);
            }
            return new Part(item, Kind.PDF, pdf.getNumberOfPages(), pdf);
          }
          case "image/jpeg", "image/png" -> {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(item.content()));
            return image == null
                ? annex(item)
                : new Part(item, type.equals("image/png") ? Kind.PNG : Kind.JPEG, 1, null);
          }
          case "image/tiff" -> {
            int pages = tiffPages(item.content());
            return pages == 0 ? annex(item) : new Part(item, Kind.TIFF, pages, null);
          }
          default -> {
            return annex(item);
          }
        }
      } catch (IOException | RuntimeException e) {
        // Unreadable (password, damage, unsupported colour model): list it, hashed, as an annex.
        return annex(item);
      }
    }

    private static Part annex(BundleItem item) {
      return new Part(item, Kind.ANNEX, 0, null);
    }

    void addPages(PDDocument doc, PdfLayout fonts) throws IOException {
      switch (kind) {
        case PDF -> {
          for (PDPage page : pdf.getPages()) {
            doc.importPage(page);
          }
        }
        case JPEG -> imagePage(doc, fonts, JPEGFactory.createFromByteArray(doc, item.content()));
        case PNG ->
            imagePage(
                doc,
                fonts,
                LosslessFactory.createFromImage(
                    doc, ImageIO.read(new ByteArrayInputStream(item.content()))));
        case TIFF -> {
          try (ImageInputStream in =
              ImageIO.createImageInputStream(new ByteArrayInputStream(item.content()))) {
            ImageReader reader = tiffReader(in);
            try {
              for (int i = 0; i < pageCount; i++) {
                BufferedImage image = reader.read(i);
                PDImageXObject x =
                    image.getColorModel().getPixelSize() == 1
                        ? CCITTFactory.createFromImage(doc, image)
                        : LosslessFactory.createFromImage(doc, image);
                imagePage(doc, fonts, x);
              }
            } finally {
              reader.dispose();
            }
          }
        }
        case ANNEX -> {}
      }
    }

    private void imagePage(PDDocument doc, PdfLayout fonts, PDImageXObject image)
        throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float top = PDRectangle.A4.getHeight() - PdfLayout.MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        String caption =
            fonts.printable(
                fonts.regular,
                item.documentType() + ": " + item.title() + " (" + item.fileName() + ")");
        List<String> lines = fonts.wrap(fonts.regular, IMAGE_CAPTION, caption, fonts.width);
        String first = lines.get(0) + (lines.size() > 1 ? "…" : "");
        content.beginText();
        content.setFont(fonts.regular, IMAGE_CAPTION);
        content.newLineAtOffset(PdfLayout.MARGIN, top - IMAGE_CAPTION);
        content.showText(fonts.printable(fonts.regular, first));
        content.endText();
        float boxTop = top - IMAGE_CAPTION * 2.5f;
        float boxBottom = PdfLayout.MARGIN + PdfLayout.FOOTER_SPACE;
        float boxWidth = fonts.width;
        float boxHeight = boxTop - boxBottom;
        float scale = Math.min(boxWidth / image.getWidth(), boxHeight / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        content.drawImage(
            image, PdfLayout.MARGIN + (boxWidth - w) / 2, boxBottom + (boxHeight - h), w, h);
      }
    }

    private static int tiffPages(byte[] content) throws IOException {
      try (ImageInputStream in =
          ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
        ImageReader reader = tiffReader(in);
        try {
          return reader.getNumImages(true);
        } finally {
          reader.dispose();
        }
      }
    }

    private static ImageReader tiffReader(ImageInputStream in) throws IOException {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        throw new IOException("no reader for this TIFF");
      }
      ImageReader reader = readers.next();
      reader.setInput(in, false, true);
      return reader;
    }

    @Override
    public void close() {
      if (pdf != null) {
        try {
          pdf.close();
        } catch (IOException e) {
          // nothing was written to it
        }
      }
    }
  }
}
