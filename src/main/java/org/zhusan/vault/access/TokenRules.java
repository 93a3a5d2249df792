package org.zhusan.vault.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The vault's own rules for a token's time claims and shape, on top of what MP-JWT checks
 * (signature, {@code iss}, {@code aud}, {@code exp}). Pure and immutable; thread-safe.
 *
 * <p>Why: MP-JWT accepts a token whose {@code nbf} lies in the future and one whose {@code exp} is
 * a century away. A stolen long-lived token is a standing credential to the most sensitive records
 * the programme has, so the lifetime an identity provider may give a staff token is bounded here.
 *
 * @param clockSkew how far the issuer's clock may run ahead of ours ({@code nbf}, {@code iat})
 * @param maxLifetime the longest {@code exp - iat} accepted
 */
public record TokenRules(Duration clockSkew, Duration maxLifetime) {
  public TokenRules {
    Objects.requireNonNull(clockSkew, "clockSkew is required.");
    Objects.requireNonNull(maxLifetime, "maxLifetime is required.");
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "clock skew must be between PT0S and PT5M, was " + clockSkew);
    }
    if (maxLifetime.isNegative() || maxLifetime.isZero()) {
      throw new IllegalArgumentException(
          "maximum token lifetime must be positive, was " + maxLifetime);
    }
  }

  /** A token's time claims in seconds since the epoch, each {@code null} when absent. */
  public record TimeClaims(Long issuedAt, Long notBefore, Long expiresAt) {}

  /**
   * Why a token must be refused at {@code now}, or empty if its time claims are acceptable. The
   * reason is a fixed sentence for the caller; it never quotes the token.
   */
  public Optional<String> violation(TimeClaims claims, Instant now) {
    long nowSeconds = now.getEpochSecond();
    long skew = clockSkew.toSeconds();
    if (claims.expiresAt() == null) {
      return Optional.of("The token has no expiry (exp).");
    }
    if (claims.issuedAt() == null) {
      return Optional.of("The token has no issue time (iat), so its lifetime cannot be checked.");
    }
    if (claims.notBefore() != null && claims.notBefore() > nowSeconds + skew) {
      return Optional.of("The token is not valid yet (nbf is in the future).");
    }
    if (claims.issuedAt() > nowSeconds + skew) {
      return Optional.of("The token was issued in the future (iat).");
    }
    if (claims.expiresAt() - claims.issuedAt() > maxLifetime.toSeconds()) {
      return Optional.of(
          "The token's lifetime (exp - iat) is longer than the "
              + maxLifetime
              + " this vault accepts.");
    }
    return Optional.empty();
  }
}
