package org.zhusan.vault.access.dev;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Anonymous;

/**
 * {@code POST /api/dev/token}: the web app's development sign-in. Outside the development profile
 * it answers 404 exactly like a path that does not exist, so nothing reveals that it could.
 */
@Path("/dev/token")
@Anonymous
public class DevTokenResource {
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern CENTRE = Pattern.compile("[A-Z0-9-]{1,16}");

  @Inject DevSignIn devSignIn;

  /** Who to sign in as. */
  public record TokenRequest(String user, List<String> roles, List<String> centres) {}

  /** The token, kept in the page's memory only. */
  public record TokenAnswer(String accessToken, String tokenType) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Development profile only: a development token for the chosen user, roles and centres")
  public TokenAnswer token(TokenRequest request) {
    if (!devSignIn.enabled()) {
      throw VaultException.notFound("The resource");
    }
    if (request == null || request.user() == null || !USER.matcher(request.user()).matches()) {
      throw VaultException.badRequest(
          "invalid-user", "user must be 1–64 letters, digits, '.', '_', '@' or '-'.");
    }
    List<String> roles = new ArrayList<>();
    for (String r : request.roles() == null ? List.<String>of() : request.roles()) {
      roles.add(
          Role.parse(r)
              .orElseThrow(() -> VaultException.badRequest("invalid-role", "Unknown role: " + r))
              .name());
    }
    if (roles.isEmpty()) {
      throw VaultException.badRequest("invalid-role", "At least one role is required.");
    }
    List<String> centres = request.centres() == null ? List.of() : request.centres();
    for (String c : centres) {
      if (c == null || !CENTRE.matcher(c).matches()) {
        throw VaultException.badRequest("invalid-centre", "Centre codes look like AST-01.");
      }
    }
    return new TokenAnswer(devSignIn.mint(request.user(), roles, centres), "Bearer");
  }
}
