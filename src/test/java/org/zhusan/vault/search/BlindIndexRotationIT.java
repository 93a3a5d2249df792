package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.crypto.BlindIndex;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;
import org.zhusan.vault.subjects.SubjectNormalizer;

/**
 * Blind-index key rotation end to end: subjects and documents indexed under the old key; a new
 * {@code blind-index-vN} added to the server's keystore and reloaded; lookups and searches find
 * everything in the mixed state; the rotation re-keys every subject and re-indexes every document
 * (the stored tokens of a known word change from the old key's to the new key's, computed here with
 * the crypto package); afterwards the same things are found, access filtering is unchanged, old
 * recorded queries stay readable while their key is loaded and are reported as unreadable (not an
 * error) once it is removed, and a keystore missing a version the data needs is refused.
 */
class BlindIndexRotationIT {
  static final String CENTRE = "ALR-01";
  static final char[] PASSWORD = "development-only".toCharArray();
  final String lawyer = Tokens.token("bidx-lawyer", "LAWYER", CENTRE);
  final String teacher = Tokens.token("bidx-teacher", "TEACHER", CENTRE);
  final String lawyerElsewhere = Tokens.token("bidx-lawyer-kos", "LAWYER", "KOS-01");
  final String admin = Tokens.token("bidx-admin", "ADMIN");
  final String auditor = AuditLogs.auditor();

  /** Words no other test writes; they and their stems are what the index holds tokens of. */
  final String common = randomWord();

  final String rare = randomWord();

  @Test
  void rotationReKeysEverythingWhileLookupsAndSearchesKeepFindingIt() throws Exception {
    // --- Under the old key ---------------------------------------------------------------
    Map<String, String> iins = new LinkedHashMap<>(); // subject id -> IIN
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      String iin = Subjects.randomIin();
      String name = "Rotation Subject " + rare + " " + i;
      String id = Subjects.create(lawyer, CENTRE, name, iin).getString("id");
      iins.put(id, iin);
      names.put(id, name);
    }
    List<String> ids = new ArrayList<>(iins.keySet());
    String first = ids.get(0);
    String both =
        SearchClient.upload(
                lawyer,
                first,
                "COURT",
                "Both words",
                "both.txt",
                ("The " + common + " ruling names the " + rare + " case.\n")
                    .getBytes(StandardCharsets.UTF_8))
            .getString("id");
    String commonOnly =
        SearchClient.upload(
                lawyer,
                ids.get(1),
                "COURT",
                "Common word",
                "common.txt",
                ("Another " + common + " ruling, " + common + " twice.\n")
                    .getBytes(StandardCharsets.UTF_8))
            .getString("id");
    String pdf =
        SearchClient.upload(
                lawyer,
                ids.get(2),
                "COURT",
                "Corpus PDF",
                "testPDF.pdf",
                Files.readAllBytes(SearchClient.corpus("testPDF.pdf")))
            .getString("id");
    UUID bothVersion = versionOf(both);

    int oldVersion = primaryVersion();
    Set<Integer> oldTokenKeyVersions = tokenKeyVersions(ids);
    assertEquals(Set.of(oldVersion), oldTokenKeyVersions);
    assertEquals(Set.of(oldVersion), subjectKeyVersions(ids));
    assertTokensOfWordUnder(bothVersion, rare, oldVersion);
    // A search recorded under the old key, for the auditor later.
    String oldQueryId = lastQueryIdAfter(() -> SearchClient.page(lawyer, rare));

    Map<String, Object> before =
        observe(ids, iins, names, first, ids.get(2), both, commonOnly, pdf);

