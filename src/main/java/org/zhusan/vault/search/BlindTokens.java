package org.zhusan.vault.search;

import java.util.Objects;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.Keyring;

/**
 * Maps a stem to its blind token with the vault's blind-index key: {@link BlindIndex} for purpose
 * {@value #PURPOSE}, {@value #TOKEN_BYTES}-byte output (HMAC-SHA256 under an HKDF-derived subkey,
 * truncated). The database stores only tokens, never stems; without the key a token cannot be
 * reversed except by guessing the stem <em>and</em> holding the key, which is never in the
 * database.
 *
 * <p>The purpose is versioned: when the analysers change in a way that changes stems (new stemmer,
 * new folding rule), bump it to {@code search.term.v2} and re-index, so old and new tokens never
 * mix (see {@code docs/search.md}). The blind-index key is versioned too ({@link #keyVersion()}):
 * rotating it means re-indexing every version under the new key; until that is done, a query
 * computes each stem's token under every key version still in use.
 *
 * <p>Thread safety: immutable.
 */
public final class BlindTokens {
  /** The blind-index purpose of search terms; part of the key derivation. */
  public static final String PURPOSE = "search.term.v1";

  /** Token length: 16 bytes (128 bits); see {@link BlindIndex} for the false-match estimate. */
  public static final int TOKEN_BYTES = 16;

  private final BlindIndex index;

  private BlindTokens(BlindIndex index) {
    this.index = index;
  }

  /** Tokens under the keyring's primary blind-index key, purpose {@value #PURPOSE}. */
  public static BlindTokens create(Keyring keyring) {
    Objects.requireNonNull(keyring, "keyring is required.");
    return create(keyring, keyring.primaryBlindIndexVersion());
  }

  /**
   * Tokens under blind-index key {@code keyVersion}, purpose {@value #PURPOSE}.
   *
   * @throws IllegalArgumentException if that key version is not in the keyring
   */
  public static BlindTokens create(Keyring keyring, int keyVersion) {
    Objects.requireNonNull(keyring, "keyring is required.");
    return new BlindTokens(BlindIndex.create(keyring, keyVersion, PURPOSE, TOKEN_BYTES));
  }

  /** The blind-index key version these tokens are computed under. */
  public int keyVersion() {
    return index.keyVersion();
  }

  /** The token of a stem as produced by {@link TermAnalyzer} (already folded and stemmed). */
  public BlindToken token(String stem) {
    Objects.requireNonNull(stem, "stem is required.");
    if (stem.isEmpty()) {
      throw new IllegalArgumentException("a stem cannot be empty");
    }
    return BlindToken.of(index.compute(stem));
  }

  @Override
  public String toString() {
    return "BlindTokens[" + PURPOSE + ", key v" + keyVersion() + "]";
  }
}
