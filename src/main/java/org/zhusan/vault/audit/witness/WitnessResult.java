package org.zhusan.vault.audit.witness;

import java.util.List;
import java.util.Objects;

/**
 * What a witness answers to an add-checkpoint request (c2sp.org/tlog-witness), as the {@link
 * Witness} decides it and as a client reads it back with {@link WitnessResponse#parse}.
 */
public sealed interface WitnessResult {

  /** The HTTP status the protocol assigns to this result. */
  int httpStatus();

  /**
   * 200: the witness co-signed and recorded the checkpoint.
   *
   * @param cosignatures the witness's cosignature line(s), to append to the note
   */
  record Cosigned(List<NoteSignature> cosignatures) implements WitnessResult {
    /** Requires at least one cosignature. */
    public Cosigned {
      cosignatures = List.copyOf(cosignatures);
      if (cosignatures.isEmpty()) {
        throw new IllegalArgumentException("a cosigned answer carries a cosignature");
      }
    }

    @Override
    public int httpStatus() {
      return 200;
    }
  }

  /**
   * 409: the request's old size is not the size the witness last co-signed, or the checkpoint has
   * that size but another root (a fork at the same size: the witness never co-signs two roots for
   * one size). The client should retry from {@code knownSize}, which only an honest log can.
   *
   * @param knownSize the size of the latest checkpoint the witness co-signed
   * @param reason for the witness's own log; not sent
   */
  record Conflict(long knownSize, String reason) implements WitnessResult {
    /** Requires a non-negative size. */
    public Conflict {
      if (knownSize < 0) {
        throw new IllegalArgumentException("knownSize must be >= 0");
      }
      Objects.requireNonNull(reason, "reason is required.");
    }

    @Override
    public int httpStatus() {
      return 409;
    }
  }

  /**
   * Any other refusal.
   *
   * @param refusal which one
   * @param reason a short explanation (sent as the plain-text body)
   */
  record Refused(Refusal refusal, String reason) implements WitnessResult {
    /** Requires both. */
    public Refused {
      Objects.requireNonNull(refusal, "refusal is required.");
      Objects.requireNonNull(reason, "reason is required.");
    }

    @Override
    public int httpStatus() {
      return refusal.httpStatus();
    }
  }

  /** The refusals and their HTTP statuses (c2sp.org/tlog-witness). */
  enum Refusal {
    /**
     * 400: the request is malformed, or its old size is larger than the checkpoint's (the log asks
     * the witness to go back: a rollback).
     */
    MALFORMED(400),
    /** 403: no signature by the log's key verifies on the checkpoint. */
    BAD_SIGNATURE(403),
    /** 404: the checkpoint is for a log (origin) this witness does not follow. */
    UNKNOWN_ORIGIN(404),
    /**
     * 422: the consistency proof does not show that the new checkpoint extends the one the witness
     * co-signed: a forked or rewritten log (or a broken client).
     */
    INCONSISTENT(422);

    private final int httpStatus;

    Refusal(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The HTTP status. */
    public int httpStatus() {
      return httpStatus;
    }
  }
}
