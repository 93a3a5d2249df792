package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClasspathTest {
  @Test
  void derivedClasspathHoldsThisPackageAndTika() {
    List<Path> classpath = ChildClasspath.derive();
    assertFalse(classpath.isEmpty());
    Path tikaCore = ChildClasspath.codeSource(TikaConfig.class).orElseThrow();
    assertTrue(tikaCore.toString().endsWith(".jar"), tikaCore.toString());
    assertTrue(ChildClasspath.codeSource(ExtractionChild.class).isPresent());
  }

  @Test
  void aWebInfLibDirectoryIsTakenWhole(@TempDir Path app) throws Exception {
    Path lib = Files.createDirectories(app.resolve("WEB-INF/lib"));
    Path classes = Files.createDirectories(app.resolve("WEB-INF/classes"));
    for (String jar :
        new String[] {
          "tika-core-3.3.1.jar", "tika-parser-pdf-module-3.3.1.jar", "pdfbox-3.0.jar"
        }) {
      Files.createFile(lib.resolve(jar));
    }
    Optional<List<Path>> classpath =
        ChildClasspath.flatLibraryDirectory(lib.resolve("tika-core-3.3.1.jar"), classes);
    assertEquals(
        List.of(
            classes,
            lib.resolve("pdfbox-3.0.jar"),
            lib.resolve("tika-core-3.3.1.jar"),
            lib.resolve("tika-parser-pdf-module-3.3.1.jar")),
        classpath.orElseThrow());
  }

  @Test
  void aMavenRepositoryDirectoryIsNotAFlatLibrary() {
    Path tikaCore = ChildClasspath.codeSource(TikaConfig.class).orElseThrow();
    Path classes = ChildClasspath.codeSource(ExtractionChild.class).orElseThrow();
    assertTrue(ChildClasspath.flatLibraryDirectory(tikaCore, classes).isEmpty());
  }
}
