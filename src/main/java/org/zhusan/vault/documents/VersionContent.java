package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.zhusan.vault.crypto.ContentDigest;
import org.zhusan.vault.crypto.StreamingAead;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.ExtractionProgress;
import org.zhusan.vault.documents.content.ExtractionResult;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * A document version's content, the one place that knows how it is kept: written sealed (the
 * document's streaming AEAD, bound to the version id, into {@link ContentStore} rows, with the
 * keyed digest computed on the way and the size limit enforced), and opened as plaintext (decrypted
 * segment by segment, each authenticated before it is released) for downloads, for extraction at
 * upload and for re-indexing alike. Plaintext only ever exists in memory here.
 *
 * <p>Runs on the caller's JTA transaction: content rows commit with the version row or not at all.
 */
@ApplicationScoped
public class VersionContent {
  static final int IO_BUFFER = 64 * 1024;

  @Inject SubjectKeys keys;
  @Inject ContentStore store;
  @Inject ContentInspection inspection;

  @Inject DocumentSettings settings;

  /** Where a version's content is kept: enough to open it. */
  public record Location(KeyScope key, UUID versionId, int chunkCount) {
    public Location {
      Objects.requireNonNull(key, "key is required.");
      Objects.requireNonNull(versionId, "versionId is required.");
    }

    /** The content of a stored version of {@code document}. */
    public static Location of(Document document, DocumentVersion version) {
      return new Location(document.keyScope(), version.id(), version.chunkCount());
    }
  }

  /**
   * What writing a version's content produced: where it is, its plaintext and ciphertext sizes, its
   * keyed digest.
   */
  record Written(Location location, long size, long ciphertextBytes, byte[] digest) {}

  /** Sees each run of plaintext as it is written, in memory (e.g. the polyglot check). */
  interface PlaintextObserver {
    void update(byte[] b, int off, int len);
  }

  /**
   * 413 at once when a request already declares more than a file may hold (plus room for the form).
   */
  void refuseDeclaredLength(long declaredBytes) {
    if (declaredBytes > settings.maxUploadBytes() + 64 * 1024) {
      throw tooLarge();
    }
  }

  /**
   * Encrypts {@code plaintext} under {@code key} into the content rows of version {@code
   * versionId}; 413 beyond {@code vault.documents.max-upload-bytes}.
   *
   * @throws IOException if the plaintext cannot be read or the rows cannot be written
   */
  Written write(KeyScope key, UUID versionId, InputStream plaintext, PlaintextObserver observer)
      throws IOException {
    StreamingAead aead = keys.contentCipher(key, true);
    ContentDigest digest = keys.contentDigest(key, versionId);
    long size = 0;
    ContentStore.ChunkWriter rows;
    try {
      rows = store.writer(versionId);
    } catch (SQLException e) {
      throw VaultException.unavailable(
          "storage-unavailable", "The content store is not available.");
    }
    try (rows;
        OutputStream sealed =
            aead.newEncryptingStream(rows, SubjectKeys.contentBinding(versionId))) {
      byte[] buf = new byte[IO_BUFFER];
      int n;
      while ((n = plaintext.read(buf)) > 0) {
        size += n;
        if (size > settings.maxUploadBytes()) {
          throw tooLarge();
        }
        digest.update(buf, 0, n);
        observer.update(buf, 0, n);
        sealed.write(buf, 0, n);
      }
    }
    return new Written(
        new Location(key, versionId, rows.chunks()), size, rows.bytes(), digest.finish());
  }

  /**
   * Re-seals a stored version's content under {@code to} into the staging rows of migration V11,
   * streaming: each authenticated segment of the old ciphertext is re-encrypted at once. The old
   * content's keyed digest is checked against {@code storedDigest} on the way, so nothing that
   * fails its integrity check is ever re-sealed (and thereby laundered).
   *
   * @throws IOException if the old content cannot be read, fails authentication or its digest
   * @throws SQLException if the content store cannot be reached
   */
  Written reseal(Location from, KeyScope to, byte[] storedDigest) throws IOException, SQLException {
    UUID versionId = from.versionId();
    ContentDigest check = keys.contentDigest(from.key(), versionId);
    ContentDigest digest = keys.contentDigest(to, versionId);
    StreamingAead aead = keys.contentCipher(to, true);
    long size = 0;
    ContentStore.ChunkWriter rows = store.resealWriter(versionId);
    try (InputStream plain = open(from);
        rows;
        OutputStream sealed =
            aead.newEncryptingStream(rows, SubjectKeys.contentBinding(versionId))) {
      byte[] buf = new byte[IO_BUFFER];
      int n;
      while ((n = plain.read(buf)) > 0) {
        size += n;
        check.update(buf, 0, n);
        digest.update(buf, 0, n);
        sealed.write(buf, 0, n);
      }
    }
    if (!ContentDigest.matches(check.finish(), storedDigest)) {
      throw new IOException("the stored content does not match its digest");
    }
    return new Written(
        new Location(to, versionId, rows.chunks()), size, rows.bytes(), digest.finish());
  }

  /**
   * The plaintext of a stored version. Reading it fails with an {@link IOException} whose cause
   * chain holds a {@code DecryptionFailedException} when stored ciphertext does not authenticate.
   *
   * @throws SQLException if the content store cannot be reached
   */
  public InputStream open(Location content) throws SQLException {
    StreamingAead aead = keys.contentCipher(content.key(), false);
    return aead.newDecryptingStream(
        store.reader(content.versionId(), content.chunkCount()),
        SubjectKeys.contentBinding(content.versionId()));
  }

  /**
   * As {@link #open}, for streaming a whole version to a client: the next rows are read on another
   * thread while the caller decrypts, checks and sends the current ones.
   *
   * @throws SQLException if the content store cannot be reached
   * @throws IOException if no thread can be had to read ahead
   */
  InputStream openReadingAhead(Location content) throws SQLException, IOException {
    StreamingAead aead = keys.contentCipher(content.key(), false);
    return aead.newDecryptingStream(
        store.readAheadReader(content.versionId(), content.chunkCount()),
        SubjectKeys.contentBinding(content.versionId()));
  }

  /**
   * Extracts the text of a stored version in the contained child (see docs/extraction.md), handing
   * it to {@code text} in chunks, in memory.
   *
   * @throws IOException if the content cannot be read or fails authentication
   * @throws SQLException if the content store cannot be reached
   */
  public ExtractionResult extract(Location content, DetectedType type, Consumer<String> text)
      throws IOException, SQLException {
    return extract(content, type, text, ExtractionProgress.NONE);
  }

  /** As above, telling {@code progress} how many pages of a long scan are done. */
  public ExtractionResult extract(
      Location content, DetectedType type, Consumer<String> text, ExtractionProgress progress)
      throws IOException, SQLException {
    try (InputStream plain = open(content)) {
      return inspection.extractor().extract(plain, type, text, progress);
    }
  }

  /** A fresh keyed digest of a version's plaintext, to check a download against the stored one. */
  ContentDigest digest(Location content) {
    return keys.contentDigest(content.key(), content.versionId());
  }

  private VaultException tooLarge() {
    return new VaultException(
        Problem.of(
            413,
            "payload-too-large",
            "Payload too large",
            "The file is larger than the limit of " + settings.maxUploadBytes() + " bytes."));
  }
}
