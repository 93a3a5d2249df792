package org.zhusan.vault.records.certificate;

import static org.zhusan.vault.signedjson.JsonFields.date;
import static org.zhusan.vault.signedjson.JsonFields.instant;
import static org.zhusan.vault.signedjson.JsonFields.requireMembers;
import static org.zhusan.vault.signedjson.JsonFields.string;
import static org.zhusan.vault.signedjson.JsonFields.uuid;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.zhusan.vault.records.certificate.DestructionCertificate.DestroyedVersion;
import org.zhusan.vault.records.certificate.DestructionCertificate.RetentionRule;
import org.zhusan.vault.signedjson.CanonicalJson;
import org.zhusan.vault.signedjson.SignedJsonFile;

/**
 * The byte forms of a certificate of destruction (format {@value #FORMAT}); the signed-file shape
 * and its checks are {@link SignedJsonFile}'s, this class adds the certificate's body schema.
 *
 * <ul>
 *   <li>{@link #body}: the certificate as RFC 8785 canonical JSON (see {@link CanonicalJson}):
 *       {@code "format"}, every field of {@link DestructionCertificate}, {@code "versionCount"},
 *       {@code "rule"} as an object and {@code "versions"} as an array of objects. Instants are
 *       ISO-8601 UTC strings with {@code Z} ({@link Instant#toString()}: seconds, plus 3, 6 or 9
 *       fraction digits when not zero), dates {@code yyyy-MM-dd}, UUIDs lower-case.
 *   <li>{@link #signedMessage}: what the Ed25519 signature covers, {@value #FORMAT} and a line feed
 *       in ASCII followed by the body (domain separation: a signature over a certificate cannot be
 *       taken for a signature over anything else the log key signs).
 *   <li>{@link #signedFile}: the canonical JSON of the body's members plus {@code "signature":
 *       {"algorithm":"Ed25519","keyId":…,"value":base64}}, followed by one line feed. This is the
 *       file users download and {@link CertificateVerifier} checks.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class CertificateJson {

  /** The value of the {@code "format"} member, and the signed message's prefix line. */
  public static final String FORMAT = "zhusan-vault/destruction-certificate/v1";

  /** The signature algorithm named in the {@code "signature"} member. */
  public static final String ALGORITHM = SignedJsonFile.ALGORITHM;

  private static final Set<String> BODY_MEMBERS =
      Set.of(
          "format",
          "id",
          "issuedAt",
          "dispositionId",
          "subjectId",
          "centre",
          "documentId",
          "documentType",
          "versionCount",
          "versions",
          "rule",
          "retentionStart",
          "dueOn",
          "proposedBy",
          "proposedAt",
          "approvedBy",
          "approvedAt");
  private static final Set<String> VERSION_MEMBERS =
      Set.of("versionNo", "versionId", "mediaType", "sizeBytes", "contentDigest");
  private static final Set<String> RULE_MEMBERS =
      Set.of("documentType", "event", "period", "action");

  private CertificateJson() {}

  /**
   * The signature member of a signed file.
   *
   * @param algorithm always {@value CertificateJson#ALGORITHM} in a well-formed file
   * @param keyId the signing key's id ({@link CertificateVerifier#keyId})
   * @param value the signature, base64 (RFC 4648, padded)
   */
  public record Signature(String algorithm, String keyId, String value) {
    /** Validates that the fields are present. */
    public Signature {
      Objects.requireNonNull(algorithm, "algorithm is required.");
      Objects.requireNonNull(keyId, "keyId is required.");
      Objects.requireNonNull(value, "value is required.");
    }
  }

  /** Returns the canonical JSON body of the certificate. */
  public static byte[] body(DestructionCertificate c) {
    return CanonicalJson.serialize(toJson(c));
  }

  /** Returns the bytes the signature covers: {@value #FORMAT}, {@code \n}, then {@code body}. */
  public static byte[] signedMessage(byte[] body) {
    return FILE.signedMessage(body);
  }

  /**
   * Returns the signed file: the body's members plus the {@code "signature"} member, canonical,
   * followed by one {@code \n}.
   *
   * @param body a body as returned by {@link #body}
   * @param signature the 64-byte Ed25519 signature of {@link #signedMessage signedMessage(body)}
   * @param keyId the signing key's id, 16 lower-case hex digits ({@link CertificateVerifier#keyId})
   * @throws IllegalArgumentException if {@code body} is not a canonical certificate body, the
   *     signature is not 64 bytes, or the key id is malformed
   */
  public static byte[] signedFile(byte[] body, byte[] signature, String keyId) {
    return FILE.signedFile(body, signature, keyId);
  }

  /**
   * Reads the certificate from a signed file or a bare body (any {@code "signature"} member is
   * ignored; this does <em>not</em> verify it: use {@link CertificateVerifier}). Whitespace is
   * tolerated, but every field must be exactly as {@link #body} writes it (e.g. no extra fraction
   * digits on an instant, lower-case UUIDs), and no member may be missing or unknown.
   *
   * @throws IllegalArgumentException if the bytes are not a {@value #FORMAT} certificate
   */
  public static DestructionCertificate parse(byte[] file) {
    Objects.requireNonNull(file, "file is required.");
    return fromJson(withoutSignature(parseObject(file)));
  }

  /**
   * Returns the {@code "signature"} member of a signed file.
   *
   * @throws IllegalArgumentException if the file is not a JSON object or has no well-formed
   *     signature member (an object of exactly three strings)
   */
  public static Signature signature(byte[] file) {
    Objects.requireNonNull(file, "file is required.");
    SignedJsonFile.Signature signature = SignedJsonFile.signatureOf(parseObject(file));
    return new Signature(signature.algorithm(), signature.keyId(), signature.value());
  }

  // ---- package-private helpers shared with the verifier ----

  /** The signed-file shape of this format. */
  static final SignedJsonFile FILE = new SignedJsonFile(FORMAT, "certificate");

  static JsonObject parseObject(byte[] bytes) {
    return SignedJsonFile.parseObject(bytes);
  }

  static JsonObject withoutSignature(JsonObject object) {
    return SignedJsonFile.withoutSignature(object);
  }

  static DestructionCertificate fromJson(JsonObject body) {
    if (!FORMAT.equals(stringOrNull(body, "format"))) {
      throw new IllegalArgumentException("not a " + FORMAT + " certificate");
    }
    requireMembers(body, BODY_MEMBERS, "certificate");
    JsonArray versionArray = array(body, "versions");
    List<DestroyedVersion> versions = new ArrayList<>(versionArray.size());
    for (JsonValue element : versionArray) {
      if (element.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("versions holds a non-object");
      }
      JsonObject v = element.asJsonObject();
      requireMembers(v, VERSION_MEMBERS, "version");
      long versionNo = integer(v, "versionNo");
      if (versionNo > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("versionNo out of range");
      }
      versions.add(
          new DestroyedVersion(
              (int) versionNo,
              uuid(v, "versionId"),
              string(v, "mediaType"),
              integer(v, "sizeBytes"),
              string(v, "contentDigest")));
    }
    if (integer(body, "versionCount") != versions.size()) {
      throw new IllegalArgumentException("versionCount does not match the versions listed");
    }
    JsonValue ruleValue = body.get("rule");
    if (ruleValue.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("rule is not an object");
    }
    JsonObject r = ruleValue.asJsonObject();
    requireMembers(r, RULE_MEMBERS, "rule");
    DestructionCertificate certificate;
    try {
      certificate =
          new DestructionCertificate(
              uuid(body, "id"),
              instant(body, "issuedAt"),
              uuid(body, "dispositionId"),
              uuid(body, "subjectId"),
              string(body, "centre"),
              uuid(body, "documentId"),
              string(body, "documentType"),
              versions,
              new RetentionRule(
                  string(r, "documentType"),
                  string(r, "event"),
                  string(r, "period"),
                  string(r, "action")),
              date(body, "retentionStart"),
              date(body, "dueOn"),
              string(body, "proposedBy"),
              instant(body, "proposedAt"),
              string(body, "approvedBy"),
              instant(body, "approvedAt"));
    } catch (NullPointerException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    // One certificate, one byte form: refuse anything body() would not have written.
    if (!Arrays.equals(body(certificate), CanonicalJson.serialize(body))) {
      throw new IllegalArgumentException("a field is not in the form the v1 format writes");
    }
    return certificate;
  }

  static byte[] withNewline(byte[] canonical) {
    return SignedJsonFile.withNewline(canonical);
  }

  private static JsonObject toJson(DestructionCertificate c) {
    Objects.requireNonNull(c, "certificate is required.");
    JsonArrayBuilder versions = Json.createArrayBuilder();
    for (DestroyedVersion v : c.versions()) {
      versions.add(
          Json.createObjectBuilder()
              .add("versionNo", v.versionNo())
              .add("versionId", v.versionId().toString())
              .add("mediaType", v.mediaType())
              .add("sizeBytes", v.sizeBytes())
              .add("contentDigest", v.contentDigest()));
    }
    RetentionRule rule = c.rule();
    JsonObjectBuilder object =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("id", c.id().toString())
            .add("issuedAt", c.issuedAt().toString())
            .add("dispositionId", c.dispositionId().toString())
            .add("subjectId", c.subjectId().toString())
            .add("centre", c.centre())
            .add("documentId", c.documentId().toString())
            .add("documentType", c.documentType())
            .add("versionCount", c.versions().size())
            .add("versions", versions)
            .add(
                "rule",
                Json.createObjectBuilder()
                    .add("documentType", rule.documentType())
                    .add("event", rule.event())
                    .add("period", rule.period())
                    .add("action", rule.action()))
            .add("retentionStart", c.retentionStart().toString())
            .add("dueOn", c.dueOn().toString())
            .add("proposedBy", c.proposedBy())
            .add("proposedAt", c.proposedAt().toString())
            .add("approvedBy", c.approvedBy())
            .add("approvedAt", c.approvedAt().toString());
    return object.build();
  }

  private static String stringOrNull(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static JsonArray array(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException("\"" + name + "\" is not an array");
    }
    return value.asJsonArray();
  }

  private static long integer(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
      throw new IllegalArgumentException("\"" + name + "\" is not an integer");
    }
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + name + "\" is out of range", e);
    }
  }
}
