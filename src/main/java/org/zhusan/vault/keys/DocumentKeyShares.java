package org.zhusan.vault.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.crypto.KeyShare;

/**
 * The document key shares: one 32-byte file per document in an owner-only directory outside the
 * database ({@code vault.keys.document-keys.location}), {@code <dir>/<first two hex digits>/<id>}.
 *
 * <p>Written hand-made rather than with a library because it is a handful of file operations whose
 * durability matters more than anything else: a share is written to a temporary file, forced to
 * disk, atomically renamed and its directory forced, before the upload that uses it can commit
 * (acknowledged means durable). Destroying overwrites the file with zeros, forces it, deletes it
 * and forces the directory. Overwriting is best effort: on flash storage and copy-on-write file
 * systems old blocks may survive on the medium until reused; docs/records.md says what that means.
 *
 * <p>Thread-safe: every operation works on its own file; writes are atomic renames.
 */
public final class DocumentKeyShares {
  private final Path root;

  public DocumentKeyShares(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  /** Creates and durably stores a fresh share for {@code document}; fails if one exists. */
  public KeyShare create(UUID document) throws IOException {
    KeyShare share = KeyShare.generate();
    Path dir = ensureDirectory(shard(document));
    Path target = dir.resolve(document.toString());
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path tmp = dir.resolve(".tmp-" + document + "-" + ProcessHandle.current().pid());
    byte[] bytes = share.toStoredBytes();
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        setOwnerOnly(tmp, "rw-------");
        ch.write(ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
      forceDirectory(dir);
      return share;
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Files.deleteIfExists(tmp);
    }
  }

  /** The share of {@code document}, or empty if it never existed or was destroyed. */
  public Optional<KeyShare> read(UUID document) throws IOException {
    Path file = shard(document).resolve(document.toString());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      if (bytes.length != KeyShare.SIZE_BYTES) {
        throw new IOException("the key share of a document has the wrong length");
      }
      return Optional.of(KeyShare.fromStoredBytes(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** True if a share of {@code document} is stored. */
  public boolean exists(UUID document) {
    return Files.exists(shard(document).resolve(document.toString()));
  }

  /**
   * Destroys the share of {@code document} for good: zeros, forced, deleted, directory forced.
   * Returns false if there was none.
   */
  public boolean destroy(UUID document) throws IOException {
    Path dir = shard(document);
    Path file = dir.resolve(document.toString());
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[KeyShare.SIZE_BYTES]), 0);
      ch.force(true);
    }
    Files.delete(file);
    forceDirectory(dir);
    return true;
  }

  /** Checks at start-up that the directory exists (creating it owner-only) and is writable. */
  public void open() throws IOException {
    ensureDirectory(root);
    if (!Files.isWritable(root)) {
      throw new IOException("the document key directory is not writable: " + root);
    }
  }

  private Path shard(UUID document) {
    return root.resolve(document.toString().substring(0, 2));
  }

  private static Path ensureDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      setOwnerOnly(dir, "rwx------");
      if (dir.getParent() != null) {
        forceDirectory(dir.getParent());
      }
    }
    return dir;
  }

  private static void setOwnerOnly(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows development machines): nothing to tighten.
    }
  }

  /** Makes a rename or delete in {@code dir} durable (fsync of the directory). */
  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory for fsync; the rename is still atomic.
      if (!(e instanceof java.nio.file.AccessDeniedException)) {
        throw e;
      }
    }
  }
}
