package org.zhusan.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-document keys: {@code HKDF-SHA256(ikm = subject data key, salt = document's key share, info =
 * "zhusan-vault/document-key/v1" || 0x00 || documentId)}, 32 bytes, used exactly like a data key
 * (field AEAD, streaming AEAD, keyed digest) for everything of one document.
 *
 * <p>Why both inputs: the subject's data key keeps crypto-shredding a subject total (without it no
 * document key can be derived), and the share, kept outside the database, makes one document
 * destroyable on its own. The document id in {@code info} binds the key to its document, so a share
 * moved to another document's name derives a useless key.
 */
public final class DocumentKeys {
  private static final byte[] LABEL =
      "zhusan-vault/document-key/v1".getBytes(StandardCharsets.US_ASCII);

  private DocumentKeys() {}

  /** The key of document {@code documentId} of the subject whose data key is {@code subjectKey}. */
  public static DataKey derive(DataKey subjectKey, KeyShare share, String documentId) {
    Objects.requireNonNull(subjectKey, "subjectKey is required.");
    Objects.requireNonNull(share, "share is required.");
    byte[] id =
        Objects.requireNonNull(documentId, "documentId is required.")
            .getBytes(StandardCharsets.UTF_8);
    byte[] info = new byte[LABEL.length + 1 + id.length];
    System.arraycopy(LABEL, 0, info, 0, LABEL.length);
    System.arraycopy(id, 0, info, LABEL.length + 1, id.length);
    byte[] ikm = subjectKey.secret().toByteArray();
    byte[] salt = share.secret().toByteArray();
    byte[] key = Hkdf.sha256(ikm, salt, info, DataKey.SIZE_BYTES);
    try {
      return DataKey.of(SecretBytes.copyOf(key));
    } finally {
      Arrays.fill(ikm, (byte) 0);
      Arrays.fill(salt, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }
}
