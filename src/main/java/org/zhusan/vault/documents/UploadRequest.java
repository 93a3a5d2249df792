package org.zhusan.vault.documents;

import java.io.InputStream;
import java.util.Objects;

/**
 * One file arriving for a document, as the resource read it from the multipart body: the small
 * fields as sent (null when absent; checked by {@link DocumentUploads} in the order the API
 * promises), the cleaned file name, and the content, not yet read, so that the access decision is
 * made and recorded before a byte of the file is.
 *
 * @param type the document type's name (new documents only; a new version keeps its document's)
 * @param title the title (required for a new document)
 * @param purpose the stated purpose of use
 * @param fileName the client's file name, cleaned ({@link FileNames#clean})
 * @param content the file's bytes, streamed from the request body
 */
public record UploadRequest(
    String type, String title, String purpose, String fileName, InputStream content) {
  public UploadRequest {
    Objects.requireNonNull(fileName, "fileName is required.");
    Objects.requireNonNull(content, "content is required.");
  }
}
