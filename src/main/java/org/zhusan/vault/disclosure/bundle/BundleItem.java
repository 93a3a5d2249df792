package org.zhusan.vault.disclosure.bundle;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One document of a disclosure: its plaintext bytes in memory, its detected media type, and what
 * the index shows.
 *
 * @param documentId the document
 * @param versionNo the disclosed version, from 1
 * @param documentType the document's type (e.g. {@code COURT_RULING})
 * @param title the title shown in the index
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param fileName the file name as uploaded (made safe again where it is used)
 * @param content the plaintext bytes (not copied: do not change them while a package is built)
 */
public record BundleItem(
    UUID documentId,
    int versionNo,
    String documentType,
    String title,
    String mediaType,
    String fileName,
    byte[] content) {

  /** Validates that every field is present and the version is positive. */
  public BundleItem {
    Objects.requireNonNull(documentId, "documentId is required.");
    Objects.requireNonNull(documentType, "documentType is required.");
    Objects.requireNonNull(title, "title is required.");
    Objects.requireNonNull(mediaType, "mediaType is required.");
    Objects.requireNonNull(fileName, "fileName is required.");
    Objects.requireNonNull(content, "content is required.");
    if (versionNo < 1) {
      throw new IllegalArgumentException("versionNo starts at 1");
    }
  }

  /** Returns the lower-case hex SHA-256 of the content bytes. */
  public String sha256() {
    return Sha256.hex(content);
  }

  /** The media type without parameters, in lower case ({@code "image/jpeg; x=y"} → image/jpeg). */
  String baseMediaType() {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .strip()
        .toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BundleItem other
        && documentId.equals(other.documentId)
        && versionNo == other.versionNo
        && documentType.equals(other.documentType)
        && title.equals(other.title)
        && mediaType.equals(other.mediaType)
        && fileName.equals(other.fileName)
        && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentId, versionNo, documentType, title, mediaType, fileName)
        + 31 * Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "BundleItem["
        + documentId
        + " v"
        + versionNo
        + ", "
        + documentType
        + ", "
        + mediaType
        + ", "
        + content.length
        + " bytes]";
  }
}
