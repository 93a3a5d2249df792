package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrSupportTest {
  private static Path fakeTesseract(Path dir, String listing, int exit) throws Exception {
    Path script = dir.resolve("tesseract");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "if [ \"$1\" = \"--list-langs\" ]; then printf '"
            + listing
            + "'; exit "
            + exit
            + "; fi\n"
            + "exit 1\n");
    assertTrue(script.toFile().setExecutable(true));
    return script;
  }

  @Test
  void enabledOnlyWhenTesseractIsOnThePath() {
    boolean onPath = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      onPath |= !dir.isBlank() && Files.isExecutable(Path.of(dir, "tesseract"));
    }
    OcrSupport ocr = OcrSupport.detect();
    if (!onPath) {
      assertFalse(ocr.enabled());
      assertEquals("OCR not available", ocr.toString());
    }
  }

  @Test
  void findsTesseractAndKeepsTheWantedLanguagesInOrder(@TempDir Path dir) throws Exception {
    Path script =
        fakeTesseract(
            dir,
            "List of available languages in \"/usr/share/tessdata/\" (4):\\n"
                + "kaz\\n"
                + "osd\\n"
                + "eng\\n"
                + "rus\\n",
            0);
    OcrSupport ocr = OcrSupport.detect("/nonexistent" + File.pathSeparator + dir);
    assertTrue(ocr.enabled());
    assertEquals(script, ocr.tesseract().orElseThrow());
    assertEquals(List.of("eng", "rus", "kaz"), ocr.languages());
    assertEquals("eng+rus+kaz", ocr.tesseractLanguages());
  }

  @Test
  void usesWhicheverWantedLanguagesExist(@TempDir Path dir) throws Exception {
    fakeTesseract(dir, "List of available languages (2):\\nosd\\nrus\\n", 0);
    OcrSupport ocr = OcrSupport.detect(dir.toString());
    assertTrue(ocr.enabled());
    assertEquals("rus", ocr.tesseractLanguages());
  }

  @Test
  void disabledWithoutAnyWantedLanguageOrWhenTesseractFails(@TempDir Path dir) throws Exception {
    fakeTesseract(dir, "List of available languages (1):\\nosd\\n", 0);
    assertFalse(OcrSupport.detect(dir.toString()).enabled());
    fakeTesseract(dir, "eng\\n", 1);
    assertFalse(OcrSupport.detect(dir.toString()).enabled());
  }

  @Test
  void disabledWhenNothingIsFound(@TempDir Path dir) {
    assertFalse(OcrSupport.detect(dir.toString()).enabled());
    assertFalse(OcrSupport.detect("").enabled());
    assertTrue(OcrSupport.disabled().languages().isEmpty());
  }
}
