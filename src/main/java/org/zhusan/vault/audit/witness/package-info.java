/**
 * Checkpoints in the C2SP formats, and witnesses: what lets someone outside the vault vouch that
 * the access log only ever grew.
 *
 * <ul>
 *   <li>{@link org.zhusan.vault.audit.witness.SignedNote} and its keys ({@link
 *       org.zhusan.vault.audit.witness.NoteVerifierKey}, {@link
 *       org.zhusan.vault.audit.witness.NoteSigner}): the C2SP signed-note envelope
 *       (c2sp.org/signed-note), Ed25519 only.
 *   <li>{@link org.zhusan.vault.audit.witness.C2spCheckpoint} and {@link
 *       org.zhusan.vault.audit.witness.C2spCheckpoints}: the C2SP tlog-checkpoint note text and the
 *       bridge to {@link org.zhusan.vault.audit.tree.Checkpoint}. The vault's checkpoint body is
 *       already a valid C2SP checkpoint text (its timestamp is the one extension line), so the note
 *       carries the very signature the vault has always made.
 *   <li>{@link org.zhusan.vault.audit.witness.Cosignature}: c2sp.org/tlog-cosignature {@code
 *       cosignature/v1} (timestamped Ed25519).
 *   <li>{@link org.zhusan.vault.audit.witness.Witness}: the c2sp.org/tlog-witness state machine,
 *       with its wire format ({@link org.zhusan.vault.audit.witness.WitnessRequest}, {@link
 *       org.zhusan.vault.audit.witness.WitnessResponse}) and persisted state ({@link
 *       org.zhusan.vault.audit.witness.WitnessStateFile}).
 *   <li>{@link org.zhusan.vault.audit.witness.WitnessPolicy}: "k of these n witnesses co-signed".
 * </ul>
 *
 * <p>A pure core like {@code audit.tree}: plain Java 17 and BouncyCastle, no CDI, JPA or JAX-RS, so
 * the server, the {@code witness} command and offline verifiers share it. Malformed input raises
 * {@link java.lang.IllegalArgumentException}; a signature that does not verify is a result, not an
 * exception.
 */
package org.zhusan.vault.audit.witness;
