package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.crypto.Normalizer;
import org.zhusan.vault.keys.VaultKeys;

/**
 * A subject's blind indexes (normalised full name and IIN, purposes {@value #NAME} and {@value
 * #IIN}) under a blind-index key version: the primary for rows being written, every loaded version
 * for lookups (so that subjects not yet re-keyed by a rotation are still found). Each lookup value
 * carries its version, so a candidate row matches only under its own {@code bidx_key_version}.
 */
@ApplicationScoped
public class SubjectIndexes {
  static final String IIN = "subject.iin";
  static final String NAME = "subject.full_name";

  @Inject VaultKeys vaultKeys;

  /**
   * Both indexes of one subject under one key version; {@code iin} is null when the subject has
   * none.
   */
  public record Indexes(int keyVersion, byte[] fullName, byte[] iin) {
    public Indexes {
      Objects.requireNonNull(fullName, "fullName index is required.");
    }
  }

  /** The indexes of a new or re-keyed subject under the primary key version. */
  Indexes primary(String fullName, String normalizedIinOrNull) {
    Keyring keyring = vaultKeys.keyring();
    return under(keyring, keyring.primaryBlindIndexVersion(), fullName, normalizedIinOrNull);
  }

  /** The indexes under key {@code version} of {@code keyring}. */
  Indexes under(Keyring keyring, int version, String fullName, String normalizedIinOrNull) {
    byte[] name = vaultKeys.blindIndex(keyring, version, NAME).compute(Normalizer.name(fullName));
    byte[] iin =
        normalizedIinOrNull == null
            ? null
            : vaultKeys.blindIndex(keyring, version, IIN).compute(normalizedIinOrNull);
    return new Indexes(version, name, iin);
  }

  /** Key version → index of a normalised IIN, for every loaded version. */
  Map<Integer, byte[]> iinUnderEveryVersion(String normalizedIin) {
    return underEveryVersion(IIN, normalizedIin);
  }

  /** Key version → index of a full name, for every loaded version. */
  Map<Integer, byte[]> nameUnderEveryVersion(String fullName) {
    return underEveryVersion(NAME, Normalizer.name(fullName));
  }

  private Map<Integer, byte[]> underEveryVersion(String purpose, String normalized) {
    Keyring keyring = vaultKeys.keyring();
    Map<Integer, byte[]> out = new TreeMap<>();
    for (int version : keyring.blindIndexVersions()) {
      out.put(version, vaultKeys.blindIndex(keyring, version, purpose).compute(normalized));
    }
    return out;
  }
}
