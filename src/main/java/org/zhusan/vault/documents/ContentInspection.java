package org.zhusan.vault.documents;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
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

  @Inject DocumentSettings settings;

  private ContentDetector detector;
  private MediaTypePolicy policy;
  private ContainedExtractor extractor;
  private OcrSupport ocr;

  @PostConstruct
  void init() {
    detector = new ContentDetector();
    policy =
        settings
            .mediaTypesLocation()
            .map(s -> MediaTypePolicy.load(Path.of(s)))
            .orElseGet(MediaTypePolicy::defaults);
    ocr = settings.ocr() ? OcrSupport.detect() : OcrSupport.disabled();
    ExtractionLimits limits = settings.extractionLimits();
    java.util.List<Path> classpath = ChildClasspath.derive();
    LOG.info(
        "Extraction child classpath: "
            + classpath.size()
            + " entries, first "
            + classpath.get(0)
            + ", last "
            + classpath.get(classpath.size() - 1));
    extractor = new ContainedExtractor(limits, classpath, ocr, settings.childJitOptions());
    extractor.removeStaleDirectories();
    extractor.warmUp();
    LOG.info(
        "Content inspection ready: OCR "
            + (ocr.enabled() ? "on " + ocr.languages() : "off (no tesseract)")
            + ", extraction timeout "
            + limits.timeout()
            + ", child heap "
            + limits.childHeapMiB()
            + " MiB, "
            + limits.maxConcurrentChildren()
            + " warm children of "
            + limits.documentsPerChild()
            + " documents each, JIT "
            + extractor.jit());
  }

  @PreDestroy
  void stop() {
    extractor.close();
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
