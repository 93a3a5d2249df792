package org.zhusan.vault.documents.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Whether text can be read from images: finds a {@code tesseract} executable on the {@code PATH}
 * and the languages it has among those the programme needs, English, Russian and Kazakh ({@code
 * eng}, {@code rus}, {@code kaz}, in that order). OCR is {@link #enabled()} only when tesseract
 * runs and has at least one of them.
 *
 * <p>When enabled, {@link ContainedExtractor} lets Tika's {@code TesseractOCRParser} read images
 * and image-only PDF pages with {@code -l eng+rus+kaz} (those available). When not, an image, or a
 * PDF without any text (a scan), is stored but {@link ExtractionResult.Status#NOT_INDEXED} with
 * reason "OCR not available" (its metadata is still returned): a state that can be found and
 * re-indexed once tesseract is installed, rather than an "extracted" document that silently has no
 * text.
 *
 * <p>Probed once at construction ({@code tesseract --list-langs}, 10 s limit); immutable afterwards
 * and thread-safe. Restart the vault after installing tesseract or language packs.
 */
public final class OcrSupport {
  /** The languages looked for, in the order passed to tesseract. */
  public static final List<String> WANTED_LANGUAGES = List.of("eng", "rus", "kaz");

  private static final OcrSupport DISABLED = new OcrSupport(Optional.empty(), List.of());

  private final Optional<Path> tesseract;
  private final List<String> languages;

  private OcrSupport(Optional<Path> tesseract, List<String> languages) {
    this.tesseract = tesseract;
    this.languages = List.copyOf(languages);
  }

  /** Looks for tesseract on this process's {@code PATH}. */
  public static OcrSupport detect() {
    return detect(Optional.ofNullable(System.getenv("PATH")).orElse(""));
  }

  /**
   * Looks for tesseract on the given search path (directories separated by the platform's path
   * separator).
   */
  public static OcrSupport detect(String searchPath) {
    Objects.requireNonNull(searchPath, "Search path is required.");
    for (String dir : searchPath.split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate;
      try {
        candidate = Path.of(dir, "tesseract");
      } catch (InvalidPathException e) {
        continue;
      }
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        List<String> available = listLanguages(candidate);
        List<String> wanted = new ArrayList<>(WANTED_LANGUAGES);
        wanted.retainAll(available);
        return wanted.isEmpty() ? DISABLED : new OcrSupport(Optional.of(candidate), wanted);
      }
    }
    return DISABLED;
  }

  /** No OCR. */
  public static OcrSupport disabled() {
    return DISABLED;
  }

  /** Whether tesseract is present with at least one wanted language. */
  public boolean enabled() {
    return tesseract.isPresent();
  }

  /** The tesseract executable, when enabled. */
  public Optional<Path> tesseract() {
    return tesseract;
  }

  /** The wanted languages tesseract has, in order; empty when disabled. */
  public List<String> languages() {
    return languages;
  }

  /** The {@code -l} argument for tesseract, e.g. {@code eng+rus+kaz}; empty when disabled. */
  public String tesseractLanguages() {
    return String.join("+", languages);
  }

  /** Languages listed by {@code tesseract --list-langs}; empty if it does not run properly. */
  static List<String> listLanguages(Path tesseract) {
    Process process = null;
    try {
      process =
          new ProcessBuilder(tesseract.toString(), "--list-langs")
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      // The listing is far smaller than a pipe buffer, so waiting before reading cannot deadlock.
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return List.of();
      }
      byte[] output;
      try (InputStream in = process.getInputStream()) {
        output = in.readNBytes(64 * 1024);
      }
      Set<String> languages = new LinkedHashSet<>();
      for (String line : new String(output, StandardCharsets.UTF_8).split("\\R")) {
        String trimmed = line.trim();
        // The first line is a heading ("List of available languages in ..."); the rest are codes.
        if (trimmed.matches("[A-Za-z_]+")) {
          languages.add(trimmed);
        }
      }
      return List.copyOf(languages);
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  @Override
  public String toString() {
    return enabled()
        ? "OCR enabled: " + tesseract.get() + " -l " + tesseractLanguages()
        : "OCR not available";
  }
}
