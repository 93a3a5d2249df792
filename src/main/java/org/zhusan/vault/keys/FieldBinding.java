package org.zhusan.vault.keys;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed field belongs: the key that seals it ({@link KeyScope}), and the table, column and
 * row the ciphertext is bound to by associated data. A ciphertext copied to another row or column
 * no longer opens.
 */
public record FieldBinding(KeyScope key, String table, String column, UUID rowId) {
  public FieldBinding {
    Objects.requireNonNull(key, "key is required.");
    Objects.requireNonNull(table, "table is required.");
    Objects.requireNonNull(column, "column is required.");
    Objects.requireNonNull(rowId, "rowId is required.");
  }

  /** A field sealed under the subject {@code keyOwner}'s data key. */
  public FieldBinding(UUID keyOwner, String table, String column, UUID rowId) {
    this(KeyScope.subject(keyOwner), table, column, rowId);
  }

  /** A field of the owner's own row (e.g. a subject's name). */
  public static FieldBinding ownRow(String table, String column, UUID id) {
    return new FieldBinding(id, table, column, id);
  }

  /** The subject whose data key is (or underlies) the sealing key. */
  public UUID keyOwner() {
    return key.subject();
  }
}
