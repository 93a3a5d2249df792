package org.zhusan.vault.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.documents.content.ExtractionResult;
import org.zhusan.vault.keys.FieldBinding;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.keys.SealedText;
import org.zhusan.vault.keys.Sealing;

/**
 * Extraction and indexing of one version after its upload committed: PENDING while it waits in the
 * queue ({@link ExtractionQueue}), then EXTRACTED or NOT_INDEXED with a fixed reason and the
 * extracted metadata, sealed. Pages done / total while a long scan is OCR'd.
 */
@Entity
@Table(name = "version_extraction")
public class VersionExtraction {
  /** Where a version's extraction stands. */
  public enum State {
    PENDING,
    EXTRACTED,
    NOT_INDEXED
  }

  @Id
  @Column(name = "version_id")
  private UUID versionId;

  @Column(name = "state", nullable = false)
  private String state;

  @Column(name = "reason")
  private String reason;

  @Column(name = "metadata_ct")
  private SealedText metadata;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "pages_done")
  private Integer pagesDone;

  @Column(name = "pages_total")
  private Integer pagesTotal;

  @Column(name = "enqueued_at", nullable = false)
  private Instant enqueuedAt;

  @Column(name = "leased_until")
  private Instant leasedUntil;

  @Column(name = "leased_by")
  private String leasedBy;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected VersionExtraction() {}

  static VersionExtraction pending(UUID versionId) {
    VersionExtraction e = new VersionExtraction();
    e.versionId = versionId;
    e.state = State.PENDING.name();
    e.enqueuedAt = Instant.now();
    return e;
  }

  /**
   * Records the outcome, once: later calls (a second worker after a lease expired) change nothing.
   */
  boolean finish(KeyScope keyOwner, ExtractionResult result) {
    if (state() != State.PENDING) {
      return false;
    }
    // Sealed first: sealing may load the subject's key with a query, which flushes this entity;
    // it must not be flushed half-changed (the table checks that a finished row has finished_at).
    SealedText sealed =
        Sealing.seal(
            new FieldBinding(keyOwner, "version_extraction", "metadata_ct", versionId),
            VersionMetadata.toJson(result.metadata()));
    state = result.extracted() ? State.EXTRACTED.name() : State.NOT_INDEXED.name();
    reason = result.extracted() ? null : result.reason();
    metadata = sealed;
    finishedAt = Instant.now();
    leasedUntil = null;
    return true;
  }

  /** Re-seals the extracted metadata under another key (a legacy document's re-sealing). */
  void reseal(KeyScope from, KeyScope to) {
    String plain = metadataJson(from).orElse(null);
    if (plain != null) {
      metadata =
          Sealing.seal(new FieldBinding(to, "version_extraction", "metadata_ct", versionId), plain);
    }
  }

  public UUID versionId() {
    return versionId;
  }

  public State state() {
    return State.valueOf(state);
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public int attempts() {
    return attempts;
  }

  public Optional<Integer> pagesDone() {
    return Optional.ofNullable(pagesDone);
  }

  public Optional<Integer> pagesTotal() {
    return Optional.ofNullable(pagesTotal);
  }

  public Optional<String> metadataJson(KeyScope keyOwner) {
    return Optional.ofNullable(
        Sealing.open(
            new FieldBinding(keyOwner, "version_extraction", "metadata_ct", versionId), metadata));
  }
}
