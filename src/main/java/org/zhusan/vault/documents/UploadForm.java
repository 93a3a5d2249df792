package org.zhusan.vault.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.zhusan.vault.platform.problem.VaultException;

/** The small text fields of an upload (type, title, purpose), read before the file part. */
final class UploadForm {
  static final int MAX_FIELD_BYTES = 4096;
  private final Map<String, String> fields = new HashMap<>();

  void read(String name, InputStream in) throws IOException {
    if (fields.size() > 16) {
      throw VaultException.badRequest("invalid-upload", "Too many form fields.");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[512];
    int n;
    while ((n = in.read(buf)) > 0) {
      if (out.size() + n > MAX_FIELD_BYTES) {
        throw VaultException.badRequest(
            "invalid-upload",
            "Form field '" + safe(name) + "' is longer than " + MAX_FIELD_BYTES + " bytes.");
      }
      out.write(buf, 0, n);
    }
    try {
      fields.put(
          name,
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(out.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      throw VaultException.badRequest(
          "invalid-upload", "Form field '" + safe(name) + "' is not UTF-8 text.");
    }
  }

  String get(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** A field name safe to echo: letters, digits, dash and underscore only. */
  static String safe(String name) {
    return name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "?");
  }
}
