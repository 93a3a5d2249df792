package org.zhusan.vault.access;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.policy.StaffUser;

/** {@code GET /api/me}: who the vault thinks the caller is. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentUser currentUser;

  /** The caller as the vault sees it. */
  public record Me(String user, List<String> roles, List<String> centres) {}

  @GET
  @PermitAll
  @Operation(summary = "The authenticated caller: user id, vault roles and centres")
  public Me me() {
    StaffUser user = currentUser.get();
    return new Me(
        user.userId(),
        user.roles().stream().map(Enum::name).sorted().toList(),
        user.centres().stream().sorted().toList());
  }
}
