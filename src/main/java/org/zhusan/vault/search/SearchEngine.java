package org.zhusan.vault.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.keys.VaultKeys;

/**
 * The server's search toolkit, shared by indexing, querying and re-indexing: one {@link
 * TermAnalyzer} for the application's lifetime, and the keyed parts ({@link BlindTokens}, {@link
 * QueryParser}, {@link QueryAuditCipher}) under the keystore's current keyring (re-derived when an
 * administrator reloads the keystore). Without keys every method answers 503 (from {@link
 * VaultKeys#keyring()}).
 */
@ApplicationScoped
public class SearchEngine {
  @Inject VaultKeys vaultKeys;

  private final TermAnalyzer analyzer = new TermAnalyzer();
  private volatile Keyed keyed;

  private record Keyed(Keyring keyring, BlindTokens tokens, QueryParser parser, QueryAuditCipher queries) {}

  private Keyed keyed() {
    Keyring keyring = vaultKeys.keyring();
    Keyed k = keyed;
    if (k == null || k.keyring() != keyring) {
      BlindTokens tokens = BlindTokens.create(keyring);
      k = new Keyed(keyring, tokens, new QueryParser(analyzer, tokens), QueryAuditCipher.create(keyring));
      keyed = k;
    }
    return k;
  }

  /** A builder for one version's term frequencies (language detected from its first text). */
  public TermFrequencies.Builder newIndex() {
    return TermFrequencies.builder(analyzer, keyed().tokens());
  }

  /** The query parser under the current keys. */
  public QueryParser parser() {
    return keyed().parser();
  }

  /** The cipher for stored query texts under the current keys. */
  public QueryAuditCipher queryCipher() {
    return keyed().queries();
  }

  @PreDestroy
  void close() {
    analyzer.close();
  }
}
