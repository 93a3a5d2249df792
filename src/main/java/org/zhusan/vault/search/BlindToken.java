package org.zhusan.vault.search;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A blind search token: the keyed, truncated HMAC of one stem ({@link BlindTokens}), exactly what
 * the {@code search_token.token} column holds. Reveals nothing about the stem without the
 * blind-index key; equal stems give equal tokens.
 *
 * <p>Value object: immutable, equality by bytes, ordered by unsigned byte comparison (so SQL and
 * test output are deterministic). Not secret, so {@link #toString} shows the hex.
 */
public final class BlindToken implements Comparable<BlindToken> {
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private BlindToken(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A token from its stored bytes (copied). */
  public static BlindToken of(byte[] bytes) {
    Objects.requireNonNull(bytes, "token bytes are required.");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("a token cannot be empty");
    }
    return new BlindToken(bytes.clone());
  }

  /** A token from lower- or upper-case hex. */
  public static BlindToken fromHex(String hex) {
    Objects.requireNonNull(hex, "hex is required.");
    return of(HEX.parseHex(hex));
  }

  /** A copy of the token bytes, for binding as a {@code bytea} parameter. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Length in bytes. */
  public int length() {
    return bytes.length;
  }

  /** Lower-case hex. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public int compareTo(BlindToken other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlindToken && Arrays.equals(bytes, ((BlindToken) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BlindToken[" + toHex() + "]";
  }
}
