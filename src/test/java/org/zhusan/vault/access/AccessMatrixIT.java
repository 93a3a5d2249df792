package org.zhusan.vault.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Walks the whole default policy against the running vault: every role × every document type × read
 * and write, inside and outside the caller's centre. The expected outcome is written out below by
 * hand (not computed from the policy file), and each attempt must leave exactly one access-log entry
 * with the right outcome and rule.
 */
class AccessMatrixIT {
  static final String IN = "EKZ-01";
  static final String OUT = "WKZ-01";
  static final List<String> TYPES = List.of("IDENTITY", "COURT", "PSYCH_EVALUATION", "MEDICAL", "SOCIAL", "EDUCATION",
      "THEOLOGICAL", "CONSENT", "CORRESPONDENCE");

  /**
   * The default need-to-know policy, written independently of config/access-policy.yaml:
   * W = read and write, R = read only, - = nothing. Columns in the order of {@link #TYPES}.
   */
  static final Map<String, String> EXPECTED = Map.of(
      //                ID CO PE ME SO ED TH CN CR
      "LAWYER",        "W  W  -  -  -  -  -  W  W",
      "PSYCHOLOGIST",  "-  -  W  -  R  R  R  R  -",
      "PSYCHIATRIST",  "-  -  W  R  -  -  -  R  -",
      "DOCTOR",        "-  -  R  W  -  -  -  W  -",
      "SOCIAL_WORKER", "W  -  -  -  W  R  -  W  W",
      "TEACHER",       "-  -  -  -  -  W  -  -  -",
      "THEOLOGIAN",    "-  -  -  -  -  -  W  -  -",
      "NGO_PARTNER",   "-  -  -  -  -  R  -  -  -",
      "AUDITOR",       "-  -  -  -  -  -  -  -  -",
      "ADMIN",         "-  -  -  -  -  -  -  -  -");

  /** A purpose each role may state (PASTORAL is the theologian's only one). */
  static final Map<String, String> PURPOSE = Map.of("LAWYER", "LEGAL_PROCEEDING", "PSYCHOLOGIST", "ASSESSMENT",
      "PSYCHIATRIST", "TREATMENT", "DOCTOR", "TREATMENT", "SOCIAL_WORKER", "SOCIAL_SUPPORT", "TEACHER", "EDUCATION",
      "THEOLOGIAN", "PASTORAL", "NGO_PARTNER", "EDUCATION", "AUDITOR", "AUDIT", "ADMIN", "AUDIT");

  static final Map<String, String> SUBJECT = new HashMap<>();
  static final Map<String, String> DOCUMENT = new HashMap<>();
  static byte[] pdf;

  @BeforeAll
  static void documentsOfEveryTypeInBothCentres() throws Exception {
    pdf = Files.readAllBytes(org.zhusan.vault.it.TestCorpus.document("testPDF_bookmarks.pdf"));
    String setup = Tokens.token("matrix-setup", List.of("LAWYER", "PSYCHOLOGIST", "DOCTOR", "SOCIAL_WORKER", "TEACHER",
        "THEOLOGIAN"), List.of(IN, OUT));
    for (String centre : List.of(IN, OUT)) {
      SUBJECT.put(centre, Subjects.create(setup, centre, "Matrix Subject " + centre, null).getString("id"));
      for (String type : TYPES) {
        HttpResponse<String> r = new Multipart().field("type", type).field("title", type + " of " + centre)
            .field("purpose", type.equals("THEOLOGICAL") ? "PASTORAL" : "ASSESSMENT").file("matrix.pdf", pdf)
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
  void eachAttemptIsDecidedAsExpectedAndLoggedOnce(String role, String type, String op, boolean inside, String cell)
      throws Exception {
    String user = ("mx-" + role + "-" + type + "-" + op + "-" + (inside ? "in" : "out")).toLowerCase();
    String token = Tokens.token(user, role, IN);
    String centre = inside ? IN : OUT;
    boolean allowed = inside && (op.equals("read") ? !cell.equals("-") : cell.equals("W"));
    HttpResponse<String> r;
    if (op.equals("read")) {
      r = Http.get("/api/documents/" + DOCUMENT.get(centre + type) + "/versions/1/content?purpose=" + PURPOSE.get(role), token);
    } else {
      r = new Multipart().field("type", type).field("title", "attempt").field("purpose", PURPOSE.get(role))
          .file("attempt.pdf", pdf).post("/api/subjects/" + SUBJECT.get(centre) + "/documents", token);
    }
    int expectedStatus = allowed ? (op.equals("read") ? 200 : 201) : (inside ? 403 : 404);
    assertEquals(expectedStatus, r.statusCode(), () -> role + " " + op + " " + type + " inside=" + inside + ": " + r.body());
    if (!allowed) {
      Http.problem(r, expectedStatus);
    }

    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps = c.prepareStatement("SELECT outcome, rule, action FROM access_log WHERE user_id = ?")) {
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
}
