package org.zhusan.vault.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

/**
 * Extraction runs after an upload commits: tests that search or read what extraction found wait
 * here until the document's versions have left the queue. Reads the queue table as the owner, so
 * waiting writes nothing to the access log.
 */
public final class Extractions {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  private Extractions() {}

  /** Waits until no version of the document is PENDING; fails after a few minutes. */
  public static void awaitDone(String documentId) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (pending(documentId) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "document " + documentId + " still waits for extraction after " + LIMIT);
      }
      Thread.sleep(100);
    }
  }

  /** How many versions of the document wait for extraction. */
  public static int pending(String documentId) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM version_extraction e JOIN document_version v"
                    + " ON v.id = e.version_id WHERE v.document_id = ? AND e.state = 'PENDING'")) {
      ps.setObject(1, UUID.fromString(documentId));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
