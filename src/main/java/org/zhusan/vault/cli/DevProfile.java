package org.zhusan.vault.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The development profile: on only when asked for ({@code --dev} or {@code VAULT_PROFILE=dev}).
 * Only then may the example keys in {@code keys-example/} be used.
 */
final class DevProfile {
  private DevProfile() {}

  static boolean on(boolean flag) {
    return flag || "dev".equalsIgnoreCase(System.getenv("VAULT_PROFILE"));
  }

  /** The repository's keys-example directory, from the working directory or beside target/. */
  static Path exampleKeys() {
    Path cwd = Path.of("keys-example");
    if (Files.isDirectory(cwd)) {
      return cwd.toAbsolutePath();
    }
    return Installation.home().resolve("keys-example");
  }
}
