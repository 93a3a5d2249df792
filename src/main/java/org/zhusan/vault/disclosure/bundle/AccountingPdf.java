package org.zhusan.vault.disclosure.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.zhusan.vault.pdf.PdfLayout;

/**
 * The accounting of disclosures as a PDF a guardian can be handed: every disclosure of one person's
 * documents (when, to whom, why, on what basis, by whom, which documents), as a table over A4 pages
 * in the embedded DejaVu Sans, numbered "page n of N".
 *
 * <p>Stateless and thread-safe.
 */
public final class AccountingPdf {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AccountingPdf() {}

  /** Every text the PDF prints other than the values (English today). */
  public record Labels(
      String title,
      String subject,
      String intro,
      String when,
      String recipient,
      String purpose,
      String basis,
      String madeBy,
      String documents,
      String none,
      String count,
      String footer) {

    /** The English labels. */
    public static final Labels ENGLISH =
        new Labels(
            "Accounting of disclosures",
            "Person",
            "Every time documents about this person left Zhusan Vault: when, to whom, why, on what"
                + " authority, who disclosed them and which documents.",
            "When",
            "Recipient",
            "Purpose",
            "Legal basis",
            "Disclosed by",
            "Documents",
            "No disclosures are recorded.",
            "Disclosures: %d",
            "Accounting of disclosures · page %d of %d");
  }

  /** Renders with the {@linkplain Labels#ENGLISH English} labels. */
  public static void render(String subjectLabel, List<AccountingLine> lines, OutputStream out)
      throws IOException {
    render(subjectLabel, lines, out, Labels.ENGLISH);
  }

  /** Renders the accounting of {@code subjectLabel}'s disclosures, in the order given. */
  public static void render(
      String subjectLabel, List<AccountingLine> lines, OutputStream out, Labels labels)
      throws IOException {
    Objects.requireNonNull(subjectLabel, "subjectLabel is required.");
    Objects.requireNonNull(lines, "lines is required.");
    Objects.requireNonNull(out, "out is required.");
    Objects.requireNonNull(labels, "labels is required.");
    try (PDDocument doc = new PDDocument()) {
      PdfLayout l = new PdfLayout(doc);
      l.newPage();
      l.title(labels.title());
      l.row(labels.subject(), subjectLabel, 90, PdfLayout.TEXT);
      l.gap(3);
      l.paragraph(labels.intro(), PdfLayout.TEXT);
      l.paragraph(String.format(Locale.ROOT, labels.count(), lines.size()), PdfLayout.TEXT);
      l.gap(6);
      if (lines.isEmpty()) {
        l.paragraph(labels.none(), PdfLayout.TEXT);
      } else {
        float label = 95;
        for (AccountingLine line : lines) {
          l.section(
              WHEN.format(line.when())
                  + " — "
                  + line.recipientKind()
                  + ": "
                  + line.recipientName());
          l.row(labels.purpose(), line.purpose(), label, PdfLayout.TEXT);
          l.row(labels.basis(), line.legalBasis(), label, PdfLayout.TEXT);
          l.row(labels.madeBy(), line.madeBy(), label, PdfLayout.TEXT);
          l.row(labels.documents(), String.join("\n", line.documents()), label, PdfLayout.TEXT);
          l.gap(4);
        }
      }
      l.closePage();
      int pages = doc.getNumberOfPages();
      PdfLayout.stampFooters(
          doc, l.regular, i -> String.format(Locale.ROOT, labels.footer(), i + 1, pages));
      doc.getDocumentInformation().setTitle(labels.title());
      doc.getDocumentInformation().setCreator("Zhusan Vault");
      doc.save(out);
    }
  }
}