    // --- A new key version, loaded but not yet rotated to: the mixed state -----------------
    int newVersion = addBlindIndexVersion();
    assertEquals(200, Http.postJson("/api/admin/keys/reload", admin, "").statusCode());
    JsonObject status = blindIndexStatus();
    assertEquals(newVersion, status.getInt("primaryVersion"), status::toString);
    assertTrue(
        version(status, oldVersion).getJsonNumber("subjects").longValue() >= ids.size(),
        status::toString);
    assertFalse(version(status, oldVersion).getBoolean("removable"), status::toString);
    // A subject created now is indexed under the new key, the others are still under the old one
    // ...
    String mixedIin = Subjects.randomIin();
    String mixed = Subjects.create(lawyer, CENTRE, "Mixed State " + rare, mixedIin).getString("id");
    assertEquals(Set.of(newVersion), subjectKeyVersions(List.of(mixed)));
    String mixedDoc =
        SearchClient.upload(
                lawyer,
                mixed,
                "COURT",
                "Mixed",
                "mixed.txt",
                ("A " + common + " note written during the rotation.\n")
                    .getBytes(StandardCharsets.UTF_8))
            .getString("id");
    assertEquals(Set.of(newVersion), tokenKeyVersions(List.of(mixed)));
    assertEquals(Set.of(oldVersion), tokenKeyVersions(ids));
    // ... and lookups and searches find both kinds.
    assertEquals(before, observe(ids, iins, names, first, ids.get(2), both, commonOnly, pdf));
    assertEquals(Set.of(mixed), lookupIin(lawyer, mixedIin));
    assertEquals(
        Set.of(both, commonOnly, mixedDoc),
        SearchClient.documents(SearchClient.page(lawyer, common)));
    assertEquals(
        Set.of(mixedDoc),
        SearchClient.documents(SearchClient.page(lawyer, common + " NOT " + rare + " NOT twice")));
    ids.add(mixed);
    iins.put(mixed, mixedIin);

    // --- Rotate -----------------------------------------------------------------------------
    long underOldKey;
    try (Connection c = VaultServer.get().ownerConnection()) {
      underOldKey =
          count(
              c,
              "SELECT count(*) FROM search_index_state st JOIN document_version v ON v.id ="
                  + " st.version_id JOIN document d ON d.id = v.document_id JOIN data_key k ON"
                  + " k.owner_id = d.subject_id WHERE k.wrapped IS NOT NULL AND st.status ="
                  + " 'INDEXED' AND st.bidx_key_version <> "
                  + newVersion);
    }
    HttpResponse<String> started = Http.postJson("/api/admin/keys/blind-index/rotate", admin, "");
    assertEquals(202, started.statusCode(), started.body());
    String runId = Http.json(started).getString("id");
    JsonObject run = awaitRotation(runId);
    assertEquals("DONE", run.getString("state"), run::toString);
    assertEquals(newVersion, run.getInt("targetVersion"));
    assertTrue(run.getJsonNumber("subjectsRekeyed").longValue() >= 3, run::toString);
    // exactly the versions whose tokens were under the old key are re-indexed (none without tokens)
    assertTrue(underOldKey >= 3);
    assertEquals(underOldKey, run.getJsonNumber("documentVersions").longValue(), run::toString);
    assertEquals(underOldKey, run.getJsonNumber("documentVersionsToDo").longValue(), run::toString);
    assertEquals("OLD_KEY", blindIndexStatus().getJsonObject("reindex").getString("scope"));

    // Every live subject and every indexed version of a live subject is on the new key now.
    try (Connection c = VaultServer.get().ownerConnection()) {
      assertEquals(
          0,
          count(
              c,
              "SELECT count(*) FROM subject s JOIN data_key k ON k.owner_id = s.id"
                  + " WHERE k.wrapped IS NOT NULL AND s.bidx_key_version <> "
                  + newVersion));
      assertEquals(
          0,
          count(
              c,
              "SELECT count(*) FROM search_index_state st JOIN document_version v ON v.id ="
                  + " st.version_id JOIN document d ON d.id = v.document_id JOIN data_key k ON"
                  + " k.owner_id = d.subject_id WHERE k.wrapped IS NOT NULL AND st.status ="
                  + " 'INDEXED' AND st.bidx_key_version <> "
                  + newVersion));
    }
    assertEquals(Set.of(newVersion), tokenKeyVersions(ids));
    assertEquals(Set.of(newVersion), subjectKeyVersions(ids));
    // The stored indexes are exactly the new key's, and differ from the old key's.
    assertTokensOfWordUnder(bothVersion, rare, newVersion);
    assertSubjectIndexesUnder(first, iins.get(first), names.get(first), newVersion, oldVersion);
    status = blindIndexStatus();
    JsonObject old = version(status, oldVersion);
    assertEquals(0, old.getJsonNumber("subjects").longValue(), status::toString);
    assertEquals(0, old.getJsonNumber("indexedDocumentVersions").longValue(), status::toString);
    assertTrue(old.getJsonNumber("recordedQueries").longValue() >= 1, status::toString);
    assertTrue(old.getBoolean("removable"), status::toString);
    assertFalse(version(status, newVersion).getBoolean("removable"), status::toString);
    JsonObject searchStatus = Http.json(Http.get("/api/search/status", lawyer));
    assertEquals(newVersion, searchStatus.getInt("keyVersion"), searchStatus::toString);

