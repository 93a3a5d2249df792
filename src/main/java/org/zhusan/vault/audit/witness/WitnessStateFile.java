package org.zhusan.vault.audit.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link WitnessStore} in one file, {@value #FILE_NAME} in a directory, replaced atomically:
 * write a temporary file in the same directory, fsync it, rename it over the old one (atomic on
 * POSIX file systems), fsync the directory. A crash at any point leaves either the old state or the
 * new one, never a torn file, so the witness never forgets a size it co-signed.
 *
 * <p>Not for concurrent use by two processes (run one witness per state directory); {@link Witness}
 * serialises its own calls.
 */
public final class WitnessStateFile implements WitnessStore {

  /** The state file's name inside the state directory. */
  public static final String FILE_NAME = "witness-state.txt";

  private static final long MAX_BYTES = SignedNote.MAX_BYTES + 4096L;

  private final Path directory;
  private final Path file;

  /** A store in {@code directory} (created on the first save if absent). */
  public WitnessStateFile(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory is required.");
    this.file = directory.resolve(FILE_NAME);
  }

  /**
   * Loads the stored state, or the {@linkplain WitnessState#initial() initial} one if there is no
   * file yet.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if the file is corrupt (the witness must not start then)
   */
  public WitnessState load() throws IOException {
    if (!Files.exists(file)) {
      return WitnessState.initial();
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(file + " is too large for a witness state");
    }
    return WitnessState.parse(Text.utf8(Files.readAllBytes(file)));
  }

  @Override
  public void save(WitnessState state) throws IOException {
    Objects.requireNonNull(state, "state is required.");
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(state.format().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the state directory does not support atomic renames", e);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory();
  }

  /** Makes the rename durable; not possible (nor needed) on every platform. */
  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory; its rename is durable once the call returns.
    }
  }

  @Override
  public String toString() {
    return "WitnessStateFile[" + file + "]";
  }
}
