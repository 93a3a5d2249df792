package org.zhusan.vault.disclosure.bundle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class AccountingPdfTest {

  @Test
  void listsEveryDisclosure() throws Exception {
    List<AccountingLine> lines =
        List.of(
            new AccountingLine(
                Instant.parse("2026-05-04T10:15:30Z"),
                "COURT",
                "Астана қалалық соты",
                "hearing on guardianship",
                "court order 2-77/2026",
                "lawyer-3",
                List.of(
                    "COURT_RULING: Ruling of 3 March (v 2)", "IDENTITY: Birth certificate (v 1)")),
            new AccountingLine(
                Instant.parse("2026-06-01T08:00:00Z"),
                "SCHOOL",
                "School No. 12",
                "enrolment",
                "consent 6a0c3b2e-1111-4222-8333-444455556666",
                "social-worker-1",
                List.of("SCHOOL_RECORD: Табель (v 1)")));
    String text = render("Айгүл С., born 2014", lines);
    assertTrue(text.contains("Accounting of disclosures"), text);
    assertTrue(text.contains("Айгүл С., born 2014"), text);
    assertTrue(text.contains("2026-05-04 10:15 UTC — COURT: Астана қалалық соты"), text);
    assertTrue(text.contains("COURT: Астана қалалық соты"), text);
    assertTrue(text.contains("court order 2-77/2026"), text);
    assertTrue(text.contains("COURT_RULING: Ruling of 3 March (v 2)"), text);
    assertTrue(text.contains("IDENTITY: Birth certificate (v 1)"), text);
    assertTrue(text.contains("SCHOOL: School No. 12"), text);
    assertTrue(text.contains("social-worker-1"), text);
    assertTrue(text.contains("SCHOOL_RECORD: Табель (v 1)"), text);
    assertTrue(text.contains("page 1 of 1"), text);
  }

  @Test
  void saysSoWhenThereAreNone() throws Exception {
    assertTrue(render("x", List.of()).contains("No disclosures are recorded."));
  }

  @Test
  void numbersManyPages() throws Exception {
    List<AccountingLine> lines = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      lines.add(
          new AccountingLine(
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i),
              "OTHER",
              "Recipient " + i,
              "purpose",
              "statute: art. 12",
              "user",
              List.of("TYPE: title (v 1)")));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccountingPdf.render("x", lines, out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      int n = doc.getNumberOfPages();
      assertTrue(n > 1);
      String all = new PDFTextStripper().getText(doc);
      for (int i = 0; i < 80; i++) {
        assertTrue(
            all.contains("OTHER: Recipient " + i + "\n")
                || all.contains("OTHER: Recipient " + i + " "),
            "line " + i);
      }
      assertTrue(all.contains("page " + n + " of " + n));
    }
  }

  private static String render(String subject, List<AccountingLine> lines) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccountingPdf.render(subject, lines, out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
