package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.documents.content.ChildJitOptions;
import org.zhusan.vault.documents.content.ExtractionLimits;

/**
 * The documents capability's settings, storage ({@code vault.documents.*}) and contained extraction
 * ({@code vault.extraction.*}); README, configuration table. Every default of the capability is
 * here.
 */
@ApplicationScoped
public class DocumentSettings {
  @Inject
  @ConfigProperty(name = "vault.documents.max-upload-bytes", defaultValue = "104857600")
  long maxUploadBytes;

  @Inject
  @ConfigProperty(name = "vault.documents.chunk-bytes", defaultValue = "1048576")
  int chunkBytes;

  @Inject
  @ConfigProperty(name = "vault.documents.media-types.location")
  Optional<String> mediaTypesLocation;

  @Inject
  @ConfigProperty(name = "vault.extraction.timeout", defaultValue = "PT60S")
  Duration extractionTimeout;

  @Inject
  @ConfigProperty(name = "vault.extraction.max-characters", defaultValue = "10000000")
  int maxCharacters;

  @Inject
  @ConfigProperty(name = "vault.extraction.max-input-bytes", defaultValue = "134217728")
  long maxInputBytes;

  @Inject
  @ConfigProperty(name = "vault.extraction.child-heap-mib", defaultValue = "256")
  int childHeapMiB;

  @Inject
  @ConfigProperty(name = "vault.extraction.max-embedded-depth", defaultValue = "3")
  int maxEmbeddedDepth;

  @Inject
  @ConfigProperty(name = "vault.extraction.children", defaultValue = "0")
  int children;

  @Inject
  @ConfigProperty(name = "vault.extraction.documents-per-child", defaultValue = "100")
  int documentsPerChild;

  @Inject
  @ConfigProperty(
      name = "vault.extraction.child-jit-options",
      defaultValue = ChildJitOptions.DEFAULT)
  String childJitOptions;

  @Inject
  @ConfigProperty(name = "vault.extraction.ocr", defaultValue = "true")
  boolean ocr;

  @Inject
  @ConfigProperty(name = "vault.indexing.workers", defaultValue = "-1")
  int indexingWorkers;

  @Inject
  @ConfigProperty(name = "vault.indexing.max-attempts", defaultValue = "3")
  int indexingMaxAttempts;

  @Inject
  @ConfigProperty(name = "vault.indexing.poll-interval", defaultValue = "PT2S")
  Duration indexingPollInterval;

  /**
   * Threads that extract and index queued versions; -1 (default) is one per extraction child, 0
   * none (versions stay queued, e.g. on an instance that only serves requests).
   */
  public int indexingWorkers() {
    return indexingWorkers < 0 ? extractionLimits().maxConcurrentChildren() : indexingWorkers;
  }

  /** How many times a version is claimed before it is recorded NOT_INDEXED. */
  public int indexingMaxAttempts() {
    return Math.max(1, indexingMaxAttempts);
  }

  /** How often an idle worker looks for work queued by other instances or left by dead ones. */
  public Duration indexingPollInterval() {
    return indexingPollInterval;
  }

  /** Largest upload; 413 beyond. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Size of one encrypted content row. */
  public int chunkBytes() {
    return chunkBytes;
  }

  /**
   * The media-type allowlist to load, or empty for the built-in copy of {@code
   * config/media-types.json}.
   */
  public Optional<String> mediaTypesLocation() {
    return mediaTypesLocation.filter(s -> !s.isBlank());
  }

  /** Whether to use tesseract (when installed) for images and image-only PDFs. */
  public boolean ocr() {
    return ocr;
  }

  /**
   * The extraction children's JIT options (default C1 only; see {@link ChildJitOptions} for why and
   * which options are accepted). An option outside that list fails the start.
   */
  public ChildJitOptions childJitOptions() {
    return ChildJitOptions.parse(childJitOptions);
  }

  /** The limits of one contained extraction. */
  public ExtractionLimits extractionLimits() {
    return ExtractionLimits.defaults()
        .withTimeout(extractionTimeout)
        .withMaxCharacters(maxCharacters)
        .withMaxInputBytes(maxInputBytes)
        .withChildHeapMiB(childHeapMiB)
        .withMaxEmbeddedDepth(maxEmbeddedDepth)
        .withMaxConcurrentChildren(
            children > 0
                ? children
                : ExtractionLimits.fittedChildren(Runtime.getRuntime().availableProcessors()))
        .withDocumentsPerChild(documentsPerChild);
  }
}
