package org.zhusan.vault.documents.content;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits under which {@link ContainedExtractor} parses a document. Each exists because a
 * hostile file can push on it; exceeding any of them ends extraction with {@link
 * ExtractionResult.Status#NOT_INDEXED} and a short reason, never an exception.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>Limit</th><th>Default</th><th>Guards against</th></tr>
 *   <tr><td>{@code maxInputBytes}</td><td>128 MiB</td><td>enormous files; enforced by the vault and
 *       again by the child</td></tr>
 *   <tr><td>{@code maxCharacters}</td><td>10 000 000</td><td>text floods (the search index needs no
 *       more); enforced by the child and again by the vault</td></tr>
 *   <tr><td>{@code timeout}</td><td>60 s</td><td>parser loops; wall clock per document (and for a
 *       child's start), then the child (and anything it started, e.g. tesseract) is killed and a
 *       new one takes its place</td></tr>
 *   <tr><td>{@code childHeapMiB}</td><td>256</td><td>memory exhaustion: the child's {@code -Xmx}; on
 *       OutOfMemoryError it exits at once ({@code -XX:+ExitOnOutOfMemoryError})</td></tr>
 *   <tr><td>{@code maxEmbeddedDepth}</td><td>3</td><td>recursively embedded documents: deeper ones are
 *       skipped (their text is not extracted), the rest of the document still is</td></tr>
 *   <tr><td>{@code maxCompressionRatio}</td><td>100</td><td>zip bombs: Tika's
 *       {@code SecureContentHandler} stops when characters out exceed this many per byte in …</td></tr>
 *   <tr><td>{@code compressionCheckThreshold}</td><td>1 000 000</td><td>… once this many characters
 *       have been written (small documents are never judged by ratio)</td></tr>
 *   <tr><td>{@code maxXmlDepth}</td><td>100</td><td>pathologically nested XHTML element trees</td></tr>
 *   <tr><td>{@code maxConcurrentChildren}</td><td>half the cores, 2 to 4</td><td>the size of the
 *       pool of warm children: a burst of documents forking unbounded JVMs; callers beyond it wait
 *       up to {@code timeout}, then get "extractor busy"</td></tr>
 *   <tr><td>{@code documentsPerChild}</td><td>100</td><td>state that parsers keep between documents
 *       (caches, leaks): a child is retired and replaced after this many</td></tr>
 * </table>
 *
 * <p>Immutable value; thread-safe.
 */
public record ExtractionLimits(
    long maxInputBytes,
    int maxCharacters,
    Duration timeout,
    int childHeapMiB,
    int maxEmbeddedDepth,
    long maxCompressionRatio,
    long compressionCheckThreshold,
    int maxXmlDepth,
    int maxConcurrentChildren,
    int documentsPerChild) {

  /** The documented defaults. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(
        128L * 1024 * 1024,
        10_000_000,
        Duration.ofSeconds(60),
        256,
        3,
        100,
        1_000_000,
        100,
        fittedChildren(Runtime.getRuntime().availableProcessors()),
        100);
  }

  /**
   * Children fitted to the cores: half of them, at least 2 (so one long scan does not hold up every
   * other document) and at most 4 (each child is a JVM with its own heap).
   */
  public static int fittedChildren(int cores) {
    return Math.max(2, Math.min(4, cores / 2));
  }

  public ExtractionLimits {
    Objects.requireNonNull(timeout, "Timeout is required.");
    positive(maxInputBytes, "maxInputBytes");
    positive(maxCharacters, "maxCharacters");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (childHeapMiB < 32) {
      throw new IllegalArgumentException("childHeapMiB must be at least 32");
    }
    if (maxEmbeddedDepth < 0) {
      throw new IllegalArgumentException("maxEmbeddedDepth must not be negative");
    }
    positive(maxCompressionRatio, "maxCompressionRatio");
    positive(compressionCheckThreshold, "compressionCheckThreshold");
    positive(maxXmlDepth, "maxXmlDepth");
    positive(maxConcurrentChildren, "maxConcurrentChildren");
    positive(documentsPerChild, "documentsPerChild");
  }

  private static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  public ExtractionLimits withMaxInputBytes(long value) {
    return new ExtractionLimits(
        value,
        maxCharacters,
        timeout,
        childHeapMiB,
        maxEmbeddedDepth,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        documentsPerChild);
  }

  public ExtractionLimits withMaxCharacters(int value) {
    return new ExtractionLimits(
        maxInputBytes,
        value,
        timeout,
        childHeapMiB,
        maxEmbeddedDepth,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        documentsPerChild);
  }

  public ExtractionLimits withTimeout(Duration value) {
    return new ExtractionLimits(
        maxInputBytes,
        maxCharacters,
        value,
        childHeapMiB,
        maxEmbeddedDepth,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        documentsPerChild);
  }

  public ExtractionLimits withChildHeapMiB(int value) {
    return new ExtractionLimits(
        maxInputBytes,
        maxCharacters,
        timeout,
        value,
        maxEmbeddedDepth,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        documentsPerChild);
  }

  public ExtractionLimits withMaxEmbeddedDepth(int value) {
    return new ExtractionLimits(
        maxInputBytes,
        maxCharacters,
        timeout,
        childHeapMiB,
        value,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        documentsPerChild);
  }

  public ExtractionLimits withCompression(long ratio, long checkThreshold) {
    return new ExtractionLimits(
        maxInputBytes,
        maxCharacters,
        timeout,
        childHeapMiB,
        maxEmbeddedDepth,
        ratio,
        checkThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        documentsPerChild);
  }

  public ExtractionLimits withMaxConcurrentChildren(int value) {
    return new ExtractionLimits(
        maxInputBytes,
        maxCharacters,
        timeout,
        childHeapMiB,
        maxEmbeddedDepth,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        value,
        documentsPerChild);
  }

  public ExtractionLimits withDocumentsPerChild(int value) {
    return new ExtractionLimits(
        maxInputBytes,
        maxCharacters,
        timeout,
        childHeapMiB,
        maxEmbeddedDepth,
        maxCompressionRatio,
        compressionCheckThreshold,
        maxXmlDepth,
        maxConcurrentChildren,
        value);
  }
}
