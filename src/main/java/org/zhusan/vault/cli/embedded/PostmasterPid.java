package org.zhusan.vault.cli.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} says about a running cluster: its process and TCP port (lines 1 and 4
 * of the file PostgreSQL documents in {@code pidfile.h}). {@code backup} uses it to reach the
 * cluster a running vault has started.
 */
record PostmasterPid(long pid, int port) {
  static Optional<PostmasterPid> read(Path pgData) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (lines.size() < 4 || lines.get(0).isBlank() || lines.get(3).isBlank()) {
      return Optional.empty(); // being written by a starting server
    }
    return Optional.of(
        new PostmasterPid(
            Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
  }

  /** The file outlives a killed server: only a live process counts. */
  boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
