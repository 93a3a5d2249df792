package org.zhusan.vault.blindindex;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.blindindex.BlindIndexRotation.RotationRun;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.keys.BlindIndexUsage;
import org.zhusan.vault.keys.BlindIndexUsage.VersionUsage;
import org.zhusan.vault.keys.VaultKeys;
import org.zhusan.vault.search.SearchReindexer;
import org.zhusan.vault.search.SearchReindexer.ReindexRun;

/**
 * {@code /api/admin/keys/blind-index} (ADMIN): blind-index key versions, what depends on each, and
 * rotation. Administrators start it and read counts; they never see content or index values.
 */
@Path("/admin/keys/blind-index")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class BlindIndexAdminResource {
  @Inject BlindIndexAdmin admin;

  /**
   * One blind-index key version.
   *
   * @param loaded whether the keystore holds it now
   * @param primary whether new indexes are computed under it
   * @param subjects live subjects whose name/IIN indexes are under it
   * @param indexedDocumentVersions indexed document versions (of live subjects) whose tokens are
   *     under it
   * @param recordedQueries recorded searches encrypted under it: unreadable to auditors once it is
   *     removed
   * @param shreddedSubjects crypto-shredded subjects with indexes under it (unused; need no key)
   * @param removable not primary and no subject or document depends on it: it may leave the
   *     keystore (mind {@code recordedQueries})
   */
  public record VersionView(
      int version,
      boolean loaded,
      boolean primary,
      long subjects,
      long indexedDocumentVersions,
      long recordedQueries,
      long shreddedSubjects,
      boolean removable) {}

  /**
   * @param rotation the latest rotation run since start-up, or null
   * @param reindex the latest search re-index run since start-up (the rotation's document phase),
   *     or null
   */
  public record StatusView(
      int primaryVersion,
      List<Integer> loadedVersions,
      List<VersionView> versions,
      RotationRun rotation,
      ReindexRun reindex) {}

  @GET
  @Operation(
      summary =
          "Blind-index key versions, how many rows depend on each, and the latest rotation (ADMIN)")
  public StatusView status() {
    return admin.status();
  }

  @POST
  @Path("/rotate")
  @Operation(
      summary =
          "Re-key subject indexes and re-index documents under the primary blind-index key, in the"
              + " background (ADMIN); add blind-index-v(N+1) to the keystore and reload first; 202"
              + " with the run; starting again resumes")
  public Response rotate() {
    return Response.accepted(admin.rotate()).build();
  }

  /** The audited, transactional side of the resource. */
  @ApplicationScoped
  @AuditedService
  public static class BlindIndexAdmin {
    @Inject Gatekeeper gatekeeper;
    @Inject BlindIndexRotation rotation;
    @Inject BlindIndexUsage usage;
    @Inject SearchReindexer reindexer;
    @Inject VaultKeys vaultKeys;

    @Transactional
    public StatusView status() {
      gatekeeper.require(Action.KEY_STATUS, "KEY", "blind-index", null, null);
      Keyring keyring = vaultKeys.keyring();
      SortedSet<Integer> loaded = keyring.blindIndexVersions();
      int primary = keyring.primaryBlindIndexVersion();
      Map<Integer, VersionUsage> byVersion = new TreeMap<>();
      for (int v : loaded) {
        byVersion.put(v, new VersionUsage(v, 0, 0, 0, 0));
      }
      for (VersionUsage u : usage.usage()) {
        byVersion.put(u.version(), u);
      }
      List<VersionView> versions = new ArrayList<>();
      for (VersionUsage u : byVersion.values()) {
        boolean isPrimary = u.version() == primary;
        versions.add(
            new VersionView(
                u.version(),
                loaded.contains(u.version()),
                isPrimary,
                u.subjects(),
                u.indexedVersions(),
                u.recordedQueries(),
                u.shreddedSubjects(),
                !isPrimary && !u.needed()));
      }
      return new StatusView(
          primary,
          List.copyOf(loaded),
          versions,
          rotation.current().orElse(null),
          reindexer.current().orElse(null));
    }

    @Transactional
    public RotationRun rotate() {
      var event =
          gatekeeper.require(
              Action.KEY_ROTATE,
              "KEY",
              "blind-index-v" + vaultKeys.keyring().primaryBlindIndexVersion(),
              null,
              null);
      return rotation.start(event.userId(), event.role());
    }
  }
}
