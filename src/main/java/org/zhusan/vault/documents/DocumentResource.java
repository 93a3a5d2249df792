package org.zhusan.vault.documents;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.documents.DocumentViews.DocumentView;
import org.zhusan.vault.platform.problem.VaultException;

/** {@code /api/documents}: new versions, metadata and streaming download of one document. */
@Path("/documents")
@Audited
public class DocumentResource {
  @Inject DocumentService service;
  @Inject SharingService sharing;

  @POST
  @Path("{documentId}/versions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Upload a new version of a document (multipart: field purpose, then file); earlier"
              + " versions stay readable")
  public Response addVersion(
      @PathParam("documentId") String documentId, @Context HttpServletRequest request) {
    DocumentView updated = service.addVersion(uuid(documentId, "document"), request);
    return Response.created(
            URI.create("/api/documents/" + updated.id() + "/versions/" + updated.latestVersion()))
        .entity(updated)
        .build();
  }

  @GET
  @Path("{documentId}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A document and its versions (metadata only)")
  public DocumentView read(@PathParam("documentId") String documentId) {
    return service.read(uuid(documentId, "document"));
  }

  @GET
  @Path("{documentId}/versions/{version}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Download a version's content, streamed and verified; a purpose of use is required")
  public Response download(
      @PathParam("documentId") String documentId,
      @PathParam("version") String version,
      @QueryParam("purpose") String purpose,
      @HeaderParam("X-Purpose-Of-Use") String purposeHeader,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    int n;
    try {
      n = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw VaultException.notFound("That version");
    }
    DocumentService.Download d =
        service.authorizeDownload(
            uuid(documentId, "document"), n, purpose != null ? purpose : purposeHeader);
    if (d.etag().equals(ifNoneMatch)) {
      return Response.notModified().tag(d.etag().replace("\"", "")).build();
    }
    StreamingOutput body =
        out -> {
          try {
            service.stream(d, out);
          } catch (DocumentService.ClientAbortedException gone) {
            // Already logged as an ordinary aborted read; there is nobody left to answer.
          }
        };
    return Response.ok(body, d.mediaType())
        .header("Content-Length", d.size())
        .header("Content-Disposition", FileNames.contentDisposition(d.fileName()))
        .header("ETag", d.etag())
        .header("X-Content-Type-Options", "nosniff")
        // Defence in depth should a browser ever render the content (HTML, SVG, PDF): no scripts,
        // no forms, no same-origin access, even if a type slipped past the allowlist.
        .header("Content-Security-Policy", "sandbox")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @POST
  @Path("{documentId}/grants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Share a document (or one version: versionId) with a named user for a purpose until an"
              + " expiry (duration, ISO-8601)")
  public Response share(@PathParam("documentId") String documentId, SharingService.NewGrant body) {
    return Response.status(201).entity(sharing.share(uuid(documentId, "document"), body)).build();
  }

  @POST
  @Path("{documentId}/break-glass")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Open a document outside policy (LAWYER, PSYCHOLOGIST, PSYCHIATRIST, DOCTOR) with a"
              + " written justification, for a limited time; every use is flagged and reviewed by"
              + " auditors")
  public Response breakGlass(
      @PathParam("documentId") String documentId, SharingService.BreakGlassRequest body) {
    return Response.status(201)
        .entity(sharing.openBreakGlass(uuid(documentId, "document"), body))
        .build();
  }

  static UUID uuid(String raw, String what) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw VaultException.notFound("The " + what);
    }
  }
}
