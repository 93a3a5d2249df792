package org.zhusan.vault.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Walks the whole default policy against the running vault: every role × every document type × read
 * and write, inside and outside the caller's centre. The expected outcome is written out below by
 * hand (not computed from the policy file), and each attempt must leave exactly one access-log
 * entry with the right outcome and rule. Then the same for subject fields: for every role, every
 * answer that carries subject data (one subject, a centre's list, lookups by IIN and by name,
 * search hits, grants, document metadata) holds exactly the identifying fields the role may see,
 * and the log names them.
 */
class AccessMatrixIT {
  static final String IN = "EKZ-01";
  static final String OUT = "WKZ-01";
  static final List<String> TYPES =
      List.of(
          "IDENTITY",
          "COURT",
          "PSYCH_EVALUATION",
          "MEDICAL",
          "SOCIAL",
          "EDUCATION",
          "THEOLOGICAL",
          "CONSENT",
          "CORRESPONDENCE");

  /**
   * The default need-to-know policy, written independently of config/access-policy.yaml: W = read
   * and write, R = read only, - = nothing. Columns in the order of {@link #TYPES}.
   */
  static final Map<String, String> EXPECTED =
      Map.of(
          //                ID CO PE ME SO ED TH CN CR
          "LAWYER", "W  W  -  -  -  -  -  W  W",
          "PSYCHOLOGIST", "-  -  W  -  R  R  R  R  -",
          "PSYCHIATRIST", "-  -  W  R  -  -  -  R  -",
          "DOCTOR", "-  -  R  W  -  -  -  W  -",
          "SOCIAL_WORKER", "W  -  -  -  W  R  -  W  W",
          "TEACHER", "-  -  -  -  -  W  -  -  -",
          "THEOLOGIAN", "-  -  -  -  -  -  W  -  -",
          "NGO_PARTNER", "-  -  -  -  -  R  -  -  -",
          "AUDITOR", "-  -  -  -  -  -  -  -  -",
          "ADMIN", "-  -  -  -  -  -  -  -  -");

  /** A purpose each role may state (PASTORAL is the theologian's only one). */
  static final Map<String, String> PURPOSE =
      Map.of(
          "LAWYER",
          "LEGAL_PROCEEDING",
          "PSYCHOLOGIST",
          "ASSESSMENT",
          "PSYCHIATRIST",
          "TREATMENT",
          "DOCTOR",
          "TREATMENT",
          "SOCIAL_WORKER",
          "SOCIAL_SUPPORT",
          "TEACHER",
          "EDUCATION",
          "THEOLOGIAN",
          "PASTORAL",
          "NGO_PARTNER",
          "EDUCATION",
          "AUDITOR",
          "AUDIT",
          "ADMIN",
          "AUDIT");

  static final Map<String, String> SUBJECT = new HashMap<>();
  static final Map<String, String> DOCUMENT = new HashMap<>();
  static byte[] pdf;

  @BeforeAll
  static void documentsOfEveryTypeInBothCentres() throws Exception {
    pdf = Files.readAllBytes(org.zhusan.vault.it.TestCorpus.document("testPDF_bookmarks.pdf"));
    String setup =
        Tokens.token(
            "matrix-setup",
            List.of("LAWYER", "PSYCHOLOGIST", "DOCTOR", "SOCIAL_WORKER", "TEACHER", "THEOLOGIAN"),
            List.of(IN, OUT));
    for (String centre : List.of(IN, OUT)) {
      SUBJECT.put(
          centre, Subjects.create(setup, centre, "Matrix Subject " + centre, null).getString("id"));
      for (String type : TYPES) {
        HttpResponse<String> r =
            new Multipart()
                .field("type", type)
                .field("title", type + " of " + centre)
                .field("purpose", type.equals("THEOLOGICAL") ? "PASTORAL" : "ASSESSMENT")
                .file("matrix.pdf", pdf)
                .post("/api/subjects/" + SUBJECT.get(centre) + "/documents", setup);
        assertEquals(201, r.statusCode(), r.body());
        DOCUMENT.put(centre + type, Http.json(r).getString("id"));
      }
    }
  }

