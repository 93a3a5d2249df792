package org.zhusan.vault.centres;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;

/**
 * {@code GET /api/centres}: the regional centres (not sensitive: any authenticated staff member).
 */
@Path("/centres")
@Produces(MediaType.APPLICATION_JSON)
public class CentreResource {
  @Inject CentreRepository centres;

  /** A centre as listed. */
  public record CentreView(String code, String name, String region) {}

  @GET
  @PermitAll
  @Transactional
  @Operation(summary = "List the regional centres, paginated, ordered by code")
  public Page<CentreView> list(
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    PageRequest page = PageRequest.of(offset, limit);
    return new Page<>(
        centres.page(page.offset(), page.limit()).stream()
            .map(c -> new CentreView(c.code(), c.name(), c.region()))
            .toList(),
        page.offset(),
        page.limit(),
        centres.count());
  }
}
