package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.function.Function;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Turns a {@code multipart/form-data} upload into an {@link UploadRequest}, for the resources: the
 * body is parsed as a stream (no temporary files), the small fields {@code type}, {@code title},
 * {@code purpose} must come before the {@code file} part, and the file's content is handed on
 * unread. A body whose Content-Length already exceeds the limit is refused before it is read.
 */
@ApplicationScoped
public class UploadRequestReader {
  @Inject VersionContent content;

  /**
   * Reads the fields up to the file part and calls {@code upload} with the request while the file
   * is still unread (its stream is valid only during that call).
   */
  public <R> R read(HttpServletRequest request, Function<UploadRequest, R> upload) {
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw VaultException.badRequest(
          "multipart-required",
          "Send the upload as multipart/form-data (fields type, title, purpose, then file).");
    }
    content.refuseDeclaredLength(request.getContentLengthLong());
    UploadForm form = new UploadForm();
    FileItemInput file = fileAfterFields(request, form);
    UploadRequest parsed;
    try {
      parsed =
          new UploadRequest(
              form.get("type"),
              form.get("title"),
              form.get("purpose"),
              FileNames.clean(FileNames.sent(file)),
              new ParsedContent(file.getInputStream()));
    } catch (IOException e) {
      throw VaultException.badRequest("invalid-upload", "The upload was interrupted or malformed.");
    }
    return upload.apply(parsed);
  }

  private static FileItemInput fileAfterFields(HttpServletRequest request, UploadForm form) {
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    upload.setFileCountMax(1);
    try {
      FileItemInputIterator items = upload.getItemIterator(request);
      while (items.hasNext()) {
        FileItemInput item = items.next();
        if (!item.isFormField()) {
          return item;
        }
        try (InputStream in = item.getInputStream()) {
          form.read(item.getFieldName(), in);
        }
      }
    } catch (InvalidPathException e) {
      // The parser checks part file names as it meets them (a NUL byte); see FileNames.sent.
      throw VaultException.badRequest(
          "invalid-file-name", "The file name must not contain a NUL character.");
    } catch (FileUploadException e) {
      throw VaultException.badRequest("invalid-upload", unreadable(e));
    } catch (IOException e) {
      throw VaultException.badRequest("invalid-upload", "The upload was interrupted or malformed.");
    }
    throw VaultException.badRequest("file-required", "No file part was sent (field 'file').");
  }

  private static String unreadable(FileUploadException e) {
    return "The multipart body could not be read: " + e.getClass().getSimpleName() + ".";
  }

  /** The file part's bytes; a parser failure while they are read keeps its safe description. */
  private static final class ParsedContent extends FilterInputStream {
    ParsedContent(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (FileUploadException e) {
        throw new UnreadableUploadException(unreadable(e), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (FileUploadException e) {
        throw new UnreadableUploadException(unreadable(e), e);
      }
    }
  }
}