  static Stream<Arguments> cells() {
    List<Arguments> out = new ArrayList<>();
    for (String role : EXPECTED.keySet().stream().sorted().toList()) {
      String[] row = EXPECTED.get(role).trim().split("\\s+");
      for (int t = 0; t < TYPES.size(); t++) {
        for (String op : List.of("read", "write")) {
          for (boolean inside : List.of(true, false)) {
            out.add(Arguments.of(role, TYPES.get(t), op, inside, row[t]));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {2} {1} {3}")
  @MethodSource("cells")
  void eachAttemptIsDecidedAsExpectedAndLoggedOnce(
      String role, String type, String op, boolean inside, String cell) throws Exception {
    String user =
        ("mx-" + role + "-" + type + "-" + op + "-" + (inside ? "in" : "out")).toLowerCase();
    String token = Tokens.token(user, role, IN);
    String centre = inside ? IN : OUT;
    boolean allowed = inside && (op.equals("read") ? !cell.equals("-") : cell.equals("W"));
    HttpResponse<String> r;
    if (op.equals("read")) {
      r =
          Http.get(
              "/api/documents/"
                  + DOCUMENT.get(centre + type)
                  + "/versions/1/content?purpose="
                  + PURPOSE.get(role),
              token);
    } else {
      r =
          new Multipart()
              .field("type", type)
              .field("title", "attempt")
              .field("purpose", PURPOSE.get(role))
              .file("attempt.pdf", pdf)
              .post("/api/subjects/" + SUBJECT.get(centre) + "/documents", token);
    }
    int expectedStatus = allowed ? (op.equals("read") ? 200 : 201) : (inside ? 403 : 404);
    assertEquals(
        expectedStatus,
        r.statusCode(),
        () -> role + " " + op + " " + type + " inside=" + inside + ": " + r.body());
    if (!allowed) {
      Http.problem(r, expectedStatus);
    }

    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT outcome, rule, action FROM access_log WHERE user_id = ?")) {
      ps.setString(1, user);
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next(), "an access-log entry for " + user);
      String outcome = rs.getString(1);
      String rule = rs.getString(2);
      assertEquals(op.equals("read") ? "DOCUMENT_READ" : "DOCUMENT_CREATE", rs.getString(3));
      assertEquals(allowed ? "ALLOWED" : "DENIED", outcome, rule);
      String expectedRule;
      if (!inside) {
        expectedRule = "centre-scope";
      } else if (role.equals("ADMIN") || role.equals("AUDITOR")) {
        expectedRule = "separation-of-duties";
      } else {
        expectedRule = "matrix:" + role + ":" + type + ":" + op;
      }
      assertEquals(expectedRule, rule);
      assertTrue(!rs.next(), "exactly one entry for " + user);
    }
  }

  // ---- subject fields
  // ------------------------------------------------------------------------------

  /** A centre no other test registers subjects in, so its list fits one page. */
  static final String FIELDS_CENTRE = "AKM-01";

  static final String ROLES =
      "LAWYER PSYCHOLOGIST PSYCHIATRIST DOCTOR SOCIAL_WORKER TEACHER THEOLOGIAN NGO_PARTNER AUDITOR"
          + " ADMIN";

  /**
   * The subject fields each role is shown under the default policy, written independently of
   * config/access-policy.yaml: ALL = every identifying field, NAME = the full name only, NONE =
   * metadata only, REFUSED = no subject data at all (403).
   */
  static final Map<String, String> FIELDS =
      Map.of(
          "LAWYER",
          "ALL",
          "PSYCHOLOGIST",
          "ALL",
          "PSYCHIATRIST",
          "ALL",
          "DOCTOR",
          "ALL",
          "SOCIAL_WORKER",
          "ALL",
          "TEACHER",
          "NAME",
          "THEOLOGIAN",
          "NONE",
          "NGO_PARTNER",
          "NONE",
          "AUDITOR",
          "REFUSED",
          "ADMIN",
          "REFUSED");

  /** The identifying fields of a subject as the API names them. */
  static final List<String> IDENTIFYING =
      List.of("fullName", "dateOfBirth", "iin", "placeOfOrigin", "notes");

  /** The fields subject's identifying values, by field name; unique to this test. */
  static final Map<String, String> VALUES = new HashMap<>();

  static String fieldsSubject;
  static String fieldsEducation;

  @BeforeAll
  static void aSubjectWithEveryIdentifyingFieldSharedWithEveryRole() throws Exception {
    String tag = Subjects.randomIin().substring(0, 8);
    VALUES.put("fullName", "Fieldtest Aisulu " + tag);
    VALUES.put("dateOfBirth", "1987-11-23");
    VALUES.put("iin", Subjects.randomIin());
    VALUES.put("placeOfOrigin", "Origin-" + tag);
    VALUES.put("notes", "Private note " + tag);
    String setup =
        Tokens.token("fields-setup", List.of("LAWYER", "TEACHER"), List.of(FIELDS_CENTRE));
    var body = Json.createObjectBuilder().add("centre", FIELDS_CENTRE).add("sex", "F");
    VALUES.forEach(body::add);
    HttpResponse<String> created = Http.postJson("/api/subjects", setup, body.build().toString());
    assertEquals(201, created.statusCode(), created.body());
    fieldsSubject = Http.json(created).getString("id");
    fieldsEducation = upload(setup, "EDUCATION", "EDUCATION", "EDUCATION");
    String identity = upload(setup, "IDENTITY", "Scan", "LEGAL_PROCEEDING");
    for (String role : ROLES.split(" ")) {
      if (FIELDS.get(role).equals("REFUSED")) {
        continue; // AUDITOR and ADMIN receive no grants
      }
      HttpResponse<String> g =
          Http.postJson(
              "/api/documents/" + identity + "/grants",
              setup,
              Json.createObjectBuilder()
                  .add("grantee", fieldsUser(role))
                  .add("purpose", "LEGAL_PROCEEDING")
                  .build()
                  .toString());
      assertEquals(201, g.statusCode(), g.body());
    }
  }

  private static String upload(String token, String type, String title, String purpose)
      throws Exception {
    // JUnit does not order the @BeforeAll methods: read the file here rather than rely on the other
    // one.
    byte[] file =
        Files.readAllBytes(org.zhusan.vault.it.TestCorpus.document("testPDF_bookmarks.pdf"));
    HttpResponse<String> r =
        new Multipart()
            .field("type", type)
            .field("title", title)
            .field("purpose", purpose)
            .file("fields.pdf", file)
            .post("/api/subjects/" + fieldsSubject + "/documents", token);
    assertEquals(201, r.statusCode(), r.body());
    String id = Http.json(r).getString("id");
    org.zhusan.vault.it.Extractions.awaitDone(id); // the search below must find it
    return id;
  }

  static String fieldsUser(String role) {
    return "fields-" + role.toLowerCase();
  }

  static String fieldsToken(String role) {
    return Tokens.token(fieldsUser(role), role, FIELDS_CENTRE);
  }

  /** The identifying fields {@code shown} (ALL, NAME, NONE) stands for. */
  static Set<String> expectedFields(String shown) {
    return switch (shown) {
      case "ALL" -> new TreeSet<>(IDENTIFYING);
      case "NAME" -> new TreeSet<>(Set.of("fullName"));
      default -> new TreeSet<>();
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "LAWYER",
        "PSYCHOLOGIST",
        "PSYCHIATRIST",
        "DOCTOR",
        "SOCIAL_WORKER",
        "TEACHER",
        "THEOLOGIAN",
        "NGO_PARTNER",
        "AUDITOR",
        "ADMIN"
      })
  void oneSubjectShowsTheRolesFieldsAndTheLogNamesThem(String role) throws Exception {
    HttpResponse<String> r = Http.get("/api/subjects/" + fieldsSubject, fieldsToken(role));
    assertShows(role, FIELDS.get(role), r);
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT action, rule, reason, outcome FROM access_log WHERE user_id = ? AND"
                    + " target_id = ? AND target_type = 'SUBJECT'")) {
      ps.setString(1, fieldsUser(role));
      ps.setString(2, fieldsSubject);
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next(), "an access-log entry for " + role);
      String expected =
          switch (FIELDS.get(role)) {
            case "ALL" ->
                "SUBJECT_READ_SENSITIVE subject:"
                    + role
                    + ":read-identifying Fields disclosed: IDENTIFYING.";
            case "NAME" -> "SUBJECT_READ subject:" + role + ":read-name Fields disclosed: NAME.";
            case "NONE" ->
                "SUBJECT_READ subject:" + role + ":read-metadata Fields disclosed: METADATA.";
            default -> "SUBJECT_READ subject:" + role + ":read-metadata DENIED";
          };
      String reason = rs.getString(3);
      int named = reason.indexOf("Fields disclosed");
      String actual =
          rs.getString(1)
              + " "
              + rs.getString(2)
              + " "
              + (rs.getString(4).equals("DENIED")
                  ? "DENIED"
                  : named < 0 ? "(no field set named)" : reason.substring(named));
      assertEquals(expected, actual, reason);
      assertTrue(!rs.next(), "exactly one entry");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "LAWYER",
        "PSYCHOLOGIST",
        "PSYCHIATRIST",
        "DOCTOR",
        "SOCIAL_WORKER",
        "TEACHER",
        "THEOLOGIAN",
        "NGO_PARTNER",
        "AUDITOR",
        "ADMIN"
      })
  void aCentresListShowsTheRolesFields(String role) throws Exception {
    assertShows(
        role,
        FIELDS.get(role),
        Http.get("/api/subjects?centre=" + FIELDS_CENTRE, fieldsToken(role)));
  }

