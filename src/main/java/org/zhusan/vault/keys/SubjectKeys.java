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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.crypto.AeadKeyset;
import org.zhusan.vault.crypto.AesGcmAead;
import org.zhusan.vault.crypto.AesGcmHkdfStreaming;
import org.zhusan.vault.crypto.AssociatedData;
import org.zhusan.vault.crypto.DataKey;
import org.zhusan.vault.crypto.DataKeyCache;
import org.zhusan.vault.crypto.DecryptionFailedException;
import org.zhusan.vault.crypto.StreamingAead;
import org.zhusan.vault.crypto.WrappedKey;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Per-subject data keys: generated when a subject is created, stored only wrapped by the primary
 * KEK, unwrapped on demand (cached briefly), counted on every encryption, destroyed by shredding.
 * Also the {@link FieldCipher} that entities seal their sensitive fields with.
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

  @Inject
  @ConfigProperty(name = "vault.keys.cache.ttl", defaultValue = "PT60S")
  Duration cacheTtl;

  @Inject
  @ConfigProperty(name = "vault.keys.cache.max-entries", defaultValue = "10000")
  int cacheMaxEntries;

  /** Refuse encryption well before NIST SP 800-38D's 2^32 random-nonce limit for one key. */
  @Inject
  @ConfigProperty(name = "vault.keys.max-encryptions-per-key", defaultValue = "4000000000")
  long maxEncryptionsPerKey;

  private volatile DataKeyCache cache;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Sealing.install(this);
  }

  private DataKeyCache cache() {
    if (cache == null) {
      synchronized (this) {
        if (cache == null) {
          cache = new DataKeyCache(cacheTtl, cacheMaxEntries);
        }
      }
    }
    return cache;
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
      if (record.encryptions() + encryptions > maxEncryptionsPerKey) {
        throw VaultException.unavailable(
            "key-limit", "This record's data key reached its encryption limit.");
      }
      em.createNativeQuery("UPDATE data_key SET encryptions = encryptions + ?1 WHERE owner_id = ?2")
          .setParameter(1, (long) encryptions)
          .setParameter(2, owner)
          .executeUpdate();
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
      AesGcmAead aead =
          AesGcmAead.create(AeadKeyset.of(DATA_KEY_VERSION, dataKey(b.keyOwner(), 1)));
      return SealedText.of(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ad(b)));
    } catch (GeneralSecurityException e) {
      throw VaultException.unavailable("encryption-failed", "The field could not be encrypted.");
    }
  }

  @Override
  public String open(FieldBinding b, SealedText sealed) {
    try {
      AesGcmAead aead =
          AesGcmAead.create(AeadKeyset.of(DATA_KEY_VERSION, dataKey(b.keyOwner(), 0)));
      return new String(aead.decrypt(sealed.ciphertext(), ad(b)), StandardCharsets.UTF_8);
    } catch (DecryptionFailedException e) {
      LOG.severe(
          "Integrity failure opening " + b.table() + "." + b.column() + " of row " + b.rowId());
      throw integrity();
    }
  }

  /**
   * Streaming AEAD for content owned by {@code owner}; counts one encryption when {@code
   * forWriting}.
   */
  public StreamingAead contentCipher(UUID owner, boolean forWriting) {
    return AesGcmHkdfStreaming.create(
        AeadKeyset.of(DATA_KEY_VERSION, dataKey(owner, forWriting ? 1 : 0)));
  }

  /** A keyed digest of content owned by {@code owner}, bound to {@code versionId}. */
  public org.zhusan.vault.crypto.ContentDigest contentDigest(UUID owner, UUID versionId) {
    return org.zhusan.vault.crypto.ContentDigest.start(
        dataKey(owner, 0), contentBinding(versionId));
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

  static VaultException integrity() {
    return new VaultException(
        Problem.of(
            500,
            "integrity-failure",
            "Integrity failure",
            "Stored data failed its integrity check and was not returned. The event was logged."));
  }
}
