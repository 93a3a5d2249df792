package org.zhusan.vault.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.zhusan.vault.crypto.AeadKeyset;
import org.zhusan.vault.crypto.AesGcmAead;
import org.zhusan.vault.crypto.AesGcmHkdfStreaming;
import org.zhusan.vault.crypto.AssociatedData;
import org.zhusan.vault.crypto.DataKey;
import org.zhusan.vault.crypto.DataKeyCache;
import org.zhusan.vault.crypto.DecryptionFailedException;
import org.zhusan.vault.crypto.DocumentKeys;
import org.zhusan.vault.crypto.KeyShare;
import org.zhusan.vault.crypto.StreamingAead;
import org.zhusan.vault.crypto.WrappedKey;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Per-subject data keys: generated when a subject is created, stored only wrapped by the primary
 * KEK, unwrapped on demand (cached briefly), counted on every encryption ({@link DataKeyUsage}:
 * once per key and transaction, at its commit), destroyed by shredding. Also the {@link
 * FieldCipher} that entities seal their sensitive fields with.
 */
@ApplicationScoped
public class SubjectKeys implements FieldCipher {
  private static final Logger LOG = Logger.getLogger(SubjectKeys.class.getName());

  /** Data keys have a single version; KEK rotation rewraps them without changing them. */
  static final int DATA_KEY_VERSION = 1;

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject VaultKeys vaultKeys;
  @Inject KekVersions kekVersions;
  @Inject DataKeyUsage usage;

  @Inject @ConfigProperties KeySettings settings;

