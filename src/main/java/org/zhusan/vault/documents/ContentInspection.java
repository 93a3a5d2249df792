package org.zhusan.vault.documents;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.documents.content.ChildClasspath;
import org.zhusan.vault.documents.content.ContainedExtractor;
import org.zhusan.vault.documents.content.ContentDetector;
import org.zhusan.vault.documents.content.ExtractionLimits;
import org.zhusan.vault.documents.content.MediaTypePolicy;
import org.zhusan.vault.documents.content.OcrSupport;

/**
 * The server's content inspection, configured once: the detector, the media-type allowlist ({@code
 * vault.documents.media-types.location}, default the built-in copy of {@code
 * config/media-types.json}) and the contained extractor with its limits.
 */
@ApplicationScoped
public class ContentInspection {
  private static final Logger LOG = Logger.getLogger(ContentInspection.class.getName());

  @Inject
  @ConfigProperty(name = "vault.documents.media-types.location")
  Optional<String> mediaTypesLocation;

  @Inject
  @ConfigProperty(name = "vault.extraction.timeout", defaultValue = "PT60S")
  Duration timeout;

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
  boolean ocrWanted;

  private ContentDetector detector;
  private MediaTypePolicy policy;
  private ContainedExtractor extractor;
  private OcrSupport ocr;

  @PostConstruct
  void init() {
    detector = new ContentDetector();
    policy =
        mediaTypesLocation
            .filter(s -> !s.isBlank())
            .map(s -> MediaTypePolicy.load(Path.of(s)))
            .orElseGet(MediaTypePolicy::defaults);
    ocr = ocrWanted ? OcrSupport.detect() : OcrSupport.disabled();
    ExtractionLimits limits =
        ExtractionLimits.defaults()
            .withTimeout(timeout)
            .withMaxCharacters(maxCharacters)
            .withMaxInputBytes(maxInputBytes)
            .withChildHeapMiB(childHeapMiB)
            .withMaxEmbeddedDepth(maxEmbeddedDepth)
            .withMaxConcurrentChildren(maxConcurrent);
    java.util.List<Path> classpath = ChildClasspath.derive();
    LOG.info(
        "Extraction child classpath: "
            + classpath.size()
            + " entries, first "
            + classpath.get(0)
            + ", last "
            + classpath.get(classpath.size() - 1));
    extractor = new ContainedExtractor(limits, classpath, ocr);
    LOG.info(
        "Content inspection ready: OCR "
            + (ocr.enabled() ? "on " + ocr.languages() : "off (no tesseract)")
            + ", extraction timeout "
            + timeout
            + ", child heap "
            + childHeapMiB
            + " MiB");
  }

  public ContentDetector detector() {
    return detector;
  }

  public MediaTypePolicy policy() {
    return policy;
  }

  public ContainedExtractor extractor() {
    return extractor;
  }

  public OcrSupport ocr() {
    return ocr;
  }
}