    // The same things are found, and access filtering is unchanged.
    assertEquals(
        before, observe(ids.subList(0, 3), iins, names, first, ids.get(2), both, commonOnly, pdf));
    assertEquals(Set.of(mixed), lookupIin(lawyer, mixedIin));
    assertEquals(
        Set.of(both, commonOnly, mixedDoc),
        SearchClient.documents(SearchClient.page(lawyer, common)));

    // Start and end are in the access log.
    JsonObject entries =
        Http.json(
            Http.get(
                "/api/audit/entries?user=bidx-admin&action=KEY_ROTATE&targetType=KEY&targetId=blind-index-v"
                    + newVersion
                    + "&limit=50",
                auditor));
    List<String> reasons = new ArrayList<>();
    int allowed = 0;
    for (JsonObject e : entries.getJsonArray("items").getValuesAs(JsonObject.class)) {
      allowed += "ALLOWED".equals(e.getString("outcome")) ? 1 : 0;
      reasons.add(e.getString("reason", ""));
    }
    assertTrue(allowed >= 2, entries::toString);
    assertTrue(
        reasons.stream().anyMatch(r -> r.contains("blind-index rotation " + runId + " finished")),
        reasons::toString);

    // --- The old query stays readable while its key is loaded ------------------------------
    JsonObject q = Http.json(Http.get("/api/search/queries/" + oldQueryId, auditor));
    assertEquals(rare, q.getString("query"));

