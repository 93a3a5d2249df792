package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
  @ConfigProperty(name = "vault.extraction.max-concurrent", defaultValue = "2")
  int maxConcurrent;

  @Inject
  @ConfigProperty(name = "vault.extraction.ocr", defaultValue = "true")
  boolean ocr;

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

  /** The limits of one contained extraction. */
  public ExtractionLimits extractionLimits() {
    return ExtractionLimits.defaults()
        .withTimeout(extractionTimeout)
        .withMaxCharacters(maxCharacters)
        .withMaxInputBytes(maxInputBytes)
        .withChildHeapMiB(childHeapMiB)
        .withMaxEmbeddedDepth(maxEmbeddedDepth)
        .withMaxConcurrentChildren(maxConcurrent);
  }
}