  private volatile DataKeyCache cache;
  private volatile DocumentKeyShares shares;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Sealing.install(this);
  }

  private DataKeyCache cache() {
    if (cache == null) {
      synchronized (this) {
        if (cache == null) {
          cache = new DataKeyCache(settings.cacheTtl(), settings.cacheMaxEntries());
        }
      }
    }
    return cache;
  }

  private DocumentKeyShares shares() {
    if (shares == null) {
      synchronized (this) {
        if (shares == null) {
          java.nio.file.Path dir =
              settings
                  .documentKeysLocation()
                  .orElseThrow(
                      () ->
                          VaultException.unavailable(
                              "keys-unavailable",
                              "No document key directory is configured"
                                  + " (vault.keys.document-keys.location)."));
          DocumentKeyShares opened = new DocumentKeyShares(dir);
          try {
            opened.open();
          } catch (java.io.IOException e) {
            LOG.severe("The document key directory cannot be used: " + e.getMessage());
            throw documentKeysUnavailable();
          }
          shares = opened;
        }
      }
    }
    return shares;
  }

  /**
   * Creates and durably stores the key share of a new document (before anything is sealed under its
   * key), so its title, metadata and content can later be destroyed on their own.
   */
  public void createDocumentKey(UUID document) {
    try {
      shares().create(document);
    } catch (java.io.IOException e) {
      LOG.severe("A document key share could not be stored: " + e.getClass().getSimpleName());
      throw documentKeysUnavailable();
    }
  }

  /**
   * The key share of an existing document, created if it has none yet (re-sealing a document stored
   * before per-document keys; an attempt that crashed may have left one).
   */
  public void ensureDocumentKey(UUID document) {
    if (!shares().exists(document)) {
      createDocumentKey(document);
    }
  }

  /**
   * Destroys a document's key share for good: everything sealed under its key — also in any earlier
   * backup of the database — can no longer be opened. Returns false if it was already gone.
   */
  public boolean destroyDocumentKey(UUID document) {
    try {
      boolean destroyed = shares().destroy(document);
      cache().invalidate(documentCacheKey(document));
      return destroyed;
    } catch (java.io.IOException e) {
      LOG.severe("A document key share could not be destroyed: " + e.getClass().getSimpleName());
      throw documentKeysUnavailable();
    }
  }

  /** The key of {@code scope}: the subject's data key or a document's derived key. */
  DataKey key(KeyScope scope, int encryptions) {
    DataKey subjectKey = dataKey(scope.subject(), encryptions);
    if (!scope.perDocument()) {
      return subjectKey;
    }
    UUID document = scope.document();
    try {
      return cache()
          .get(
              documentCacheKey(document),
              () ->
                  DocumentKeys.derive(
                      subjectKey,
                      readShare(document).orElseThrow(SubjectKeys::documentKeyDestroyed),
                      document.toString()));
    } catch (GeneralSecurityException e) {
      throw integrity();
    }
  }

  private java.util.Optional<KeyShare> readShare(UUID document) {
    try {
      return shares().read(document);
    } catch (java.io.IOException e) {
      LOG.severe("A document key share could not be read: " + e.getClass().getSimpleName());
      throw documentKeysUnavailable();
    }
  }

  private static String documentCacheKey(UUID document) {
    return "document:" + document;
  }

  /** Creates the data key of a new owner, wrapped with the primary KEK. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void create(UUID owner) {
    DataKey key = DataKey.generate();
    WrappedKey wrapped;
    try {
      wrapped = vaultKeys.subjectKeyWrapper().wrap(key, owner.toString());
    } catch (GeneralSecurityException e) {
      throw VaultException.unavailable(
          "key-limit", "The key-encryption key reached its use limit; rotate keys.");
    }
    kekVersions.countWrap(wrapped.kekVersion());
    em.persist(new DataKeyRecord(owner, wrapped, Instant.now()));
  }

  /** The owner's data key, or 410 if it was shredded. Counts {@code encryptions} planned uses. */
  DataKey dataKey(UUID owner, int encryptions) {
    DataKeyRecord record = em.find(DataKeyRecord.class, owner);
    if (record == null) {
      throw VaultException.notFound("The record");
    }
    if (record.shredded()) {
      cache().invalidate(owner.toString());
      throw shredded();
    }
    if (encryptions > 0) {
      usage.count(owner, record.encryptions(), encryptions, settings.maxEncryptionsPerKey());
    }
    WrappedKey wrapped = record.wrappedKey().orElseThrow(SubjectKeys::shredded);
    try {
      return cache()
          .get(
              owner.toString(),
              () -> vaultKeys.subjectKeyWrapper().unwrap(wrapped, owner.toString()));
    } catch (GeneralSecurityException e) {
      LOG.severe("Data key of a record failed to unwrap (altered wrapped key or wrong keystore)");
      throw integrity();
    }
  }

  @Override
  public SealedText seal(FieldBinding b, String plaintext) {
    try {
      AesGcmAead aead = AesGcmAead.create(AeadKeyset.of(DATA_KEY_VERSION, key(b.key(), 1)));
      return SealedText.of(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ad(b)));
    } catch (GeneralSecurityException e) {
      throw VaultException.unavailable("encryption-failed", "The field could not be encrypted.");
    }
  }

  @Override
  public String open(FieldBinding b, SealedText sealed) {
    try {
      AesGcmAead aead = AesGcmAead.create(AeadKeyset.of(DATA_KEY_VERSION, key(b.key(), 0)));
      return new String(aead.decrypt(sealed.ciphertext(), ad(b)), StandardCharsets.UTF_8);
    } catch (DecryptionFailedException e) {
      LOG.severe(
          "Integrity failure opening " + b.table() + "." + b.column() + " of row " + b.rowId());
      throw integrity();
    }
  }

  /**
   * Streaming AEAD for content sealed under {@code scope}; counts one encryption when {@code
   * forWriting}.
   */
  public StreamingAead contentCipher(KeyScope scope, boolean forWriting) {
    return AesGcmHkdfStreaming.create(
        AeadKeyset.of(DATA_KEY_VERSION, key(scope, forWriting ? 1 : 0)));
  }

  /** A keyed digest of content sealed under {@code scope}, bound to {@code versionId}. */
  public org.zhusan.vault.crypto.ContentDigest contentDigest(KeyScope scope, UUID versionId) {
    return org.zhusan.vault.crypto.ContentDigest.start(key(scope, 0), contentBinding(versionId));
  }

  /** Associated data of a document version's content. */
  public static byte[] contentBinding(UUID versionId) {
    return AssociatedData.forContent(versionId);
  }

  /** Destroys the owner's data key for good. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean shred(UUID owner, String actor, String reason) {
    DataKeyRecord record = em.find(DataKeyRecord.class, owner);
    if (record == null) {
      throw VaultException.notFound("The record");
    }
    if (record.shredded()) {
      return false;
    }
    record.shred(actor, reason, Instant.now());
    cache().invalidate(owner.toString());
    return true;
  }

  /** True if the owner's key has been shredded. */
  public boolean isShredded(UUID owner) {
    DataKeyRecord record = em.find(DataKeyRecord.class, owner);
    return record != null && record.shredded();
  }

  private static byte[] ad(FieldBinding b) {
    return AssociatedData.forField(b.table(), b.column(), b.rowId());
  }

  static VaultException shredded() {
    return VaultException.gone(
        "crypto-shredded",
        "This record's encryption key was destroyed (crypto-shredding); its content can no longer"
            + " be read.");
  }

  static VaultException documentKeyDestroyed() {
    return VaultException.gone(
        "destroyed",
        "This document was destroyed under the retention schedule; its key no longer exists.");
  }

  private static VaultException documentKeysUnavailable() {
    return VaultException.unavailable(
        "keys-unavailable",
        "The document key directory cannot be used; an administrator sees why in the server log.");
  }

  static VaultException integrity() {
    return new VaultException(
        Problem.of(
            500,
            "integrity-failure",
            "Integrity failure",
            "Stored data failed its integrity check and was not returned. The event was logged."));
  }
}
