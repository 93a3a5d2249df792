package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.verify.VerificationReport;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;

/**
 * Verifying and exporting the log while other requests keep appending to it. The export must be the
 * log its fresh checkpoint covers: an entry appended between signing and streaming (a page
 * reloading its checkpoints next to "verify now", which is how the auditor journey failed in the
 * full suite) used to follow the last checkpoint as an unsigned tail, so a sound log was reported
 * as not verifying.
 */
class VerifyUnderLoadIT {

  @Test
  void onlineVerificationAndExportsStayOkWhileEntriesAreAppended() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong appended = new AtomicLong();
    Runnable reader =
        () -> {
          String token = Tokens.token("verify-load-reader", "AUDITOR");
          while (!stop.get()) {
            try {
              if (Http.get("/api/audit/checkpoints", token).statusCode() == 200) {
                appended.incrementAndGet(); // each audited read appends one entry
              }
            } catch (Exception e) {
              return;
            }
          }
        };
    Thread[] load = {new Thread(reader), new Thread(reader)};
    for (Thread t : load) {
      t.start();
    }
    try {
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = Http.get("/api/audit/verify", AuditLogs.auditor());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject v = Http.json(r);
        assertTrue(v.getBoolean("ok"), "round " + i + ": " + r.body());
        assertEquals(
            v.getJsonNumber("signedSize").longValue(),
            v.getJsonNumber("entriesChecked").longValue(),
            r.body());
        if (i % 2 == 0) {
          VerificationReport offline = AuditLogs.verify(AuditLogs.export(), null);
          assertTrue(offline.ok(), "export " + i + ": " + offline.summary());
        }
      }
      assertTrue(
          appended.get() >= 6,
          "entries were appended meanwhile (else this tests nothing): " + appended.get());
    } finally {
      stop.set(true);
      for (Thread t : load) {
        t.join(30_000);
      }
    }
  }
}
