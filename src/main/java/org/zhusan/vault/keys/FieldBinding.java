package org.zhusan.vault.keys;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed field belongs: the data-key owner (a subject), and the table, column and row the
 * ciphertext is bound to by associated data. A ciphertext copied to another row or column no longer
 * opens.
 */
public record FieldBinding(UUID keyOwner, String table, String column, UUID rowId) {
  public FieldBinding {
    Objects.requireNonNull(keyOwner, "keyOwner is required.");
    Objects.requireNonNull(table, "table is required.");
    Objects.requireNonNull(column, "column is required.");
    Objects.requireNonNull(rowId, "rowId is required.");
  }

  /** A field of the owner's own row (e.g. a subject's name). */
  public static FieldBinding ownRow(String table, String column, UUID id) {
    return new FieldBinding(id, table, column, id);
  }
}
