package org.zhusan.vault.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the built artefacts are: the CLI jar sits in {@code target/} beside the WAR and Payara
 * Micro.
 */
final class Installation {
  private Installation() {}

  /** The directory holding the CLI jar (target/). */
  static Path targetDir() {
    try {
      Path jar =
          Path.of(VaultCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
      return dir.toAbsolutePath();
    } catch (URISyntaxException e) {
      return Path.of("target").toAbsolutePath();
    }
  }

  /** The project directory (parent of target/). */
  static Path home() {
    Path parent = targetDir().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  static Path war() {
    return targetDir().resolve("zhusan-vault.war");
  }

  static Path payaraMicro() {
    return targetDir().resolve("payara-micro.jar");
  }
}
