package org.zhusan.vault.audit.tree;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The canonical content of one access-log entry: who did what, to which record (by id only), why,
 * with what outcome, when and from where, and the leaf hash of the entry before it.
 *
 * <p>This is a value object and an invariant holder, not a JPA entity: the server maps its stored
 * row to an {@code AuditEntry} to compute the leaf hash ({@link AuditEntryEncoding#leafHash}), and
 * the offline verifier rebuilds it from an export line. Every instance is encodable: the
 * constructor rejects anything {@link AuditEntryEncoding} could not represent unambiguously.
 *
 * <p>Invariants (checked by the constructor, {@link IllegalArgumentException} or {@link
 * NullPointerException} otherwise):
 *
 * <ul>
 *   <li>{@code sequence >= 0}; sequences start at 0 and increase by one per entry (checked by the
 *       verifier, not here).
 *   <li>{@code occurredAt} has microsecond precision (no nanoseconds beyond micros, as PostgreSQL
 *       {@code timestamptz} stores) and fits in a signed 64-bit count of microseconds since the
 *       epoch.
 *   <li>{@code userId}, {@code role}, {@code action} and {@code outcome} are required and
 *       non-empty; {@code outcome} is {@code ALLOWED}, {@code DENIED} or {@code FAILED}.
 *   <li>The other strings may be {@code null} (absent), which is distinct from the empty string.
 *   <li>Every string is well-formed UTF-16 (no unpaired surrogates, so its UTF-8 form is exact) of
 *       at most {@link #MAX_TEXT_BYTES} bytes in UTF-8. Strings are not normalised: they are logged
 *       and hashed exactly as given.
 *   <li>{@code previousLeafHash} is 32 bytes: the leaf hash of entry {@code sequence - 1}, all
 *       zeros for entry 0. It makes the log a hash chain as well as a Merkle tree, so that an
 *       edited entry is named by its successor.
 *   <li>{@code targetId} is an identifier only, never content; {@code justification} is the written
 *       reason for a break-glass access.
 * </ul>
 *
 * <p>Immutable and thread-safe: the hash array is copied in and out.
 *
 * @param sequence position in the log, from 0
 * @param occurredAt when the access decision was made (microsecond precision)
 * @param userId the acting user's id (token subject)
 * @param role the role the user acted in
 * @param centre the centre the user acted for, or null for national roles
 * @param action what was attempted (e.g. READ_DOCUMENT)
 * @param targetType kind of target (SUBJECT, DOCUMENT, VERSION, QUERY, LOG, KEY, GRANT …), or null
 * @param targetId the target's id (never content), or null
 * @param purpose declared purpose of use (TREATMENT, LEGAL_PROCEEDING …), or null
 * @param justification break-glass justification, or null
 * @param outcome ALLOWED, DENIED or FAILED
 * @param rule the policy rule that decided, or null
 * @param reason why it was denied or failed, or null
 * @param breakGlass whether the access used break-glass
 * @param clientAddress the client's network address, or null
 * @param requestId the request's correlation id, or null
 * @param previousLeafHash leaf hash of the previous entry (zeros for entry 0)
 */
public record AuditEntry(
    long sequence,
    Instant occurredAt,
    String userId,
    String role,
    String centre,
    String action,
    String targetType,
    String targetId,
    String purpose,
    String justification,
    String outcome,
    String rule,
    String reason,
    boolean breakGlass,
    String clientAddress,
    String requestId,
    byte[] previousLeafHash) {

  /** Largest UTF-8 length of any text field. */
  public static final int MAX_TEXT_BYTES = 65_535;

  /** Length of {@link #previousLeafHash()}. */
  public static final int HASH_SIZE = Rfc9162Hasher.HASH_SIZE;

  /** The outcomes an entry may record. */
  public static final Set<String> OUTCOMES = Set.of("ALLOWED", "DENIED", "FAILED");

  /** Checks the invariants listed on the type and copies the hash. */
  public AuditEntry {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
    }
    Objects.requireNonNull(occurredAt, "occurredAt is required.");
    if (occurredAt.getNano() % 1_000 != 0) {
      throw new IllegalArgumentException(
          "occurredAt must have microsecond precision, got " + occurredAt);
    }
    epochMicros(occurredAt); // range check
    requireText(userId, "userId");
    requireText(role, "role");
    optionalText(centre, "centre");
    requireText(action, "action");
    optionalText(targetType, "targetType");
    optionalText(targetId, "targetId");
    optionalText(purpose, "purpose");
    optionalText(justification, "justification");
    requireText(outcome, "outcome");
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", got " + outcome);
    }
    optionalText(rule, "rule");
    optionalText(reason, "reason");
    optionalText(clientAddress, "clientAddress");
    optionalText(requestId, "requestId");
    Objects.requireNonNull(previousLeafHash, "previousLeafHash is required.");
    if (previousLeafHash.length != HASH_SIZE) {
      throw new IllegalArgumentException(
          "previousLeafHash must be " + HASH_SIZE + " bytes, got " + previousLeafHash.length);
    }
    previousLeafHash = previousLeafHash.clone();
  }

  /** Returns a copy of the previous entry's leaf hash. */
  @Override
  public byte[] previousLeafHash() {
    return previousLeafHash.clone();
  }

  /** Returns the {@link #previousLeafHash()} of entry 0: 32 zero bytes. */
  public static byte[] genesisPreviousLeafHash() {
    return new byte[HASH_SIZE];
  }

  /** Returns {@link #occurredAt()} as microseconds since 1970-01-01T00:00:00Z. */
  public long occurredAtMicros() {
    return epochMicros(occurredAt);
  }

  /** Returns a builder with no fields set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this entry's fields (to derive a modified copy). */
  public Builder toBuilder() {
    return new Builder()
        .sequence(sequence)
        .occurredAt(occurredAt)
        .userId(userId)
        .role(role)
        .centre(centre)
        .action(action)
        .targetType(targetType)
        .targetId(targetId)
        .purpose(purpose)
        .justification(justification)
        .outcome(outcome)
        .rule(rule)
        .reason(reason)
        .breakGlass(breakGlass)
        .clientAddress(clientAddress)
        .requestId(requestId)
        .previousLeafHash(previousLeafHash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEntry other
        && sequence == other.sequence
        && breakGlass == other.breakGlass
        && occurredAt.equals(other.occurredAt)
        && userId.equals(other.userId)
        && role.equals(other.role)
        && Objects.equals(centre, other.centre)
        && action.equals(other.action)
        && Objects.equals(targetType, other.targetType)
        && Objects.equals(targetId, other.targetId)
        && Objects.equals(purpose, other.purpose)
        && Objects.equals(justification, other.justification)
        && outcome.equals(other.outcome)
        && Objects.equals(rule, other.rule)
        && Objects.equals(reason, other.reason)
        && Objects.equals(clientAddress, other.clientAddress)
        && Objects.equals(requestId, other.requestId)
        && Arrays.equals(previousLeafHash, other.previousLeafHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sequence, occurredAt, userId, action, targetId, Arrays.hashCode(previousLeafHash));
  }

  @Override
  public String toString() {
    return "AuditEntry[sequence="
        + sequence
        + ", occurredAt="
        + occurredAt
        + ", userId="
        + userId
        + ", role="
        + role
        + ", centre="
        + centre
        + ", action="
        + action
        + ", targetType="
        + targetType
        + ", targetId="
        + targetId
        + ", purpose="
        + purpose
        + ", justification="
        + justification
        + ", outcome="
        + outcome
        + ", rule="
        + rule
        + ", reason="
        + reason
        + ", breakGlass="
        + breakGlass
        + ", clientAddress="
        + clientAddress
        + ", requestId="
        + requestId
        + ", previousLeafHash="
        + HexFormat.of().formatHex(previousLeafHash)
        + "]";
  }

  static long epochMicros(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "instant out of the 64-bit microsecond range: " + instant, e);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name + " is required.");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty.");
    }
    checkText(value, name);
  }

  private static void optionalText(String value, String name) {
    if (value != null) {
      checkText(value, name);
    }
  }

  private static void checkText(String value, String name) {
    long utf8 = utf8Length(value);
    if (utf8 < 0) {
      throw new IllegalArgumentException(
          name + " contains an unpaired surrogate (not valid Unicode).");
    }
    if (utf8 > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(
          name + " is " + utf8 + " bytes in UTF-8, more than " + MAX_TEXT_BYTES);
    }
  }

  /** Returns the UTF-8 length of {@code s}, or -1 if it contains an unpaired surrogate. */
  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return -1;
        }
        i++;
        bytes += 4;
      } else if (Character.isLowSurrogate(c)) {
        return -1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * Assembles an {@link AuditEntry}; {@link #build()} checks the invariants. Not thread-safe; the
   * defaults are {@code sequence 0}, {@code breakGlass false}, all objects null.
   */
  public static final class Builder {
    private long sequence;
    private Instant occurredAt;
    private String userId;
    private String role;
    private String centre;
    private String action;
    private String targetType;
    private String targetId;
    private String purpose;
    private String justification;
    private String outcome;
    private String rule;
    private String reason;
    private boolean breakGlass;
    private String clientAddress;
    private String requestId;
    private byte[] previousLeafHash;

    private Builder() {}

    public Builder sequence(long value) {
      sequence = value;
      return this;
    }

    public Builder occurredAt(Instant value) {
      occurredAt = value;
      return this;
    }

    public Builder userId(String value) {
      userId = value;
      return this;
    }

    public Builder role(String value) {
      role = value;
      return this;
    }

    public Builder centre(String value) {
      centre = value;
      return this;
    }

    public Builder action(String value) {
      action = value;
      return this;
    }

    public Builder targetType(String value) {
      targetType = value;
      return this;
    }

    public Builder targetId(String value) {
      targetId = value;
      return this;
    }

    public Builder purpose(String value) {
      purpose = value;
      return this;
    }

    public Builder justification(String value) {
      justification = value;
      return this;
    }

    public Builder outcome(String value) {
      outcome = value;
      return this;
    }

    public Builder rule(String value) {
      rule = value;
      return this;
    }

    public Builder reason(String value) {
      reason = value;
      return this;
    }

    public Builder breakGlass(boolean value) {
      breakGlass = value;
      return this;
    }

    public Builder clientAddress(String value) {
      clientAddress = value;
      return this;
    }

    public Builder requestId(String value) {
      requestId = value;
      return this;
    }

    /** Sets the previous entry's leaf hash (copied by {@link #build()}). */
    public Builder previousLeafHash(byte[] value) {
      previousLeafHash = value;
      return this;
    }

    /**
     * Builds the entry. @throws IllegalArgumentException or NullPointerException on invalid fields
     */
    public AuditEntry build() {
      return new AuditEntry(
          sequence,
          occurredAt,
          userId,
          role,
          centre,
          action,
          targetType,
          targetId,
          purpose,
          justification,
          outcome,
          rule,
          reason,
          breakGlass,
          clientAddress,
          requestId,
          previousLeafHash);
    }
  }
}
