package org.zhusan.vault.search;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.search.SearchViews.SearchHit;
import org.zhusan.vault.search.SearchViews.SearchRequest;
import org.zhusan.vault.search.SearchViews.SearchStatus;
import org.zhusan.vault.search.SearchViews.StoredQuery;

/**
 * {@code /api/search}: full-text search over the documents the caller may read. The query travels
 * in the JSON body (never in the URL, so it never reaches HTTP access logs); only paging is in the
 * query string.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Audited
public class SearchResource {
  @Inject SearchService service;

  @POST
  @Operation(
      summary =
          "Search documents you may read: body {\"q\": \"суд AND (hearing OR решение) NOT appeal\","
              + " \"subject\": optional id}; ranked by occurrences, paginated; 400 for a malformed"
              + " query; every search is written to the access log")
  public Page<SearchHit> search(
      SearchRequest body, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return service.search(body, PageRequest.of(offset, limit));
  }

  @GET
  @Path("/status")
  @PermitAll
  @Operation(
      summary =
          "Search health: OCR on/off and its languages, current token purpose, versions by index"
              + " state (any staff)")
  public SearchStatus status() {
    return service.status();
  }

  @GET
  @Path("/queries/{queryId}")
  @Operation(
      summary =
          "What was searched under a query id from the access log (AUDITOR); the read is itself"
              + " logged")
  public StoredQuery query(@PathParam("queryId") String queryId) {
    UUID id;
    try {
      id = UUID.fromString(queryId);
    } catch (IllegalArgumentException e) {
      throw VaultException.notFound("The query");
    }
    return service.readQuery(id);
  }
}
