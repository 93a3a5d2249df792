package org.zhusan.vault.disclosure.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.disclosure.bundle.CourtBundle.IndexEntry;

class CourtBundleTest {

  private static final Ed25519PrivateKeyParameters KEY = BundleFixtures.newKey();
  private static List<BundleItem> items;
  private static CourtBundle.Result result;
  private static byte[] pdf;

  @BeforeAll
  static void build() throws Exception {
    items = BundleFixtures.pdfDocxJpeg();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    result = CourtBundle.build(BundleFixtures.court(), items, BundleFixtures.signer(KEY), out);
    pdf = out.toByteArray();
  }

  @Test
  void hasACoverTheDocumentsPagesAndAManifestPage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(5, doc.getNumberOfPages()); // cover, PDF 2, JPEG 1, manifest
      assertEquals(5, result.pageCount());
      assertTrue(text(doc, 2).contains("Source page 1"));
      assertTrue(text(doc, 3).contains("Source page 2"));
      assertTrue(text(doc, 4).contains("Birth certificate"));
      String manifestPage = text(doc, 5);
      assertTrue(manifestPage.contains("Manifest"), manifestPage);
      for (BundleItem item : items) {
        assertTrue(manifestPage.contains(item.sha256()), manifestPage);
      }
      assertTrue(manifestPage.contains(BundleFixtures.signer(KEY).keyId()), manifestPage);
    }
  }

  @Test
  void theIndexListsPageRangesAndTheAnnex() throws Exception {
    assertEquals(
        List.of(
            new IndexEntry(
                BundleFixtures.PDF_ID, "Ruling of 3 March", "application/pdf", 2, 3, false),
            new IndexEntry(
                BundleFixtures.DOCX_ID, "Evaluation report", items.get(1).mediaType(), 0, 0, true),
            new IndexEntry(BundleFixtures.JPEG_ID, "Birth certificate", "image/jpeg", 4, 4, false)),
        result.index());
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String cover = text(doc, 1);
      assertTrue(cover.contains("Court bundle"), cover);
      assertTrue(cover.contains("2-77/2026"), cover);
      assertTrue(cover.contains("Астана қалалық соты"), cover);
      assertTrue(cover.contains("hearing on guardianship"), cover);
      assertTrue(cover.contains(BundleFixtures.DISCLOSURE.toString()), cover);
      assertTrue(cover.contains(BundleFixtures.SUBJECT.toString()), cover);
      assertTrue(cover.contains("lawyer-3"), cover);
      assertTrue(cover.contains("COURT_RULING: Ruling of 3 March (v2)"), cover);
      assertTrue(cover.contains("2–3"), cover);
      assertTrue(cover.matches("(?s).*Birth certificate \\(v1\\)\\s+image/jpeg\\s+4\\b.*"), cover);
      assertTrue(cover.contains("annex"), cover);
      assertTrue(cover.contains("evaluation report.docx"), cover);
      assertTrue(cover.contains(items.get(1).sha256()), cover);
      assertTrue(cover.contains(items.get(1).content().length + " bytes"), cover);
    }
  }

  @Test
  void everyPageIsStampedPageNOfN() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int n = doc.getNumberOfPages();
      for (int page = 1; page <= n; page++) {
        String text = text(doc, page);
        assertTrue(text.contains("page " + page + " of " + n), page + ": " + text);
        assertTrue(text.contains(BundleFixtures.DISCLOSURE.toString()), text);
      }
    }
  }

  @Test
  void theEmbeddedManifestIsTheSignedOneAndVerifies() {
    byte[] attached = CourtBundle.attachedManifest(pdf);
    assertArrayEquals(result.signedManifest(), attached);
    Manifest.Result verdict = Manifest.verify(attached, KEY.generatePublicKey());
    assertTrue(verdict.valid(), verdict.reason());
    Manifest.Contents contents = verdict.contents();
    assertNull(contents.packageSha256());
    assertEquals(BundleFixtures.court(), contents.header());
    assertEquals(
        List.of("pages 2-3", "annex", "page 4"),
        contents.items().stream().map(Manifest.Item::location).toList());
    for (int i = 0; i < items.size(); i++) {
      assertEquals(items.get(i).sha256(), contents.items().get(i).sha256());
    }
  }

  @Test
  void theManifestFailsWhenOneByteChanges() {
    byte[] signed = result.signedManifest();
    for (int i = 0; i < signed.length; i += 7) {
      byte[] changed = signed.clone();
      changed[i] ^= 0x04;
      assertFalse(Manifest.verify(changed, KEY.generatePublicKey()).valid(), "byte " + i);
    }
    assertFalse(Manifest.verify(signed, BundleFixtures.newKey().generatePublicKey()).valid());
  }

  @Test
  void placesPngAndEveryTiffPageAndListsUnreadableFilesAsAnnexes() throws Exception {
    List<BundleItem> more =
        List.of(
            new BundleItem(
                BundleFixtures.PDF_ID,
                1,
                "IDENTITY",
                "Photo",
                "image/png",
                "p.png",
                BundleFixtures.png()),
            new BundleItem(
                BundleFixtures.DOCX_ID,
                1,
                "SCAN",
                "Scan",
                "image/tiff",
                "s.tif",
                java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of(
                        System.getProperty("vault.repo.root", "."),
                        "src/test/resources/corpus/documents/testTIFF.tif"))),
            new BundleItem(
                BundleFixtures.JPEG_ID,
                1,
                "COURT_RULING",
                "Damaged",
                "application/pdf",
                "broken.pdf",
                "%PDF-1.7 not really".getBytes()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CourtBundle.Result r =
        CourtBundle.build(BundleFixtures.court(), more, BundleFixtures.signer(KEY), out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertEquals(r.pageCount(), doc.getNumberOfPages());
      assertEquals(2, r.index().get(0).firstPage());
      assertFalse(r.index().get(1).annex());
      assertTrue(r.index().get(2).annex());
      assertEquals(r.index().get(1).lastPage() + 1, r.pageCount()); // then the manifest
    }
  }

  @Test
  void aLongIndexTakesMoreCoverPages() throws Exception {
    java.util.ArrayList<BundleItem> many = new java.util.ArrayList<>();
    byte[] jpeg = BundleFixtures.jpeg();
    for (int i = 0; i < 70; i++) {
      many.add(
          new BundleItem(
              java.util.UUID.randomUUID(),
              1,
              "IDENTITY",
              "Photo " + i,
              "image/jpeg",
              i + ".jpg",
              jpeg));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CourtBundle.Result r =
        CourtBundle.build(BundleFixtures.court(), many, BundleFixtures.signer(KEY), out);
    int cover = r.index().get(0).firstPage() - 1;
    assertTrue(cover > 1, "cover pages: " + cover);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertEquals(r.pageCount(), doc.getNumberOfPages());
      assertTrue(text(doc, cover + 1).contains("Photo 0"));
      int n = doc.getNumberOfPages();
      assertTrue(text(doc, n).contains("page " + n + " of " + n));
    }
  }

  static String text(PDDocument doc, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }
}
