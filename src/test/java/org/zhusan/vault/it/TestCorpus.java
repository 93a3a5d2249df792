package org.zhusan.vault.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test corpus under {@code src/test/resources/corpus} (Apache Tika's test documents, with their
 * licence and NOTICE beside them): tests read nothing outside the repository, so a bare clone runs
 * them.
 */
public final class TestCorpus {
  private TestCorpus() {}

  /**
   * {@code documents} (ordinary files) or {@code hostile} (files that must be refused or
   * contained).
   */
  public static Path dir(String name) {
    Path dir =
        VaultServer.repoRoot().resolve("src/test/resources/corpus").resolve(name).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("test corpus directory missing: " + dir);
    }
    return dir;
  }

  public static Path documents() {
    return dir("documents");
  }

  public static Path hostile() {
    return dir("hostile");
  }

  public static Path document(String name) {
    return documents().resolve(name);
  }
}