    Path keystore = VaultServer.keystore();
    Path saved = keystore.resolveSibling("it-keys-before-bidx-removal.p12");
    Files.copy(keystore, saved, StandardCopyOption.REPLACE_EXISTING);
    try {
      // A keystore without the new (needed) version is refused; the loaded keys stay in use.
      withoutBlindIndexVersion(saved, keystore, newVersion);
      JsonObject refused = Http.problem(Http.postJson("/api/admin/keys/reload", admin, ""), 409);
      assertTrue(
          refused.getString("detail").contains("blind-index-v" + newVersion), refused::toString);
      assertEquals(
          Set.of(both, commonOnly, mixedDoc),
          SearchClient.documents(SearchClient.page(lawyer, common)));

      // Without the old version (nothing needs it any more) the keystore is taken; the old
      // query's words are then reported gone, clearly, while the search history remains.
      withoutBlindIndexVersion(saved, keystore, oldVersion);
      assertEquals(200, Http.postJson("/api/admin/keys/reload", admin, "").statusCode());
      JsonObject gone = Http.problem(Http.get("/api/search/queries/" + oldQueryId, auditor), 410);
      assertTrue(
          gone.getString("detail").contains("blind-index key v" + oldVersion), gone::toString);
      assertEquals(
          Set.of(both, commonOnly, mixedDoc),
          SearchClient.documents(SearchClient.page(lawyer, common)));
      assertEquals(Set.of(first), lookupIin(lawyer, iins.get(first)));
    } finally {
      Files.copy(saved, keystore, StandardCopyOption.REPLACE_EXISTING);
      assertEquals(200, Http.postJson("/api/admin/keys/reload", admin, "").statusCode());
    }
  }

  @Test
  void aSubjectThatFailsToDecryptIsPassedOverAndKeepsTheOldKeyNeededUntilARunReKeysIt()
      throws Exception {
    String good =
        Subjects.create(lawyer, CENTRE, "Rekey Good " + rare, Subjects.randomIin()).getString("id");
    String bad =
        Subjects.create(lawyer, CENTRE, "Rekey Bad " + rare, Subjects.randomIin()).getString("id");
    int before = primaryVersion();
    byte[] original = fullNameCiphertext(bad);
    byte[] tampered = original.clone();
    tampered[tampered.length - 1] ^= 1; // the GCM tag no longer matches
    setFullNameCiphertext(bad, tampered);
    int target;
    try {
      target = addBlindIndexVersion();
      assertEquals(200, Http.postJson("/api/admin/keys/reload", admin, "").statusCode());
      JsonObject run = rotate();
      assertEquals("DONE", run.getString("state"), run::toString);
      assertEquals(1, run.getJsonNumber("subjectsFailed").longValue(), run::toString);
      assertEquals(Set.of(target), subjectKeyVersions(List.of(good)));
      assertEquals(Set.of(before), subjectKeyVersions(List.of(bad)));
      JsonObject old = version(blindIndexStatus(), before);
      assertEquals(1, old.getJsonNumber("subjects").longValue(), old::toString);
      assertFalse(old.getBoolean("removable"), old::toString);
    } finally {
      setFullNameCiphertext(bad, original);
    }
    // Once the record reads again, starting again re-keys what was left.
    JsonObject again = rotate();
    assertEquals("DONE", again.getString("state"), again::toString);
    assertEquals(0, again.getJsonNumber("subjectsFailed").longValue(), again::toString);
    assertEquals(1, again.getJsonNumber("subjectsRekeyed").longValue(), again::toString);
    assertEquals(Set.of(target), subjectKeyVersions(List.of(good, bad)));
    assertTrue(version(blindIndexStatus(), before).getBoolean("removable"));
  }

  private JsonObject rotate() throws Exception {
    HttpResponse<String> started = Http.postJson("/api/admin/keys/blind-index/rotate", admin, "");
    assertEquals(202, started.statusCode(), started.body());
    return awaitRotation(Http.json(started).getString("id"));
  }

  private static byte[] fullNameCiphertext(String subject) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT full_name_ct FROM subject WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(subject));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }

  private static void setFullNameCiphertext(String subject, byte[] ciphertext) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE subject SET full_name_ct = ? WHERE id = ?")) {
      ps.setBytes(1, ciphertext);
      ps.setObject(2, UUID.fromString(subject));
      assertEquals(1, ps.executeUpdate());
    }
  }

  @Test
  void onlyAdministratorsSeeAndStartBlindIndexRotation() throws Exception {
    Http.problem(Http.postJson("/api/admin/keys/blind-index/rotate", lawyer, ""), 403);
    Http.problem(Http.postJson("/api/admin/keys/blind-index/rotate", auditor, ""), 403);
    Http.problem(Http.get("/api/admin/keys/blind-index", lawyer), 403);
    Http.problem(Http.get("/api/admin/keys/blind-index", auditor), 403);
    assertEquals(200, Http.get("/api/admin/keys/blind-index", admin).statusCode());
  }

  /**
   * What lookups and searches return, per caller: lookups by IIN and name (including for a teacher,
   * who may look up by name only and sees the name alone, and a lawyer of another centre, who sees
   * nothing); searches by the entitled lawyer, by a teacher of the same centre (may not read COURT)
   * and by a lawyer elsewhere; ranking included.
   */
  private Map<String, Object> observe(
      List<String> ids,
      Map<String, String> iins,
      Map<String, String> names,
      String first,
      String pdfOwner,
      String both,
      String commonOnly,
      String pdf)
      throws Exception {
    Map<String, Object> seen = new LinkedHashMap<>();
    for (String id : ids) {
      assertEquals(Set.of(id), lookupIin(lawyer, iins.get(id)));
      assertEquals(Set.of(id), lookupName(lawyer, names.get(id)));
      seen.put("iin " + id, lookupIin(lawyer, iins.get(id)));
      seen.put("name " + id, lookupName(lawyer, " " + names.get(id).toUpperCase() + " "));
      seen.put(
          "teacher name " + id,
          lookupName(teacher, names.get(id))); // a teacher may not look up by IIN
      seen.put("elsewhere iin " + id, lookupIin(lawyerElsewhere, iins.get(id)));
    }
    assertEquals(Set.of(), seen.get("elsewhere iin " + first));
    // Only the documents made before the key was added (later ones are checked by the caller).
    List<String> mine = List.of(both, commonOnly, pdf);
    List<String> ranked =
        new ArrayList<>(SearchClient.documents(SearchClient.page(lawyer, common)));
    ranked.retainAll(mine);
    seen.put("common, ranked", ranked);
    assertEquals(List.of(commonOnly, both), ranked); // commonOnly has the word twice: first
    seen.put("both", found(lawyer, common + " AND " + rare, mine));
    seen.put("or", found(lawyer, rare + " OR twice", mine));
    seen.put("not", found(lawyer, common + " NOT " + rare, mine));
    assertEquals(Set.of(both, commonOnly), seen.get("or"));
    assertEquals(Set.of(commonOnly), seen.get("not"));
    seen.put(
        "corpus",
        SearchClient.documents(Http.json(SearchClient.search(lawyer, "incubation", pdfOwner, ""))));
    assertEquals(Set.of(pdf), seen.get("corpus"));
    assertEquals(Set.of(both), seen.get("both"));
    seen.put("teacher", SearchClient.page(teacher, common).getInt("total"));
    seen.put("elsewhere", SearchClient.page(lawyerElsewhere, common).getInt("total"));
    assertEquals(0, seen.get("teacher"));
    assertEquals(0, seen.get("elsewhere"));
    return seen;
  }

  private static Set<String> found(String token, String q, List<String> among) throws Exception {
    Set<String> hits = new HashSet<>(SearchClient.documents(SearchClient.page(token, q)));
    hits.retainAll(among);
    return hits;
  }

  private static Set<String> lookupIin(String token, String iin) throws Exception {
    return lookup(token, Json.createObjectBuilder().add("iin", iin).build().toString());
  }

  private static Set<String> lookupName(String token, String name) throws Exception {
    return lookup(token, Json.createObjectBuilder().add("fullName", name).build().toString());
  }

  private static Set<String> lookup(String token, String body) throws Exception {
    HttpResponse<String> r = Http.postJson("/api/subjects/lookup", token, body);
    assertEquals(200, r.statusCode(), r.body());
    Set<String> ids = new HashSet<>();
    jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(r.body()));
    reader.readArray().forEach(v -> ids.add(v.asJsonObject().getString("id")));
    return ids;
  }

  /**
   * The stored tokens of {@code word} in a version: those under {@code keyVersion}, none under any
   * other loaded version.
   */
  private void assertTokensOfWordUnder(UUID versionId, String word, int keyVersion)
      throws Exception {
    Keyring keyring = Keyring.load(VaultServer.keystore(), PASSWORD);
    Set<String> stored = new HashSet<>();
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT token FROM search_token WHERE version_id = ?")) {
      ps.setObject(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(BlindToken.of(rs.getBytes(1)).toHex());
        }
      }
    }
    TermAnalyzer analyzer = new TermAnalyzer();
    try {
      for (int v : keyring.blindIndexVersions()) {
        BlindTokens tokens = BlindTokens.create(keyring, v);
        boolean present = false;
        for (Set<String> stems : analyzer.queryStems(word)) {
          for (String stem : stems) {
            present |= stored.contains(tokens.token(stem).toHex());
          }
        }
        assertEquals(
            v == keyVersion,
            present,
            "tokens of the word under key v" + v + " (expected only v" + keyVersion + ")");
      }
    } finally {
      analyzer.close();
    }
  }

  /**
   * The subject's stored name and IIN indexes are the ones under {@code now}, not those under
   * {@code before}.
   */
  private static void assertSubjectIndexesUnder(
      String subject, String iin, String name, int now, int before) throws Exception {
    Keyring keyring = Keyring.load(VaultServer.keystore(), PASSWORD);
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT iin_bidx, full_name_bidx, bidx_key_version FROM subject WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(subject));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(now, rs.getInt(3));
        byte[] iinNow =
            BlindIndex.create(keyring, now, "subject.iin", 16).compute(SubjectNormalizer.iin(iin));
        byte[] nameNow =
            BlindIndex.create(keyring, now, "subject.full_name", 16)
                .compute(SubjectNormalizer.name(name));
        assertArrayEquals(iinNow, rs.getBytes(1));
        assertArrayEquals(nameNow, rs.getBytes(2));
        assertNotEquals(
            java.util.HexFormat.of()
                .formatHex(
                    BlindIndex.create(keyring, before, "subject.iin", 16)
                        .compute(SubjectNormalizer.iin(iin))),
            java.util.HexFormat.of().formatHex(rs.getBytes(1)));
      }
    }
  }

  private static Set<Integer> subjectKeyVersions(List<String> subjects) throws Exception {
    return ints("SELECT DISTINCT bidx_key_version FROM subject WHERE id = ANY (?)", subjects);
  }

  private static Set<Integer> tokenKeyVersions(List<String> subjects) throws Exception {
    return ints(
        "SELECT DISTINCT st.bidx_key_version FROM search_index_state st JOIN document_version v ON"
            + " v.id = st.version_id JOIN document d ON d.id = v.document_id WHERE st.status ="
            + " 'INDEXED' AND d.subject_id = ANY (?)",
        subjects);
  }

  private static Set<Integer> ints(String sql, List<String> subjects) throws Exception {
    Set<Integer> out = new HashSet<>();
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", subjects.stream().map(UUID::fromString).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
    }
    return out;
  }

  private static UUID versionOf(String documentId) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT id FROM document_version WHERE document_id = ?")) {
      ps.setObject(1, UUID.fromString(documentId));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private static long count(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  interface Action {
    void run() throws Exception;
  }

  /** Runs a search and returns the id of the query it recorded (the newest row of its user). */
  private static String lastQueryIdAfter(Action search) throws Exception {
    search.run();
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM search_query WHERE user_id = 'bidx-lawyer' ORDER BY created_at DESC"
                    + " LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      return rs.getObject(1, UUID.class).toString();
    }
  }

  private JsonObject blindIndexStatus() throws Exception {
    HttpResponse<String> r = Http.get("/api/admin/keys/blind-index", admin);
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r);
  }

  private int primaryVersion() throws Exception {
    return blindIndexStatus().getInt("primaryVersion");
  }

  private static JsonObject version(JsonObject status, int version) {
    return status.getJsonArray("versions").getValuesAs(JsonObject.class).stream()
        .filter(v -> v.getInt("version") == version)
        .findFirst()
        .orElseThrow(() -> new AssertionError(status.toString()));
  }

  private JsonObject awaitRotation(String runId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      JsonObject run = blindIndexStatus().getJsonObject("rotation");
      if (run != null
          && runId.equals(run.getString("id"))
          && !"RUNNING".equals(run.getString("state"))) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("blind-index rotation did not finish");
  }

  /** Adds the next blind-index-vN to the keystore the running server reads; returns N. */
  private static synchronized int addBlindIndexVersion() throws Exception {
    KeyStore ks = load(VaultServer.keystore());
    int next = 1;
    while (ks.containsAlias("blind-index-v" + next)) {
      next++;
    }
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(256);
    ks.setEntry(
        "blind-index-v" + next,
        new KeyStore.SecretKeyEntry(gen.generateKey()),
        new KeyStore.PasswordProtection(PASSWORD));
    store(ks, VaultServer.keystore());
    return next;
  }

  /** Writes {@code from} minus blind-index-v{@code version} to {@code to}. */
  private static void withoutBlindIndexVersion(Path from, Path to, int version) throws Exception {
    KeyStore ks = load(from);
    ks.deleteEntry("blind-index-v" + version);
    store(ks, to);
  }

  private static KeyStore load(Path path) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  private static void store(KeyStore ks, Path path) throws Exception {
    try (OutputStream out = Files.newOutputStream(path)) {
      ks.store(out, PASSWORD);
    }
  }

  /** A random lower-case word ending in a consonant no English suffix rule touches. */
  private static String randomWord() {
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder("zq");
    for (int i = 0; i < 7; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.append('k').toString();
  }
}
