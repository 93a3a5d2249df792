/**
 * The tamper-evident access log: the single writer, the append-only storage, checkpoints, proofs,
 * the auditor API and the export. The pure tree and encoding code is in {@code audit.tree}.
 */
package org.zhusan.vault.audit;
