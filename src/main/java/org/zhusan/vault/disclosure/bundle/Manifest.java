package org.zhusan.vault.disclosure.bundle;

import static org.zhusan.vault.signedjson.JsonFields.instant;
import static org.zhusan.vault.signedjson.JsonFields.requireMembers;
import static org.zhusan.vault.signedjson.JsonFields.string;
import static org.zhusan.vault.signedjson.JsonFields.uuid;

import jakarta.json.Json;
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
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.zhusan.vault.signedjson.CanonicalJson;
import org.zhusan.vault.signedjson.JsonFields;
import org.zhusan.vault.signedjson.SignedJsonFile;

/**
 * The manifest of a disclosure (format {@value #FORMAT}): who received which documents, why and on
 * what authority, each item's plain SHA-256 (lower-case hex of the content bytes) and, for a ZIP,
 * the package's hash; as RFC 8785 canonical JSON ({@link CanonicalJson}), signed with Ed25519
 * (detached, over {@link #signedMessage}). The signed file is a {@link SignedJsonFile}, the same
 * shape as a certificate of destruction's: the body's members plus {@code "signature":
 * {"algorithm":"Ed25519","keyId":…,"value":base64}}, canonical, followed by one line feed.
 *
 * <p>Body members: {@code format}, {@code disclosureId}, {@code madeAt} ({@link Instant#toString}),
 * {@code madeBy}, {@code recipient} ({@code kind}, {@code name}), {@code purpose}, {@code
 * legalBasis}, {@code caseReference} (string or {@code null}), {@code subjectId}, {@code
 * itemCount}, {@code items} (objects: {@code n} from 1, {@code documentId}, {@code versionNo},
 * {@code documentType}, {@code title}, {@code mediaType}, {@code fileName}, {@code sizeBytes},
 * {@code sha256}, {@code location} — the ZIP entry name, or in a court bundle {@code "pages 2-3"},
 * {@code "page 4"} or {@code "annex"}; {@code null} when not given) and {@code packageSha256}
 * (string or {@code null}: a court bundle cannot hold its own hash).
 *
 * <p>Stateless and thread-safe.
 */
public final class Manifest {

  /** The value of {@code "format"}; with a line feed, the signed message's prefix. */
  public static final String FORMAT = "zhusan-vault/disclosure-manifest/v1";

  /** The signature algorithm named in the signed file. */
  public static final String ALGORITHM = SignedJsonFile.ALGORITHM;

  private static final SignedJsonFile FILE = new SignedJsonFile(FORMAT, "manifest");
  private static final Set<String> BODY_MEMBERS =
      Set.of(
          "format",
          "disclosureId",
          "madeAt",
          "madeBy",
          "recipient",
          "purpose",
          "legalBasis",
          "caseReference",
          "subjectId",
          "itemCount",
          "items",
          "packageSha256");
  private static final Set<String> RECIPIENT_MEMBERS = Set.of("kind", "name");
  private static final Set<String> ITEM_MEMBERS =
      Set.of(
          "n",
          "documentId",
          "versionNo",
          "documentType",
          "title",
          "mediaType",
          "fileName",
          "sizeBytes",
          "sha256",
          "location");

  private Manifest() {}

  /** One item as the manifest lists it. */
  public record Item(
      int n,
      UUID documentId,
      int versionNo,
      String documentType,
      String title,
      String mediaType,
      String fileName,
      long sizeBytes,
      String sha256,
      String location) {
    /** Validates the required fields. */
    public Item {
      Objects.requireNonNull(documentId, "documentId is required.");
      Objects.requireNonNull(documentType, "documentType is required.");
      Objects.requireNonNull(title, "title is required.");
      Objects.requireNonNull(mediaType, "mediaType is required.");
      Objects.requireNonNull(fileName, "fileName is required.");
      Objects.requireNonNull(sha256, "sha256 is required.");
      if (!Sha256.HEX.matcher(sha256).matches()) {
        throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits");
      }
    }
  }

  /** What a manifest says. */
  public record Contents(BundleHeader header, List<Item> items, String packageSha256) {
    /** Validates and copies. */
    public Contents {
      Objects.requireNonNull(header, "header is required.");
      items = List.copyOf(items);
      if (packageSha256 != null && !Sha256.HEX.matcher(packageSha256).matches()) {
        throw new IllegalArgumentException("packageSha256 is not 64 lower-case hex digits");
      }
    }
  }

