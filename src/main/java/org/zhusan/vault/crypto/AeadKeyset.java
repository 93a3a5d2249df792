package org.zhusan.vault.crypto;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versions of one logical AES-256 key: a lookup from key version to key, with one primary
 * version used for new encryptions. Decryption uses the version named in the ciphertext; a version
 * missing here makes decryption fail with {@link DecryptionFailedException}.
 *
 * <p>Examples: one subject's data key ({@code AeadKeyset.of(1, dataKey)}), or the key-encryption
 * keys {@code kek-v1 … kek-vN} of a {@link Keyring} (primary = highest).
 *
 * <p>Invariants, checked by the builder: at least one key; versions are positive ints (they are
 * written as 4-byte big-endian integers in ciphertexts); every key is 32 bytes; the primary exists.
 *
 * <p>Thread safety: immutable.
 */
public final class AeadKeyset {
  private final Map<Integer, SecretBytes> keys;
  private final int primaryVersion;

  private AeadKeyset(Map<Integer, SecretBytes> keys, int primaryVersion) {
    this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    this.primaryVersion = primaryVersion;
  }

  /** A keyset holding one data key under {@code version}, which is also the primary. */
  public static AeadKeyset of(int version, DataKey key) {
    return builder().add(version, key).build();
  }

  /** A validating builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Version used by new encryptions. */
  int primaryVersion() {
    return primaryVersion;
  }

  /** All versions, ascending. */
  SortedSet<Integer> versions() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
  }

  Optional<SecretBytes> key(int version) {
    return Optional.ofNullable(keys.get(version));
  }

  SecretBytes primaryKey() {
    return keys.get(primaryVersion);
  }

  @Override
  public String toString() {
    return "AeadKeyset[versions=" + keys.keySet() + ", primary=" + primaryVersion + "]";
  }

  /**
   * Builds an {@link AeadKeyset}. If no primary is chosen, the highest version is primary.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  static final class Builder {
    private final TreeMap<Integer, SecretBytes> keys = new TreeMap<>();
    private Integer primary;

    private Builder() {}

    /** Adds a data key under {@code version} (positive, not yet present). */
    Builder add(int version, DataKey key) {
      Objects.requireNonNull(key, "key is required.");
      return addSecret(version, key.secret());
    }

    Builder addSecret(int version, SecretBytes key) {
      Objects.requireNonNull(key, "key is required.");
      if (version < 1) {
        throw new IllegalArgumentException("key versions are positive, got " + version);
      }
      if (key.size() != Gcm.KEY_SIZE) {
        throw new IllegalArgumentException("key version " + version + " is not a 256-bit key");
      }
      if (keys.putIfAbsent(version, key) != null) {
        throw new IllegalArgumentException("key version " + version + " added twice");
      }
      return this;
    }

    /** Chooses the version used for new encryptions. */
    Builder primary(int version) {
      this.primary = version;
      return this;
    }

    /** Validates and builds. */
    AeadKeyset build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("a keyset needs at least one key");
      }
      int p = primary != null ? primary : keys.lastKey();
      if (!keys.containsKey(p)) {
        throw new IllegalStateException("primary key version " + p + " is not in the keyset");
      }
      return new AeadKeyset(keys, p);
    }
  }
}
