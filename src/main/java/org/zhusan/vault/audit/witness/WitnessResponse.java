package org.zhusan.vault.audit.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An add-checkpoint HTTP answer (c2sp.org/tlog-witness): {@link #of} makes the witness's, {@link
 * #parse} reads it on the client side.
 *
 * <ul>
 *   <li>200, {@code text/plain; charset=utf-8}: the cosignature line(s), each {@code — name
 *       base64\n};
 *   <li>409, {@code text/x.tlog.size}: the witness's size in decimal and a newline;
 *   <li>400, 403, 404, 422, {@code text/plain; charset=utf-8}: a one-line reason.
 * </ul>
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the body (UTF-8)
 */
public record WitnessResponse(int status, String contentType, String body) {

  /** The content type of a 409 answer. */
  public static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

  /** The content type of every other answer. */
  public static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

  /** Checks the parts are present. */
  public WitnessResponse {
    Objects.requireNonNull(contentType, "contentType is required.");
    Objects.requireNonNull(body, "body is required.");
  }

  /** The answer for a witness's result. */
  public static WitnessResponse of(WitnessResult result) {
    Objects.requireNonNull(result, "result is required.");
    if (result instanceof WitnessResult.Cosigned cosigned) {
      StringBuilder body = new StringBuilder();
      cosigned.cosignatures().forEach(s -> body.append(s.line()));
      return new WitnessResponse(200, TEXT_CONTENT_TYPE, body.toString());
    }
    if (result instanceof WitnessResult.Conflict conflict) {
      return new WitnessResponse(409, SIZE_CONTENT_TYPE, conflict.knownSize() + "\n");
    }
    WitnessResult.Refused refused = (WitnessResult.Refused) result;
    return new WitnessResponse(
        refused.httpStatus(), TEXT_CONTENT_TYPE, oneLine(refused.reason()) + "\n");
  }

  /** The body as UTF-8. */
  public byte[] bytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a witness's answer. The cosignatures of a 200 are not verified here: append them to the
   * note and check them with {@link WitnessPolicy} (or {@link Cosignature#verify}), ignoring lines
   * by keys you do not know.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} header, or null
   * @param body the body
   * @throws IllegalArgumentException if the status is not one of the protocol's, or the body does
   *     not fit it (treat it as the witness being unavailable)
   */
  public static WitnessResult parse(int status, String contentType, byte[] body) {
    Objects.requireNonNull(body, "body is required.");
    if (body.length > SignedNote.MAX_BYTES) {
      throw new IllegalArgumentException("answer too large");
    }
    String text = Text.utf8(body);
    switch (status) {
      case 200 -> {
        if (text.isEmpty() || !text.endsWith("\n")) {
          throw new IllegalArgumentException("a 200 answer holds newline-terminated lines");
        }
        List<NoteSignature> lines = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
          lines.add(NoteSignature.parseLine(line));
        }
        return new WitnessResult.Cosigned(lines);
      }
      case 409 -> {
        if (contentType == null || !contentType.strip().startsWith(SIZE_CONTENT_TYPE)) {
          throw new IllegalArgumentException("a 409 answer must be " + SIZE_CONTENT_TYPE);
        }
        if (!text.endsWith("\n")) {
          throw new IllegalArgumentException("a 409 answer is a size and a newline");
        }
        long size = Text.decimal(text.substring(0, text.length() - 1), "witness size");
        return new WitnessResult.Conflict(size, "the witness is at size " + size);
      }
      default -> {
        for (WitnessResult.Refusal refusal : WitnessResult.Refusal.values()) {
          if (refusal.httpStatus() == status) {
            return new WitnessResult.Refused(refusal, oneLine(text.strip()));
          }
        }
        throw new IllegalArgumentException("unexpected witness status " + status);
      }
    }
  }

  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(500)
        .forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return out.toString();
  }
}
