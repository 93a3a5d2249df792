package org.zhusan.vault.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
      Map<String, String> metadata) {}

  public record DocumentView(
      UUID id,
      UUID subjectId,
      String type,
      String title,
      int latestVersion,
      Instant createdAt,
      String createdBy,
      List<VersionView> versions) {}

  /**
   * A document with the given versions; the encrypted title, file names and metadata are opened for
   * the answer.
   */
  static DocumentView of(Document d, List<DocumentVersion> versions) {
    return new DocumentView(
        d.id(),
        d.subjectId(),
        d.type().name(),
        d.title(),
        d.latestVersion(),
        d.createdAt(),
        d.createdBy(),
        versions.stream()
            .map(
                v ->
                    new VersionView(
                        v.id(),
                        v.versionNo(),
                        v.mediaType(),
                        v.sizeBytes(),
                        v.fileName(d.subjectId()).orElse(null),
                        v.uploadedBy(),
                        v.uploadedAt(),
                        v.extractionStatus(),
                        v.extractionReason().orElse(null),
                        VersionMetadata.fromJson(v.metadataJson(d.subjectId()).orElse(null))))
            .toList());
  }
}
