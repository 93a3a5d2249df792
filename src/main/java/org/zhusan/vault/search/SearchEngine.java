package org.zhusan.vault.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.keys.VaultKeys;

/**
 * The server's search toolkit, shared by indexing, querying and re-indexing: one {@link
 * TermAnalyzer} for the application's lifetime, and the keyed parts ({@link BlindTokens}, {@link
 * QueryParser}, {@link QueryAuditCipher}) under the keystore's current keyring (re-derived when an
 * administrator reloads the keystore). New tokens and query ciphertexts use the primary blind-index
 * key version; older loaded versions serve queries over documents not yet re-keyed and reading
 * queries recorded under them. Without keys every method answers 503 (from {@link
 * VaultKeys#keyring()}).
 */
@ApplicationScoped
public class SearchEngine {
  @Inject VaultKeys vaultKeys;

  private final TermAnalyzer analyzer = new TermAnalyzer();
  private volatile Keyed keyed;

  /**
   * Everything derived from one keyring: tokens per loaded key version, the primary's query cipher.
   */
  private record Keyed(
      Keyring keyring, Map<Integer, BlindTokens> tokens, QueryAuditCipher queries) {
    BlindTokens primary() {
      return tokens.get(keyring.primaryBlindIndexVersion());
    }
  }

  private Keyed keyed() {
    Keyring keyring = vaultKeys.keyring();
    Keyed k = keyed;
    if (k == null || k.keyring() != keyring) {
      Map<Integer, BlindTokens> tokens = new TreeMap<>();
      for (int version : keyring.blindIndexVersions()) {
        tokens.put(version, BlindTokens.create(keyring, version));
      }
      k = new Keyed(keyring, Map.copyOf(tokens), QueryAuditCipher.create(keyring));
      keyed = k;
    }
    return k;
  }

  /**
   * A builder for one version's term frequencies under the primary key (language detected from its
   * first text).
   */
  public TermFrequencies.Builder newIndex() {
    return TermFrequencies.builder(analyzer, keyed().primary());
  }

  /** The primary blind-index key version: what new tokens are computed under. */
  public int primaryKeyVersion() {
    return keyed().keyring().primaryBlindIndexVersion();
  }

  /** The blind-index key versions in the keystore now, ascending. */
  public SortedSet<Integer> loadedKeyVersions() {
    return keyed().keyring().blindIndexVersions();
  }

  /**
   * A query parser that blinds each stem under every given key version that is loaded (and always
   * under the primary): the versions whose tokens are in the index right now.
   */
  public QueryParser parser(Collection<Integer> keyVersions) {
    Keyed k = keyed();
    SortedSet<Integer> versions = new TreeSet<>(keyVersions);
    versions.add(k.keyring().primaryBlindIndexVersion());
    List<BlindTokens> tokens = new ArrayList<>();
    for (int version : versions) {
      BlindTokens t = k.tokens().get(version);
      if (t != null) {
        tokens.add(t);
      }
    }
    return new QueryParser(analyzer, tokens);
  }

  /** The cipher for new stored query texts (primary key version). */
  public QueryAuditCipher queryCipher() {
    return keyed().queries();
  }

  /**
   * The cipher for query texts stored under key {@code keyVersion}, empty if that version is no
   * longer loaded.
   */
  public Optional<QueryAuditCipher> queryCipher(int keyVersion) {
    Keyring keyring = keyed().keyring();
    return keyring.hasBlindIndexVersion(keyVersion)
        ? Optional.of(QueryAuditCipher.create(keyring, keyVersion))
        : Optional.empty();
  }

  @PreDestroy
  void close() {
    analyzer.close();
  }
}
