package org.zhusan.vault.documents.content;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.metadata.Metadata;

/**
 * Temporary resources that refuse to create temporary files. Given to Tika in the vault's own JVM
 * so that no detector can spool document bytes to disk (several of them — OLE2, binary plist — copy
 * a stream that is not file-backed to a temporary file): such an attempt fails with {@link
 * SpoolRefusedException} instead of writing plaintext to disk.
 *
 * <p>Not thread-safe, like its superclass; use one per stream.
 */
final class NoSpoolTemporaryResources extends TemporaryResources {

  /** Thrown when Tika tries to write a temporary file in the vault's own JVM. */
  static final class SpoolRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    SpoolRefusedException() {
      super("spooling document bytes to a temporary file is refused in the vault process");
    }
  }

  @Override
  public Path createTempFile(String suffix) throws IOException {
    throw new SpoolRefusedException();
  }

  @Override
  public Path createTempFile() throws IOException {
    throw new SpoolRefusedException();
  }

  @Override
  public Path createTempFile(Metadata metadata) throws IOException {
    throw new SpoolRefusedException();
  }

  @Override
  public File createTemporaryFile() throws IOException {
    throw new SpoolRefusedException();
  }
}
