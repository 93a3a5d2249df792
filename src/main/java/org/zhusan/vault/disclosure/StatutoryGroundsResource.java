package org.zhusan.vault.disclosure;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/disclosure/statutory-grounds}: the statutory grounds this vault accepts as the basis
 * of a disclosure ({@code vault.disclosure.statutory-grounds}), for the web app's form.
 * Configuration, not records: any signed-in staff may read it and no access decision is involved.
 */
@Path("/disclosure/statutory-grounds")
@Produces(MediaType.APPLICATION_JSON)
public class StatutoryGroundsResource {
  @Inject DisclosureSettings settings;

  @GET
  @Operation(summary = "The statutory grounds a disclosure may name as its basis (any staff)")
  public Map<String, List<String>> grounds() {
    return Map.of("items", List.copyOf(settings.statutoryGrounds()));
  }
}
