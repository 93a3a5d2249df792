package org.zhusan.vault.documents.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The test corpus in {@code <repo root>/src/test/resources/corpus} (surefire sets {@code
 * vault.repo.root}): Apache Tika's test documents, with their licence beside them.
 */
final class Corpus {
  private Corpus() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("vault.repo.root", System.getProperty("user.dir")));
  }

  static Path dir(String name) {
    Path dir = repoRoot().resolve("src/test/resources/corpus").resolve(name).normalize();
    assertTrue(Files.isDirectory(dir), "corpus directory missing: " + dir);
    return dir;
  }

  static Path documents() {
    return dir("documents");
  }

  static Path hostile() {
    return dir("hostile");
  }

  static Path document(String name) {
    return documents().resolve(name);
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }
}
