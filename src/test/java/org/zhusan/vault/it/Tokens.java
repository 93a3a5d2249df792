package org.zhusan.vault.it;

import java.time.Duration;
import java.util.List;
import org.zhusan.vault.cli.TokenCommand.TokenMinter;

/**
 * Real signed tokens for tests, minted with the development key (and, for negative tests, others).
 */
public final class Tokens {
  private Tokens() {}

  /** The minter holding the development key, for tests that shape claims themselves. */
  public static TokenMinter devMinterForTests() {
    return devMinter();
  }

  static TokenMinter devMinter() {
    try {
      return TokenMinter.fromPem(
          VaultServer.repoRoot().resolve("keys-example/jwt-dev-private.pem"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String token(String user, String role, String... centres) {
    return token(user, List.of(role), List.of(centres));
  }

  public static String token(String user, List<String> roles, List<String> centres) {
    try {
      return devMinter()
          .mint(
              user,
              roles,
              centres,
              Duration.ofHours(1),
              TokenMinter.DEV_ISSUER,
              TokenMinter.DEV_AUDIENCE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
