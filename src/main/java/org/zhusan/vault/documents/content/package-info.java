/**
 * Content inspection of uploaded documents: what a file really is, whether the vault accepts it,
 * and its text and metadata for the (encrypted) search index, all without trusting the file.
 *
 * <ul>
 *   <li>{@link org.zhusan.vault.documents.content.ContentDetector} finds the media type from the
 *       bytes only (never the client's file name or {@code Content-Type}), in memory, without
 *       spooling to disk.
 *   <li>{@link org.zhusan.vault.documents.content.MediaTypePolicy} is the allowlist of media types
 *       per {@link org.zhusan.vault.documents.content.DocumentType}, loaded from {@code
 *       config/media-types.json}; it answers with a {@link
 *       org.zhusan.vault.documents.content.Verdict}.
 *   <li>{@link org.zhusan.vault.documents.content.ContainedExtractor} runs Apache Tika in a
 *       separate, short-lived, heap- and time-limited JVM fed through a pipe, so a hostile file
 *       (zip bomb, parser exploit, endless loop) can exhaust only that child. Its limits are {@link
 *       org.zhusan.vault.documents.content.ExtractionLimits}; its answer is an {@link
 *       org.zhusan.vault.documents.content.ExtractionResult}.
 *   <li>{@link org.zhusan.vault.documents.content.OcrSupport} finds {@code tesseract} for text in
 *       images.
 * </ul>
 *
 * <p>Plain Java and Tika: no CDI, JPA or JAX-RS here, so everything is unit-tested; the integrator
 * wires it into the upload path. See {@code docs/extraction.md}.
 */
package org.zhusan.vault.documents.content;
