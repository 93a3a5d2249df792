package org.zhusan.vault.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the associated data that binds a ciphertext to where it belongs, so that a ciphertext
 * copied to another row, column, document version or owner fails to decrypt (design invariant 3).
 *
 * <h2>Encoding (version 0x01)</h2>
 *
 * <pre>
 * 0x01                               encoding version
 * count        4 bytes big-endian    number of components
 * repeated count times:
 *   length     4 bytes big-endian    byte length of the component
 *   bytes      length bytes          the component in strict UTF-8
 * </pre>
 *
 * The first component names the kind ({@code "field"}, {@code "content"}, {@code "wrapped-key"}),
 * which separates the uses from each other. Because every component is length-prefixed and the
 * count is included, two different component lists never encode to the same bytes: {@code ("ab",
 * "c")} and {@code ("a", "bc")} differ. Identifiers are encoded as their canonical strings ({@link
 * UUID#toString()}, {@link Long#toString(long)}), so the UUID, long and String overloads of one id
 * agree.
 *
 * <p>Thread safety: stateless; every call returns a fresh array.
 */
public final class AssociatedData {
  private static final byte ENCODING_VERSION = 0x01;

  private AssociatedData() {}

  /**
   * For an encrypted column of a row: {@code forField("subject", "full_name", subjectId)}.
   *
   * @param table table name, not empty
   * @param column column name, not empty
   * @param rowId the owning row's id (canonical string form), not empty
   */
  public static byte[] forField(String table, String column, String rowId) {
    return of(
        "field",
        requireNonEmpty(table, "table"),
        requireNonEmpty(column, "column"),
        requireNonEmpty(rowId, "rowId"));
  }

  /** {@link #forField(String, String, String)} with a UUID row id. */
  public static byte[] forField(String table, String column, UUID rowId) {
    return forField(table, column, Objects.requireNonNull(rowId, "rowId is required.").toString());
  }

  /** {@link #forField(String, String, String)} with a numeric row id. */
  public static byte[] forField(String table, String column, long rowId) {
    return forField(table, column, Long.toString(rowId));
  }

  /** For the streamed content of one document version. */
  public static byte[] forContent(String documentVersionId) {
    return of("content", requireNonEmpty(documentVersionId, "documentVersionId"));
  }

  /** {@link #forContent(String)} with a UUID id. */
  public static byte[] forContent(UUID documentVersionId) {
    return forContent(
        Objects.requireNonNull(documentVersionId, "documentVersionId is required.").toString());
  }

  /** {@link #forContent(String)} with a numeric id. */
  public static byte[] forContent(long documentVersionId) {
    return forContent(Long.toString(documentVersionId));
  }

  /**
   * For a data key wrapped by a KEK: binds it to its purpose and owner (see {@link
   * DataKeyWrapper}).
   */
  static byte[] forWrappedKey(String purpose, String ownerId) {
    return of(
        "wrapped-key", requireNonEmpty(purpose, "purpose"), requireNonEmpty(ownerId, "ownerId"));
  }

  /**
   * The general form: the unambiguous encoding of {@code components}, in order. Prefer the named
   * factories; use this only for a new kind of binding, starting with a kind name of its own.
   */
  public static byte[] of(String... components) {
    Objects.requireNonNull(components, "components are required.");
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.write(ENCODING_VERSION);
    writeInt(out, components.length);
    for (String component : components) {
      byte[] bytes =
          Encoding.utf8Strict(Objects.requireNonNull(component, "component is required."));
      writeInt(out, bytes.length);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    byte[] b = new byte[4];
    Encoding.putIntBigEndian(b, 0, value);
    out.writeBytes(b);
  }

  private static String requireNonEmpty(String value, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty.");
    }
    return value;
  }
}
