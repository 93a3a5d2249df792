package org.zhusan.vault.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.zhusan.vault.keys.KeyScope;

/** Response bodies of the documents API (metadata only; content is streamed separately). */
public final class DocumentViews {
  private DocumentViews() {}

  public record VersionView(
      UUID id,
      int version,
      String mediaType,
      long sizeBytes,
      String fileName,
      String uploadedBy,
      Instant uploadedAt,
      String extractionStatus,
      String extractionReason,
      Integer pagesDone,
      Integer pagesTotal,
      Map<String, String> metadata) {}

  public record DocumentView(
      UUID id,
      UUID subjectId,
      String type,
      String title,
      int latestVersion,
      Instant createdAt,
      String createdBy,
      List<VersionView> versions,
      Instant destroyedAt,
      UUID certificateId) {}

  /**
   * A document with the given versions; the encrypted title, file names and metadata are opened for
   * the answer.
   */
  static DocumentView of(
      Document d, List<DocumentVersion> versions, Map<UUID, VersionExtraction> extractions) {
    if (d.destroyed()) {
      // Its key is gone: what is left is that it existed, its type and when it was destroyed.
      return new DocumentView(
          d.id(),
          d.subjectId(),
          d.type().name(),
          null,
          d.latestVersion(),
          d.createdAt(),
          d.createdBy(),
          List.of(),
          d.destroyedAt().orElseThrow(),
          d.certificateId().orElseThrow());
    }
    return new DocumentView(
        d.id(),
        d.subjectId(),
        d.type().name(),
        d.title(),
        d.latestVersion(),
        d.createdAt(),
        d.createdBy(),
        versions.stream().map(v -> version(d, v, extractions.get(v.id()))).toList(),
        null,
        null);
  }

  /**
   * A version; its extraction outcome is the queue's ({@code version_extraction}) for versions
   * uploaded since indexing runs after commit, else the one recorded with the version.
   */
  private static VersionView version(Document d, DocumentVersion v, VersionExtraction e) {
    KeyScope owner = d.keyScope();
    return new VersionView(
        v.id(),
        v.versionNo(),
        v.mediaType(),
        v.sizeBytes(),
        v.fileName(owner).orElse(null),
        v.uploadedBy(),
        v.uploadedAt(),
        e != null ? e.state().name() : v.extractionStatus(),
        e != null ? e.reason().orElse(null) : v.extractionReason().orElse(null),
        e != null ? e.pagesDone().orElse(null) : null,
        e != null ? e.pagesTotal().orElse(null) : null,
        VersionMetadata.fromJson(
            (e != null ? e.metadataJson(owner) : v.metadataJson(owner)).orElse(null)));
  }
}
