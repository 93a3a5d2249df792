package org.zhusan.vault.outcomes;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/indicators}: the kinds of indicator, their values, and what the caller may do.
 */
@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {
  @Inject Indicators indicators;

  @GET
  @Operation(
      summary = "The indicator kinds and values, with whether the caller records or reads each")
  public IndicatorViews.KindList kinds() {
    return indicators.kinds();
  }
}
