package org.zhusan.vault.webapp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.dev.DevSignIn;
import org.zhusan.vault.platform.rest.Anonymous;

/**
 * {@code GET /api/ui/config}: what the web app needs before anyone signs in — the OIDC provider and
 * client id, the idle time-out and whether development sign-in exists. Public: it holds no secret.
 */
@Path("/ui/config")
@Produces(MediaType.APPLICATION_JSON)
@Anonymous
public class UiConfigResource {
  @Inject UiSettings settings;
  @Inject DevSignIn devSignIn;

  /** The app's public configuration. {@code authority} is null when no provider is configured. */
  public record UiConfig(
      String authority,
      String clientId,
      String scope,
      long idleTimeoutSeconds,
      boolean devSignIn) {}

  @GET
  @Operation(summary = "Public configuration of the staff web app (no token needed)")
  public UiConfig config() {
    return new UiConfig(
        settings.authority().orElse(null),
        settings.clientId(),
        settings.scope(),
        settings.idleTimeout().toSeconds(),
        devSignIn.enabled());
  }
}
