/**
 * Blind-index key rotation: after a new {@code blind-index-vN} is added to the keystore (and
 * reloaded), re-keys everything that depends on the blind-index key — subject name and IIN indexes
 * ({@link org.zhusan.vault.subjects.SubjectIndexRekeying}) and the search tokens of every document
 * version ({@link org.zhusan.vault.search.SearchReindexer}) — and tells the operator, per key
 * version, how many rows still depend on it, so they know when the old key can be removed. The
 * parts that do the work live with their data; this package only orders them, reports and audits.
 * Recorded search queries are immutable and are not re-encrypted (docs/operations.md).
 */
package org.zhusan.vault.blindindex;
