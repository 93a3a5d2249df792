package org.zhusan.vault.disclosure;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.PathIds;

/**
 * {@code /api/subjects/{id}/disclosures}: making a disclosure (the package is the answer) and the
 * accounting of a person's disclosures, as JSON and as PDF.
 */
@Path("/subjects/{subjectId}/disclosures")
@Audited
public class SubjectDisclosureResource {
  @Inject Disclosures disclosures;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({"application/pdf", "application/zip", "application/problem+json"})
  @Operation(
      summary =
          "Disclose documents of the person (documentIds, recipientKind, recipientName, purpose,"
              + " caseReference, basis): a court gets one paginated PDF bundle, others a ZIP, each"
              + " with a signed manifest; recorded before it is returned (header Disclosure-Id)")
  public Response make(
      @PathParam("subjectId") String subjectId, DisclosureViews.DisclosureRequest body) {
    UUID subject = PathIds.uuid(subjectId, "subject");
    Disclosures.Package p = disclosures.make(subject, body);
    boolean court = p.kind() == Disclosure.PackageKind.COURT_BUNDLE;
    return Response.status(201)
        .type(court ? "application/pdf" : "application/zip")
        .header("Disclosure-Id", p.disclosureId().toString())
        .header(
            "Content-Disposition",
            "attachment; filename=\"disclosure-"
                + p.disclosureId()
                + (court ? ".pdf" : ".zip")
                + "\"")
        .entity(p.bytes())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The accounting of disclosures of the person: when, to whom, what, why, basis")
  public Map<String, List<DisclosureViews.DisclosureView>> accounting(
      @PathParam("subjectId") String subjectId) {
    return Map.of("items", disclosures.accounting(PathIds.uuid(subjectId, "subject")));
  }

  @GET
  @Path("accounting.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The accounting of disclosures as a PDF a guardian can be handed")
  public Response accountingPdf(@PathParam("subjectId") String subjectId) {
    UUID subject = PathIds.uuid(subjectId, "subject");
    return Response.ok(disclosures.accountingPdf(subject))
        .header("Content-Disposition", "attachment; filename=\"disclosures-" + subject + ".pdf\"")
        .build();
  }
}
