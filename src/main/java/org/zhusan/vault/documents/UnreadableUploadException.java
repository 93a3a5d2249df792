package org.zhusan.vault.documents;

import java.io.IOException;

/**
 * The multipart body could not be parsed while the file was being read; the message is safe to show
 * the client (it names the parser's exception class, never content).
 */
final class UnreadableUploadException extends IOException {
  private static final long serialVersionUID = 1L;

  UnreadableUploadException(String safeDetail, IOException cause) {
    super(safeDetail, cause);
  }
}
