package org.zhusan.vault.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.Purpose;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.crypto.ContentDigest;
import org.zhusan.vault.crypto.DecryptionFailedException;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Downloads, in two steps: {@link #authorize} decides and records the read in its own short
 * transaction and returns a {@link Download}; {@link #stream} sends the content it names. Only
 * {@link #authorize} can make a {@link Download}, so content cannot be streamed without a recorded,
 * allowed decision.
 */
@ApplicationScoped
@AuditedService
public class DocumentDownloads {
  private static final Logger LOG = Logger.getLogger(DocumentDownloads.class.getName());

  @Inject Gatekeeper gatekeeper;
  @Inject SubjectLookup subjects;
  @Inject DocumentLookup lookup;
  @Inject VersionContent content;
  @Inject AccessPolicy accessPolicy;

  /**
   * An allowed, recorded read of one version: what streaming it needs and the response headers.
   * Unforgeable: its constructor is private to {@link DocumentDownloads}.
   */
  public static final class Download {
    private final VersionContent.Location content;
    private final String mediaType;
    private final long size;
    private final String fileName;
    private final byte[] digest;
    private final String etag;

    private Download(
        VersionContent.Location content,
        String mediaType,
        long size,
        String fileName,
        byte[] digest,
        String etag) {
      this.content = Objects.requireNonNull(content, "content is required.");
      this.mediaType = mediaType;
      this.size = size;
      this.fileName = fileName;
      this.digest = digest.clone();
      this.etag = etag;
    }

    public String mediaType() {
      return mediaType;
    }

    public long size() {
      return size;
    }

    public String fileName() {
      return fileName;
    }

    /** The version id, quoted (versions never change). */
    public String etag() {
      return etag;
    }

    UUID versionId() {
      return content.versionId();
    }
  }

  /**
   * What a download needs, decided and recorded in its own (short) transaction before streaming.
   */
  @Transactional
  public Download authorize(UUID documentId, int versionNo, String purposeRaw) {
    Purpose purpose = accessPolicy.policy().parsePurpose(purposeRaw);
    Document doc = lookup.find(documentId, Action.DOCUMENT_READ);
    lookup.guardDestroyed(doc, Action.DOCUMENT_READ);
    String centre = subjects.centreOf(doc.subjectId()).orElseThrow();
    DocumentVersion v = lookup.version(documentId, versionNo).orElse(null);
    gatekeeper.requireDocument(
        Action.DOCUMENT_READ,
        doc.type().name(),
        documentId,
        v == null ? null : v.id(),
        centre,
        purpose);
    lookup.guardShredded(doc.subjectId());
    if (v == null) {
      throw VaultException.notFound("That version");
    }
    return new Download(
        VersionContent.Location.of(doc, v),
        v.mediaType(),
        v.sizeBytes(),
        v.fileName(doc.keyScope()).orElse("document"),
        v.contentDigest(),
        "\"" + v.id() + "\"");
  }

  /**
   * Streams a version's plaintext. Every segment is authenticated as it is decrypted; the keyed
   * digest of the whole is checked at the end. Three ways a download can end early, told apart
   * because only the first is evidence of tampering:
   *
   * <ul>
   *   <li>the stored ciphertext fails authentication, or the digest or size differs: an integrity
   *       alarm in the server log and a FAILED {@code integrity} entry in the access log;
   *   <li>the stored rows cannot be read (the database went away): a FAILED {@code storage} entry,
   *       no alarm;
   *   <li>the client stops reading (closed tab, broken pipe): an ordinary aborted read, already
   *       recorded as ALLOWED when it was authorised; nothing more is logged as a failure.
   * </ul>
   *
   * In each case the response is cut short, so the client sees an incomplete transfer, never a
   * complete-looking one.
   */
  @Transactional
  public void stream(Download d, OutputStream out) throws IOException {
    ContentDigest digest = content.digest(d.content);
    long size = 0;
    InputStream plainContent;
    try {
      // The next rows are read on another thread while this one decrypts, checks and sends.
      plainContent = content.openReadingAhead(d.content);
    } catch (SQLException | IOException e) {
      throw storageFailure(d, e);
    }
    try (InputStream plain = plainContent) {
      byte[] buf = new byte[VersionContent.IO_BUFFER];
      int n;
      while ((n = plain.read(buf)) > 0) {
        digest.update(buf, 0, n);
        try {
          out.write(buf, 0, n);
        } catch (IOException clientGone) {
          throw abortedByClient(d, size, clientGone);
        }
        size += n;
      }
    } catch (ClientAbortedException e) {
      throw e;
    } catch (IOException e) {
      throw isAuthenticationFailure(e)
          ? integrityAlarm(d, "content failed authentication while streaming")
          : storageFailure(d, e);
    }
    if (size != d.size || !ContentDigest.matches(digest.finish(), d.digest)) {
      throw integrityAlarm(d, "content digest mismatch");
    }
    try {
      out.flush();
    } catch (IOException clientGone) {
      throw abortedByClient(d, size, clientGone);
    }
  }

  /**
   * The client stopped reading; distinct from the read-side failures so it is never taken for one.
   */
  static final class ClientAbortedException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientAbortedException(IOException cause) {
      super("download aborted by the client", cause);
    }
  }

  private static boolean isAuthenticationFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DecryptionFailedException) {
        return true;
      }
    }
    return false;
  }

  private IOException abortedByClient(Download d, long sent, IOException cause) {
    LOG.info(
        "download of document version "
            + d.versionId()
            + " aborted by the client after "
            + sent
            + " bytes");
    return new ClientAbortedException(cause);
  }

  private IOException storageFailure(Download d, Exception cause) {
    LOG.warning(
        "document version "
            + d.versionId()
            + ": stored content could not be read ("
            + cause.getClass().getSimpleName()
            + "); download aborted");
    gatekeeper.recordFailureNow(
        Action.DOCUMENT_READ,
        Target.version(d.versionId()),
        Gatekeeper.Failure.STORAGE,
        "storage-failure: stored content could not be read");
    return new IOException("download aborted: stored content could not be read");
  }

  private IOException integrityAlarm(Download d, String what) {
    LOG.severe(
        "INTEGRITY ALARM: document version " + d.versionId() + ": " + what + "; download aborted");
    gatekeeper.recordFailureNow(
        Action.DOCUMENT_READ,
        Target.version(d.versionId()),
        Gatekeeper.Failure.INTEGRITY,
        "integrity-failure: " + what);
    return new IOException("download aborted: integrity failure");
  }
}
