package org.zhusan.vault.disclosure;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.PathIds;

/** {@code /api/consents/{id}/revoke}. */
@Path("/consents")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class ConsentResource {
  @Inject Consents consents;

  @POST
  @Path("{consentId}/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revoke a consent (reason; revokedOn, default today); it stays listed")
  public DisclosureViews.ConsentView revoke(
      @PathParam("consentId") String consentId, DisclosureViews.RevokeRequest body) {
    return consents.revoke(PathIds.uuid(consentId, "consent"), body);
  }
}
