package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Extractions;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.ScanFixtures;

/**
 * A 200-page scanned ruling (image-only PDF, generated) is OCR'd page by page after its upload: the
 * version shows pages done of 200 while it runs, every page gets its own time limit, and at the end
 * the word printed only on page 200 is found by search.
 */
class LongScanIT {
  private static final String LAWYER = DocumentRoundTripIT.LAWYER;
  private static final int PAGES = 200;

  @Test
  void aTwoHundredPageScanIsIndexedPageByPageWithProgress() throws Exception {
    Assumptions.assumeTrue(
        Http.json(Http.get("/api/search/status", LAWYER)).getBoolean("ocrEnabled"),
        "tesseract is not installed: OCR is off");
    String subject = DocumentRoundTripIT.subject();
    byte[] scan = ScanFixtures.scannedPdf("Ruling", PAGES, "Kokshetau");
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "Scanned ruling")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("ruling-scan.pdf", scan)
            .post("/api/subjects/" + subject + "/documents", LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    String id = Http.json(r).getString("id");

    Set<Integer> seen = new TreeSet<>();
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
    JsonObject version;
    while (true) {
      version =
          Http.json(Http.get("/api/documents/" + id, LAWYER))
              .getJsonArray("versions")
              .getJsonObject(0);
      if (!version.getString("extractionStatus").equals("PENDING")) {
        break;
      }
      if (version.containsKey("pagesTotal") && !version.isNull("pagesTotal")) {
        assertEquals(PAGES, version.getInt("pagesTotal"), version.toString());
        seen.add(version.getInt("pagesDone"));
      }
      assertTrue(System.nanoTime() < deadline, "still pending: " + version);
      Thread.sleep(1_000);
    }
    Extractions.awaitDone(id);
    assertEquals("EXTRACTED", version.getString("extractionStatus"), version.toString());
    assertEquals(PAGES, version.getInt("pagesDone"), version.toString());
    assertTrue(
        seen.stream().anyMatch(p -> p > 0 && p < PAGES),
        "progress was visible while it ran: " + seen);

    JsonObject hits =
        Http.json(
            Http.postJson(
                "/api/search", LAWYER, "{\"q\":\"Kokshetau\",\"subject\":\"" + subject + "\"}"));
    assertTrue(
        hits.getJsonArray("items").stream()
            .anyMatch(h -> h.asJsonObject().getString("documentId").equals(id)),
        hits.toString());
  }
}
