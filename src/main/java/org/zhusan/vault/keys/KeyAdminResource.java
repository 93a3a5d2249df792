package org.zhusan.vault.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.platform.problem.VaultException;

/** {@code /api/admin/keys} (ADMIN): KEK versions and their use, reload, rotation, retirement. */
@Path("/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class KeyAdminResource {
  @Inject KeyAdmin admin;

  /**
   * One KEK version: its state, how many data keys it has wrapped in all, and how many it wraps
   * now.
   */
  public record KekView(
      int version, String state, long wrapsSoFar, long liveDataKeys, boolean primary) {}

  public record KeysView(List<KekView> versions, List<KeyRotation.RotationRun> rotations) {}

  @GET
  @Operation(summary = "KEK versions, their use and recent rotations (ADMIN)")
  public KeysView status() {
    return admin.status();
  }

  @POST
  @Path("/reload")
  @Operation(summary = "Re-read the keystore (after adding a KEK version) (ADMIN)")
  public KeysView reload() {
    return admin.reload();
  }

  @POST
  @Path("/rotate")
  @Operation(
      summary =
          "Rewrap every data key under the primary KEK, in the background (ADMIN); 202 with the"
              + " run")
  public Response rotate() {
    return Response.accepted(admin.rotate()).build();
  }

  @POST
  @Path("/{version}/retire")
  @Operation(summary = "Retire a KEK version that no data key uses any more (ADMIN)")
  public KeysView retire(@PathParam("version") int version) {
    return admin.retire(version);
  }

  /** The transactional side of the resource. */
  @jakarta.enterprise.context.ApplicationScoped
  @org.zhusan.vault.access.AuditedService
  public static class KeyAdmin {
    @Inject Gatekeeper gatekeeper;
    @Inject KekVersions kekVersions;
    @Inject KeyRotation rotation;
    @Inject VaultKeys vaultKeys;

    @jakarta.transaction.Transactional
    public KeysView status() {
      gatekeeper.require(Action.KEY_STATUS, "KEY", "keystore", null, null);
      return view();
    }

    @jakarta.transaction.Transactional
    public KeysView reload() {
      gatekeeper.require(Action.KEY_STATUS, "KEY", "keystore-reload", null, null);
      if (!vaultKeys.load()) {
        // The keys already loaded stay in use; say why the new keystore was not taken.
        throw VaultException.conflict(
            "keystore-refused",
            "The keystore was not reloaded: "
                + vaultKeys.problem()
                + ". The keys loaded before stay in use.");
      }
      kekVersions.sync();
      return view();
    }

    @jakarta.transaction.Transactional
    public KeyRotation.RotationRun rotate() {
      var event =
          gatekeeper.require(
              Action.KEY_ROTATE,
              "KEY",
              "kek-v" + vaultKeys.keyring().primaryKekVersion(),
              null,
              null);
      long id = rotation.start(event.userId(), event.role());
      return rotation.recent().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @jakarta.transaction.Transactional
    public KeysView retire(int version) {
      gatekeeper.require(Action.KEY_RETIRE, "KEY", "kek-v" + version, null, null);
      kekVersions.retire(version);
      return view();
    }

    private KeysView view() {
      int primary = vaultKeys.keyring().primaryKekVersion();
      List<KekView> versions =
          kekVersions.usage().stream()
              .map(
                  r ->
                      new KekView(
                          ((Number) r[0]).intValue(),
                          (String) r[1],
                          ((Number) r[2]).longValue(),
                          ((Number) r[3]).longValue(),
                          ((Number) r[0]).intValue() == primary))
              .toList();
      return new KeysView(versions, rotation.recent());
    }
  }
}
