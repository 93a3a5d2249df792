package org.zhusan.vault.platform.rest;

import java.util.UUID;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Ids taken from a request path. A path segment that is not a UUID names nothing that could exist,
 * so it is answered exactly as a missing one is (404), not with a 400 that would tell a prober the
 * difference.
 */
public final class PathIds {
  private PathIds() {}

  /**
   * The UUID in {@code raw}, or a 404 naming {@code what} ("The document", "The grant" …).
   *
   * @param what the target's name in the problem's detail, e.g. {@code "document"}
   */
  public static UUID uuid(String raw, String what) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw VaultException.notFound("The " + what);
    }
  }
}
