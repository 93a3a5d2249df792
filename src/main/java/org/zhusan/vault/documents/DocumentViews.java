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
}
