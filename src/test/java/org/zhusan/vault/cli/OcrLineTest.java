package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.documents.content.OcrSupport;

class OcrLineTest {
  @Test
  void withoutTesseractRunSaysOcrIsOffAndTheOneCommandThatEnablesIt() {
    assertEquals(
        "off: scans and photos are stored but not searchable. To enable: sudo apt-get install"
            + " tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus tesseract-ocr-eng   (then"
            + " restart)",
        RunCommand.ocrLine(OcrSupport.disabled()));
  }

  @Test
  void withSomeLanguagesRunNamesThemAndTheMissingPackages(@TempDir Path bin) throws Exception {
    Path tesseract = bin.resolve("tesseract");
    Files.writeString(
        tesseract,
        "#!/bin/sh\necho 'List of available languages in \"/x\" (2):'\necho eng\necho rus\n");
    Files.setPosixFilePermissions(tesseract, PosixFilePermissions.fromString("rwx------"));
    assertEquals(
        "on (eng, rus); for the other languages: sudo apt-get install tesseract-ocr"
            + " tesseract-ocr-kaz   (then restart)",
        RunCommand.ocrLine(OcrSupport.detect(bin.toString())));
  }
}
