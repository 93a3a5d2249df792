package org.zhusan.vault.platform.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. Every error the vault returns has this shape.
 *
 * <p>{@code detail} is written for the caller and must never contain plaintext of sensitive fields,
 * document content or whether a record the caller may not see exists.
 *
 * @param type a URI naming the problem kind ({@code urn:zhusan:problem:<slug>})
 * @param title short, stable summary of the kind
 * @param status the HTTP status
 * @param detail what happened in this occurrence
 * @param instance the request id, so the caller can quote it to an administrator
 */
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = new MediaType("application", "problem+json");

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem("urn:zhusan:problem:" + slug, title, status, detail, null);
  }

  public Problem withInstance(String requestId) {
    return new Problem(
        type, title, status, detail, requestId == null ? null : "urn:request:" + requestId);
  }

  public String toJson() {
    JsonObjectBuilder b =
        Json.createObjectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      b.add("detail", detail);
    }
    if (instance != null) {
      b.add("instance", instance);
    }
    return b.build().toString();
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(toJson()).build();
  }
}
