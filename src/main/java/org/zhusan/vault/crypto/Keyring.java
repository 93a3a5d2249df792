package org.zhusan.vault.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;

/**
 * The vault's root keys, loaded from a PKCS#12 keystore that lives outside the database: the
 * key-encryption keys (KEKs) that wrap per-subject data keys, and the blind-index key.
 *
 * <h2>Keystore contents</h2>
 *
 * <ul>
 *   <li>{@code kek-v1}, {@code kek-v2}, … : 256-bit AES secret-key entries, one per KEK version.
 *       The highest version is the primary, used for all new wrapping; older versions remain for
 *       unwrapping until everything has been rewrapped ({@link DataKeyWrapper#rewrap}).
 *   <li>{@code blind-index-v1}, {@code blind-index-v2}, … : 256-bit AES secret-key entries used
 *       only as HMAC key material for {@link BlindIndex}, one per blind-index key version. The
 *       highest is the primary, used for all new indexing; older versions remain usable for lookups
 *       (and for reading what they encrypted) until the database no longer depends on them and they
 *       are removed from the keystore. At least one is required.
 * </ul>
 *
 * Entries are protected by the keystore password (what {@code keytool -genseckey -storetype PKCS12}
 * produces). Other aliases are ignored. See {@code keys-example/README.md} for the commands.
 *
 * <p>Security: the keys never leave this package (accessors are package-private), {@link
 * #toString()} lists versions only, and errors name files and aliases but never passwords. The
 * caller owns the password array and should clear it after {@link #load}.
 *
 * <p>Thread safety: immutable.
 */
public final class Keyring {
  /** Alias prefix of key-encryption keys; the version follows, e.g. {@code kek-v2}. */
  public static final String KEK_ALIAS_PREFIX = "kek-v";

  /** Alias prefix of blind-index keys; the version follows, e.g. {@code blind-index-v2}. */
  public static final String BLIND_INDEX_ALIAS_PREFIX = "blind-index-v";

  /** Alias of the first blind-index key version (the only one before rotation). */
  public static final String BLIND_INDEX_ALIAS = BLIND_INDEX_ALIAS_PREFIX + "1";

  private static final Pattern KEK_ALIAS = Pattern.compile("kek-v([1-9][0-9]{0,8})");
  private static final Pattern BLIND_INDEX_KEY_ALIAS =
      Pattern.compile("blind-index-v([1-9][0-9]{0,8})");

  private final AeadKeyset keks;
  private final SortedMap<Integer, SecretBytes> blindIndexKeys;

  private Keyring(AeadKeyset keks, SortedMap<Integer, SecretBytes> blindIndexKeys) {
    this.keks = keks;
    this.blindIndexKeys = Collections.unmodifiableSortedMap(new TreeMap<>(blindIndexKeys));
  }

  /**
   * Loads the keyring from a PKCS#12 keystore.
   *
   * @param keystore path of the {@code .p12} file
   * @param password keystore password (also protects the entries); not retained
   * @throws KeyringException naming the file and alias if anything is missing or wrong
   */
  public static Keyring load(Path keystore, char[] password) throws KeyringException {
    Objects.requireNonNull(keystore, "keystore path is required.");
    Objects.requireNonNull(password, "keystore password is required.");
    if (!Files.isRegularFile(keystore)) {
      throw new KeyringException("keystore not found: " + keystore);
    }
    KeyStore store = open(keystore, password);
    Map<Integer, SecretBytes> keks = new TreeMap<>();
    SortedMap<Integer, SecretBytes> blindIndexKeys = new TreeMap<>();
    try {
      for (String alias : Collections.list(store.aliases())) {
        String lower = alias.toLowerCase(Locale.ROOT);
        Matcher kek = KEK_ALIAS.matcher(lower);
        Matcher blind = BLIND_INDEX_KEY_ALIAS.matcher(lower);
        if (kek.matches()) {
          keks.put(Integer.parseInt(kek.group(1)), readAesKey(store, keystore, alias, password));
        } else if (blind.matches()) {
          blindIndexKeys.put(
              Integer.parseInt(blind.group(1)), readAesKey(store, keystore, alias, password));
        }
      }
      if (keks.isEmpty()) {
        throw new KeyringException(
            "keystore "
                + keystore
                + " has no key-encryption key: expected secret-key entries '"
                + KEK_ALIAS_PREFIX
                + "1', '"
                + KEK_ALIAS_PREFIX
                + "2', …");
      }
      if (blindIndexKeys.isEmpty()) {
        throw new KeyringException(
            "keystore "
                + keystore
                + " has no entry '"
                + BLIND_INDEX_ALIAS
                + "' (the blind-index key; later versions are '"
                + BLIND_INDEX_ALIAS_PREFIX
                + "2', …)");
      }
      return new Keyring(kekKeyset(keks), blindIndexKeys);
    } catch (KeyringException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new KeyringException("cannot read keystore " + keystore, e);
    }
  }

