package org.zhusan.vault.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.text.Normalizer;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Client file names are untrusted: only the last path segment is kept, control and separator
 * characters are removed and the length is bounded. The name is stored encrypted and used only to
 * suggest a download name.
 */
final class FileNames {
  static final int MAX_LENGTH = 200;

  private FileNames() {}

  /**
   * The file name the client sent, or 400 when it cannot be a file name: the multipart parser
   * refuses a name holding NUL with {@link InvalidPathException} (NUL truncates names in C code).
   */
  static String sent(FileItemInput file) {
    try {
      return file.getName();
    } catch (InvalidPathException e) {
      throw VaultException.badRequest(
          "invalid-file-name", "The file name must not contain a NUL character.");
    }
  }

  static String clean(String raw) {
    if (raw == null) {
      return "document";
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    s = s.substring(slash + 1);
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .filter(
            cp ->
                !Character.isISOControl(cp)
                    && cp != '"'
                    && cp != ';'
                    && Character.getType(cp) != Character.FORMAT
                    && cp != 0xFFFD)
        .forEach(b::appendCodePoint);
    String out = b.toString().strip();
    while (out.startsWith(".")) {
      out = out.substring(1);
    }
    if (out.isBlank()) {
      return "document";
    }
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out;
  }

  /** A Content-Disposition value with an ASCII fallback and the RFC 5987 UTF-8 name. */
  static String contentDisposition(String name) {
    String clean = clean(name);
    String ascii = clean.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
