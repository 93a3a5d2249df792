package org.zhusan.vault.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Re-seals documents stored before per-document keys: in the background after start-up, and on an
 * administrator's request ({@code POST /api/admin/keys/document-keys/reseal}). A document that
 * fails (content that does not authenticate) is logged, left as it is and not tried again by this
 * instance until it restarts.
 */
@ApplicationScoped
public class LegacyResealing {
  private static final Logger LOG = Logger.getLogger(LegacyResealing.class.getName());

  /** What one pass did. */
  public record Pass(int resealed, int failed, long remaining) {}

  @Inject LegacyDocuments documents;
  @Resource ManagedThreadFactory threads;

  private final Set<UUID> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Thread t =
        threads.newThread(
            () -> {
              try {
                Thread.sleep(5_000); // let start-up (keys, schema) settle first
                long left = documents.remaining();
                if (left > 0) {
                  LOG.info(left + " documents stored before per-document keys; re-sealing them");
                  Pass p = run(Integer.MAX_VALUE);
                  LOG.info(
                      "Re-sealing done: "
                          + p.resealed()
                          + " re-sealed, "
                          + p.failed()
                          + " failed, "
                          + p.remaining()
                          + " left");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.warning("Re-sealing legacy documents stopped: " + e.getClass().getSimpleName());
              }
            });
    t.setDaemon(true);
    t.start();
  }

  /** Re-seals up to {@code limit} legacy documents now. */
  public Pass run(int limit) {
    int resealed = 0;
    int failures = 0;
    while (resealed + failures < limit) {
      List<UUID> batch = documents.next(Math.min(50, limit - resealed - failures), failed);
      if (batch.isEmpty()) {
        break;
      }
      for (UUID id : batch) {
        try {
          if (documents.reseal(id)) {
            resealed++;
          }
        } catch (Exception e) {
          failed.add(id);
          failures++;
          LOG.severe(
              "Document "
                  + id
                  + " could not be re-sealed under its own key ("
                  + e.getClass().getSimpleName()
                  + "); left under its subject's key");
        }
      }
    }
    return new Pass(resealed, failures, documents.remaining());
  }
}
