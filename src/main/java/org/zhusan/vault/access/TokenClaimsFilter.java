package org.zhusan.vault.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.zhusan.vault.access.TokenRules.TimeClaims;
import org.zhusan.vault.platform.problem.Problem;

/**
 * Refuses (401) a token MP-JWT has verified but the vault does not accept: not yet valid, issued in
 * the future, living longer than {@link TokenSettings} allows, or with a {@code centres} claim that
 * is not an array of strings. Runs right after {@code AuthenticationRequiredFilter}, before roles
 * are checked and before any resource or audit code.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 2)
public class TokenClaimsFilter implements ContainerRequestFilter {
  @Inject JsonWebToken token;
  @Inject TokenSettings settings;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (ctx.getSecurityContext().getUserPrincipal() == null) {
      return; // no token: AuthenticationRequiredFilter answers
    }
    Optional<String> problem = problem();
    problem.ifPresent(
        detail ->
            ctx.abortWith(
                Response.fromResponse(
                        Problem.of(401, "unauthenticated", "Unauthorized", detail).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build()));
  }

  private Optional<String> problem() {
    Object centres = token.getClaim(CurrentUser.CENTRES_CLAIM);
    if (centres != null && !isArrayOfStrings(centres)) {
      return Optional.of("The token's centres claim must be an array of strings.");
    }
    TimeClaims times;
    try {
      times = new TimeClaims(seconds("iat"), seconds("nbf"), seconds("exp"));
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return settings.rules().violation(times, Instant.now());
  }

  private Long seconds(String claim) {
    Object v = token.getClaim(claim);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.longValueExact();
    }
    if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).longValue();
    }
    throw new IllegalArgumentException(
        "The token's " + claim + " claim must be a whole number of seconds.");
  }

  /**
   * MP-JWT hands custom claims over as JSON-P values or, depending on the runtime, as Java ones.
   */
  static boolean isArrayOfStrings(Object claim) {
    if (claim instanceof JsonArray array) {
      return array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING);
    }
    if (claim instanceof Collection<?> c) {
      return c.stream().allMatch(v -> v instanceof String || v instanceof JsonString);
    }
    return false;
  }
}