  /** Why a file is or is not a valid manifest (checked in this order). */
  public enum Status {
    VALID,
    // The next six are SignedJsonFile.Status's, in its order; see there.
    NOT_CANONICAL_JSON,
    UNKNOWN_FORMAT,
    MISSING_SIGNATURE,
    MALFORMED_SIGNATURE,
    KEY_ID_MISMATCH,
    BAD_SIGNATURE,
    /** Correctly signed, but not a complete v1 manifest. */
    MALFORMED_MANIFEST
  }

  /** The verdict of {@link #verify}: valid with the contents, or why not. */
  public record Result(Status status, String reason, Contents contents, String keyId) {
    /** A valid result carries the contents. */
    public Result {
      SignedJsonFile.requireVerdict(status, reason, status == Status.VALID, contents, "contents");
    }

    public boolean valid() {
      return status == Status.VALID;
    }
  }

  /**
   * Returns the canonical body for {@code items} in order, without locations.
   *
   * @param packageSha256 the package's hash, or {@code null} (the court bundle)
   */
  public static byte[] body(BundleHeader h, List<BundleItem> items, String packageSha256) {
    return body(h, items, packageSha256, null);
  }

  /**
   * Returns the canonical body; {@code locations} (one per item, or {@code null} for none) says
   * where each item is in the package.
   */
  public static byte[] body(
      BundleHeader h, List<BundleItem> items, String packageSha256, List<String> locations) {
    Objects.requireNonNull(items, "items is required.");
    if (locations != null && locations.size() != items.size()) {
      throw new IllegalArgumentException("one location per item");
    }
    List<Item> listed = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      BundleItem item = items.get(i);
      listed.add(
          new Item(
              i + 1,
              item.documentId(),
              item.versionNo(),
              item.documentType(),
              item.title(),
              item.mediaType(),
              item.fileName(),
              item.content().length,
              item.sha256(),
              locations == null ? null : locations.get(i)));
    }
    return CanonicalJson.serialize(toJson(new Contents(h, listed, packageSha256)));
  }

  /** Returns the bytes the signature covers: {@value #FORMAT}, a line feed, then the body. */
  public static byte[] signedMessage(byte[] body) {
    return FILE.signedMessage(body);
  }

  /** Signs {@code body} with {@code signer} and returns the signed file. */
  public static byte[] sign(byte[] body, Signer signer) {
    Objects.requireNonNull(signer, "signer is required.");
    return signedFile(body, signer.sign(signedMessage(body)), signer.keyId());
  }

  /**
   * Returns the signed file: the body's members plus {@code "signature"}, canonical, then one line
   * feed.
   *
   * @throws IllegalArgumentException if the body is not a canonical manifest body, the signature is
   *     not 64 bytes or the key id is not 16 lower-case hex digits
   */
  public static byte[] signedFile(byte[] body, byte[] signature, String keyId) {
    return FILE.signedFile(body, signature, keyId);
  }

  /**
   * Verifies a signed manifest file against {@code key} with {@link SignedJsonFile#verify}, like
   * {@code CertificateVerifier}: the file must be exactly its canonical form plus one line feed, of
   * this format, signed by this key, and a complete v1 manifest. Any changed byte fails. Never
   * throws for bad input.
   */
  public static Result verify(byte[] signedFile, Ed25519PublicKeyParameters key) {
    SignedJsonFile.Result signed = FILE.verify(signedFile, key);
    if (!signed.valid()) {
      return new Result(
          Status.valueOf(signed.status().name()), signed.reason(), null, signed.keyId());
    }
    String keyId = signed.keyId();
    JsonObject body = signed.body();
    Contents contents;
    try {
      contents = fromJson(body);
      if (!Arrays.equals(
          CanonicalJson.serialize(toJson(contents)), CanonicalJson.serialize(body))) {
        throw new IllegalArgumentException("a field is not in the form the v1 format writes");
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Result(
          Status.MALFORMED_MANIFEST,
          "signed, but not a complete v1 manifest: " + e.getMessage(),
          null,
          keyId);
    }
    BundleHeader h = contents.header();
    return new Result(
        Status.VALID,
        "disclosure "
            + h.disclosureId()
            + " to "
            + h.recipientKind()
            + " "
            + h.recipientName()
            + ", "
            + contents.items().size()
            + (contents.items().size() == 1 ? " item" : " items")
            + ", made by "
            + h.madeBy()
            + " at "
            + h.madeAt()
            + ", signed by key "
            + keyId,
        contents,
        keyId);
  }

  // ---- JSON ----

  private static JsonObject toJson(Contents c) {
    BundleHeader h = c.header();
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Item i : c.items()) {
      JsonObjectBuilder item =
          Json.createObjectBuilder()
              .add("n", i.n())
              .add("documentId", i.documentId().toString())
              .add("versionNo", i.versionNo())
              .add("documentType", i.documentType())
              .add("title", i.title())
              .add("mediaType", i.mediaType())
              .add("fileName", i.fileName())
              .add("sizeBytes", i.sizeBytes())
              .add("sha256", i.sha256());
      nullable(item, "location", i.location());
      items.add(item);
    }
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("disclosureId", h.disclosureId().toString())
            .add("madeAt", h.madeAt().toString())
            .add("madeBy", h.madeBy())
            .add(
                "recipient",
                Json.createObjectBuilder()
                    .add("kind", h.recipientKind())
                    .add("name", h.recipientName()))
            .add("purpose", h.purpose())
            .add("legalBasis", h.legalBasis())
            .add("subjectId", h.subjectId().toString())
            .add("itemCount", c.items().size())
            .add("items", items);
    nullable(o, "caseReference", h.caseReference());
    nullable(o, "packageSha256", c.packageSha256());
    return o.build();
  }

  private static Contents fromJson(JsonObject body) {
    requireMembers(body, BODY_MEMBERS, "manifest");
    JsonObject recipient = JsonFields.object(body, "recipient");
    requireMembers(recipient, RECIPIENT_MEMBERS, "recipient");
    BundleHeader header =
        new BundleHeader(
            uuid(body, "disclosureId"),
            instant(body, "madeAt"),
            string(body, "madeBy"),
            string(recipient, "kind"),
            string(recipient, "name"),
            string(body, "purpose"),
            string(body, "legalBasis"),
            stringOrNull(body, "caseReference"),
            uuid(body, "subjectId"));
    if (!(body.get("items") instanceof jakarta.json.JsonArray array)) {
      throw new IllegalArgumentException("\"items\" is not an array");
    }
    List<Item> items = new ArrayList<>(array.size());
    for (JsonValue element : array) {
      if (!(element instanceof JsonObject i)) {
        throw new IllegalArgumentException("items holds a non-object");
      }
      requireMembers(i, ITEM_MEMBERS, "item");
      int n = (int) integer(i, "n", Integer.MAX_VALUE);
      if (n != items.size() + 1) {
        throw new IllegalArgumentException("items are not numbered 1, 2, … in order");
      }
      items.add(
          new Item(
              n,
              uuid(i, "documentId"),
              (int) integer(i, "versionNo", Integer.MAX_VALUE),
              string(i, "documentType"),
              string(i, "title"),
              string(i, "mediaType"),
              string(i, "fileName"),
              integer(i, "sizeBytes", Long.MAX_VALUE),
              string(i, "sha256"),
              stringOrNull(i, "location")));
    }
    if (integer(body, "itemCount", Integer.MAX_VALUE) != items.size()) {
      throw new IllegalArgumentException("itemCount does not match the items listed");
    }
    return new Contents(header, items, stringOrNull(body, "packageSha256"));
  }

  static JsonObject object(byte[] bytes) {
    return SignedJsonFile.parseObject(bytes);
  }

  static byte[] withNewline(byte[] canonical) {
    return SignedJsonFile.withNewline(canonical);
  }

  private static void nullable(JsonObjectBuilder o, String name, String value) {
    if (value == null) {
      o.addNull(name);
    } else {
      o.add(name, value);
    }
  }

  private static String stringOrNull(JsonObject o, String name) {
    JsonValue value = o.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString s)) {
      throw new IllegalArgumentException("\"" + name + "\" is not a string");
    }
    return s.getString();
  }

  private static long integer(JsonObject o, String name, long max) {
    if (!(o.get(name) instanceof JsonNumber n) || !n.isIntegral()) {
      throw new IllegalArgumentException("\"" + name + "\" is not an integer");
    }
    try {
      long value = n.longValueExact();
      if (value < 0 || value > max) {
        throw new IllegalArgumentException("\"" + name + "\" is out of range");
      }
      return value;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + name + "\" is out of range", e);
    }
  }
}