  /** Only roles that may see identifying fields may turn an IIN into a record. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "LAWYER",
        "PSYCHOLOGIST",
        "PSYCHIATRIST",
        "DOCTOR",
        "SOCIAL_WORKER",
        "TEACHER",
        "THEOLOGIAN",
        "NGO_PARTNER",
        "AUDITOR",
        "ADMIN"
      })
  void aLookupByIinIsOnlyForRolesThatSeeTheIin(String role) throws Exception {
    HttpResponse<String> r =
        Http.postJson(
            "/api/subjects/lookup",
            fieldsToken(role),
            Json.createObjectBuilder().add("iin", VALUES.get("iin")).build().toString());
    assertShows(role, FIELDS.get(role).equals("ALL") ? "ALL" : "REFUSED", r);
  }

  /** A lookup by name needs at least the name. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "LAWYER",
        "PSYCHOLOGIST",
        "PSYCHIATRIST",
        "DOCTOR",
        "SOCIAL_WORKER",
        "TEACHER",
        "THEOLOGIAN",
        "NGO_PARTNER",
        "AUDITOR",
        "ADMIN"
      })
  void aLookupByNameIsOnlyForRolesThatSeeTheName(String role) throws Exception {
    HttpResponse<String> r =
        Http.postJson(
            "/api/subjects/lookup",
            fieldsToken(role),
            Json.createObjectBuilder().add("fullName", VALUES.get("fullName")).build().toString());
    String shown = FIELDS.get(role);
    assertShows(role, shown.equals("ALL") || shown.equals("NAME") ? shown : "REFUSED", r);
  }

  /** Search hits, grants and document metadata carry no subject field at all, for any role. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "LAWYER",
        "PSYCHOLOGIST",
        "PSYCHIATRIST",
        "DOCTOR",
        "SOCIAL_WORKER",
        "TEACHER",
        "THEOLOGIAN",
        "NGO_PARTNER",
        "AUDITOR",
        "ADMIN"
      })
  void searchGrantsAndDocumentsCarryNoIdentifyingField(String role) throws Exception {
    String token = fieldsToken(role);
    boolean refused = FIELDS.get(role).equals("REFUSED");
    String none = refused ? "REFUSED" : "NONE";
    HttpResponse<String> search =
        Http.postJson(
            "/api/search",
            token,
            Json.createObjectBuilder()
                .add("q", "France")
                .add("subject", fieldsSubject)
                .build()
                .toString());
    assertShows(role, none, search);
    // Everyone lists their own grants (an ADMIN revokes them); AUDITOR and ADMIN simply hold none.
    HttpResponse<String> grants = Http.get("/api/grants", token);
    assertShows(role, "NONE", grants);
    HttpResponse<String> documents =
        Http.get("/api/subjects/" + fieldsSubject + "/documents", token);
    assertShows(role, none, documents);
    // EDUCATION is readable by PSYCHOLOGIST, SOCIAL_WORKER, TEACHER (writes it) and NGO_PARTNER
    // (row ED above).
    boolean readsEducation =
        !EXPECTED.get(role).trim().split("\\s+")[TYPES.indexOf("EDUCATION")].equals("-");
    HttpResponse<String> document = Http.get("/api/documents/" + fieldsEducation, token);
    assertShows(role, readsEducation ? "NONE" : "REFUSED", document);
    assertEquals(
        !refused,
        grantedTo(grants, fieldsUser(role)),
        () -> role + " and its grant: " + grants.body());
    if (readsEducation) {
      assertTrue(
          Http.json(search).getJsonArray("items").stream()
              .anyMatch(h -> h.asJsonObject().getString("documentId").equals(fieldsEducation)),
          () -> role + " finds the EDUCATION document: " + search.body());
      assertTrue(Http.json(documents).getJsonArray("items").size() >= 1, documents.body());
    }
  }

  private static boolean grantedTo(HttpResponse<String> grants, String user) {
    JsonValue body = Json.createReader(new java.io.StringReader(grants.body())).readValue();
    JsonArray items = body instanceof JsonArray a ? a : body.asJsonObject().getJsonArray("items");
    return items.stream().anyMatch(g -> user.equals(g.asJsonObject().getString("grantee", null)));
  }

  /**
   * Asserts {@code r} shows exactly the identifying fields {@code shown} stands for — as JSON keys
   * anywhere in the body and as values anywhere in its text — or, for REFUSED, is a 403 problem
   * carrying none of them.
   */
  private static void assertShows(String role, String shown, HttpResponse<String> r) {
    String what = role + " " + r.request().method() + " " + r.uri().getPath();
    if (shown.equals("REFUSED")) {
      Http.problem(r, 403);
    } else {
      assertEquals(200, r.statusCode(), () -> what + ": " + r.body());
    }
    Set<String> expected = expectedFields(shown);
    Set<String> keys = new TreeSet<>();
    collectKeys(Json.createReader(new java.io.StringReader(r.body())).readValue(), keys);
    keys.retainAll(IDENTIFYING);
    if (isSubjectAnswer(r) && r.statusCode() == 200) {
      assertEquals(expected, keys, () -> what + " shows these identifying fields: " + r.body());
      assertTrue(mentionsFieldsSubject(r), () -> what + " is about the subject: " + r.body());
    } else {
      assertEquals(Set.of(), keys, () -> what + " carries no identifying field: " + r.body());
    }
    for (String field : IDENTIFYING) {
      boolean present = r.body().contains(VALUES.get(field));
      assertEquals(
          expected.contains(field) && isSubjectAnswer(r),
          present,
          () -> what + (present ? " leaks " : " lacks ") + field + ": " + r.body());
    }
  }

  private static boolean isSubjectAnswer(HttpResponse<String> r) {
    return r.uri().getPath().startsWith("/api/subjects")
        && !r.uri().getPath().endsWith("/documents");
  }

  private static boolean mentionsFieldsSubject(HttpResponse<String> r) {
    return r.body().contains(fieldsSubject);
  }

  private static void collectKeys(JsonValue v, Set<String> keys) {
    if (v instanceof JsonObject o) {
      o.forEach(
          (k, child) -> {
            keys.add(k);
            collectKeys(child, keys);
          });
    } else if (v instanceof JsonArray a) {
      a.forEach(child -> collectKeys(child, keys));
    }
  }
}
