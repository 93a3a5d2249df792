/**
 * Offline verification of an access-log export: the JSON Lines export format ({@link
 * org.zhusan.vault.audit.verify.ExportFormat}, {@link org.zhusan.vault.audit.verify.ExportWriter}),
 * the binary export of the same content ({@link org.zhusan.vault.audit.verify.BinaryExportFormat},
 * {@link org.zhusan.vault.audit.verify.BinaryExportWriter}, {@link
 * org.zhusan.vault.audit.verify.BinaryExportReader}) and the streaming verifier ({@link
 * org.zhusan.vault.audit.verify.OfflineLogVerifier}) that recomputes the hash chain and Merkle
 * roots, checks every signed checkpoint and names the first tampered entry.
 *
 * <p>Pure Java 17 + BouncyCastle + jakarta.json (Parsson): no JPA, CDI or JAX-RS, so the same code
 * runs inside the server (to produce exports) and in the auditor's command line tool.
 */
package org.zhusan.vault.audit.verify;