  /**
   * Builds a keyring from raw key bytes, for tests and tooling only: keys that exist as plain byte
   * arrays have not been protected by a keystore.
   *
   * @param keks KEK version → 32 key bytes (the highest version becomes primary)
   * @param blindIndexKey 32 key bytes, blind-index key version 1
   */
  public static Keyring insecureFromRawKeys(Map<Integer, byte[]> keks, byte[] blindIndexKey) {
    Objects.requireNonNull(blindIndexKey, "blindIndexKey is required.");
    return insecureFromRawKeys(keks, Map.of(1, blindIndexKey));
  }

  /**
   * As {@link #insecureFromRawKeys(Map, byte[])} with several blind-index key versions, for tests
   * and tooling only.
   *
   * @param keks KEK version → 32 key bytes (the highest version becomes primary)
   * @param blindIndexKeys blind-index key version (≥ 1) → 32 key bytes (the highest becomes
   *     primary)
   */
  public static Keyring insecureFromRawKeys(
      Map<Integer, byte[]> keks, Map<Integer, byte[]> blindIndexKeys) {
    Objects.requireNonNull(keks, "keks are required.");
    Objects.requireNonNull(blindIndexKeys, "blindIndexKeys are required.");
    Map<Integer, SecretBytes> secrets = new TreeMap<>();
    keks.forEach((version, bytes) -> secrets.put(version, SecretBytes.copyOf(bytes)));
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one KEK is required");
    }
    SortedMap<Integer, SecretBytes> blind = new TreeMap<>();
    blindIndexKeys.forEach(
        (version, bytes) -> {
          if (version == null || version < 1) {
            throw new IllegalArgumentException("blind-index key versions start at 1");
          }
          if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("the blind-index key must be 32 bytes");
          }
          blind.put(version, SecretBytes.copyOf(bytes));
        });
    if (blind.isEmpty()) {
      throw new IllegalArgumentException("at least one blind-index key is required");
    }
    return new Keyring(kekKeyset(secrets), blind);
  }

  /** The KEK version used for new wrapping (the highest loaded). */
  public int primaryKekVersion() {
    return keks.primaryVersion();
  }

  /**
   * All loaded KEK versions, ascending: check at start-up that every version the database uses is
   * here.
   */
  public SortedSet<Integer> kekVersions() {
    return keks.versions();
  }

  AeadKeyset kekKeyset() {
    return keks;
  }

  /** The blind-index key version used for new indexing (the highest loaded). */
  public int primaryBlindIndexVersion() {
    return blindIndexKeys.lastKey();
  }

  /**
   * All loaded blind-index key versions, ascending: lookups compute an index under each, and
   * start-up checks that every version the database depends on is here.
   */
  public SortedSet<Integer> blindIndexVersions() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(blindIndexKeys.keySet()));
  }

  /** Whether blind-index key {@code version} is loaded. */
  public boolean hasBlindIndexVersion(int version) {
    return blindIndexKeys.containsKey(version);
  }

  /** The primary blind-index key. */
  SecretBytes blindIndexKey() {
    return blindIndexKeys.get(primaryBlindIndexVersion());
  }

  /** Blind-index key {@code version}; {@link IllegalArgumentException} if it is not loaded. */
  SecretBytes blindIndexKey(int version) {
    SecretBytes key = blindIndexKeys.get(version);
    if (key == null) {
      throw new IllegalArgumentException("blind-index key v" + version + " is not in the keystore");
    }
    return key;
  }

  @Override
  public String toString() {
    return "Keyring[kekVersions="
        + keks.versions()
        + ", primary="
        + keks.primaryVersion()
        + ", blindIndexVersions="
        + blindIndexKeys.keySet()
        + ", primaryBlindIndex="
        + primaryBlindIndexVersion()
        + "]";
  }

  private static AeadKeyset kekKeyset(Map<Integer, SecretBytes> keks) {
    AeadKeyset.Builder builder = AeadKeyset.builder();
    keks.forEach(builder::addSecret);
    return builder.build();
  }

  private static KeyStore open(Path keystore, char[] password) throws KeyringException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new KeyringException(
            "cannot open keystore " + keystore + ": wrong password (or the file is corrupted)");
      }
      throw new KeyringException(
          "cannot read keystore " + keystore + ": not a readable PKCS#12 file", e);
    } catch (GeneralSecurityException e) {
      throw new KeyringException("cannot read keystore " + keystore, e);
    }
  }

  private static SecretBytes readAesKey(
      KeyStore store, Path keystore, String alias, char[] password)
      throws GeneralSecurityException {
    Key key;
    try {
      key = store.getKey(alias, password);
    } catch (UnrecoverableKeyException e) {
      throw new KeyringException(
          "cannot recover entry '"
              + alias
              + "' of keystore "
              + keystore
              + ": its password differs from the keystore password");
    }
    byte[] raw = key instanceof SecretKey ? key.getEncoded() : null;
    try {
      if (raw == null || raw.length != 32 || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
        throw new KeyringException(
            "entry '" + alias + "' of keystore " + keystore + " is not a 256-bit AES secret key");
      }
      return SecretBytes.copyOf(raw);
    } finally {
      if (raw != null) {
        Arrays.fill(raw, (byte) 0);
      }
    }
  }
}
