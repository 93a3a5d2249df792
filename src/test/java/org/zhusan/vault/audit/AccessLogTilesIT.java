package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.ProofVerifier;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.VaultServer;

/**
 * The access log's tree state and perfect-subtree hashes ("tiles") on a real vault: each checkpoint
 * stores its compact range and the level-8 subtrees it completes, continues from the previous one,
 * and the proofs the server reads from them verify against the signed roots. (Proofs from tiles
 * equal proofs from the full tree for random sizes: {@code TiledTreeTest}.)
 */
class AccessLogTilesIT {

  @Test
  void checkpointsStoreTheirTreeStateAndSubtreesAndProofsFromThemVerify() throws Exception {
    grow(Math.max(0, 1_100 - headSize()));
    JsonObject first = checkpoint();
    long size1 = first.getJsonNumber("treeSize").longValue();
    List<byte[]> leaves = leafHashes(size1);
    try (Connection c = VaultServer.get().ownerConnection()) {
      assertEquals(
          32L * Long.bitCount(size1),
          scalar(
              c,
              "SELECT octet_length(range_hashes) FROM access_log_tree_state WHERE tree_size = "
                  + size1),
          "the compact range stored with the checkpoint");
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT idx, hash FROM access_log_subtree WHERE level = 8 AND idx < ? ORDER BY"
                  + " idx")) {
        s.setLong(1, size1 / 256);
        try (ResultSet rs = s.executeQuery()) {
          long expected = 0;
          while (rs.next()) {
            assertEquals(expected, rs.getLong(1), "a stored subtree is missing");
            int from = (int) (expected * 256);
            assertArrayEquals(
                MerkleTree.rfc9162().rootHash(leaves.subList(from, from + 256)),
                rs.getBytes(2),
                "subtree " + expected);
            expected++;
          }
          assertEquals(size1 / 256, expected, "every complete run of 256 entries is stored");
        }
      }
    }

    grow(300);
    JsonObject second = checkpoint();
    long size2 = second.getJsonNumber("treeSize").longValue();
    byte[] root1 = b64(first.getString("rootHash"));
    byte[] root2 = b64(second.getString("rootHash"));
    Random random = new Random(size2);
    for (int i = 0; i < 20; i++) {
      long index = i == 0 ? size2 - 1 : random.nextLong(size2);
      JsonObject inc =
          Http.json(
              Http.get(
                  "/api/audit/proofs/inclusion?sequence=" + index + "&treeSize=" + size2,
                  AuditLogs.auditor()));
      assertArrayEquals(root2, b64(inc.getString("rootHash")));
      ProofVerifier.rfc9162()
          .verifyInclusion(index, size2, b64(inc.getString("leafHash")), list(inc), root2);
    }
    JsonObject cons =
        Http.json(
            Http.get(
                "/api/audit/proofs/consistency?first=" + size1 + "&second=" + size2,
                AuditLogs.auditor()));
    ProofVerifier.rfc9162().verifyConsistency(size1, size2, root1, root2, list(cons));

    // Past the latest signed checkpoint nothing is stored yet: no proof, but the way to get one.
    grow(3);
    JsonObject unsigned =
        Http.problem(
            Http.get(
                "/api/audit/proofs/inclusion?sequence=0&treeSize=" + (size2 + 1),
                AuditLogs.auditor()),
            409);
    assertTrue(unsigned.getString("detail").contains("POST /api/audit/checkpoints"), "" + unsigned);
    Http.problem(
        Http.get(
            "/api/audit/proofs/consistency?first=" + size1 + "&second=" + (size2 + 1),
            AuditLogs.auditor()),
        409);
    assertTrue(AuditLogs.verify(AuditLogs.export(), null).ok(), "the log verifies offline");
  }

  @Test
  void aTreeStateThatDoesNotFoldToItsSignedRootIsNotTrusted() throws Exception {
    JsonObject before = checkpoint();
    long size1 = before.getJsonNumber("treeSize").longValue();
    try (Connection c = VaultServer.get().ownerConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE access_log_tree_state DISABLE TRIGGER USER");
        s.execute(
            "UPDATE access_log_tree_state SET range_hashes = sha256(range_hashes) ||"
                + " substring(range_hashes from 33) WHERE tree_size = "
                + size1);
        s.execute("ALTER TABLE access_log_tree_state ENABLE TRIGGER USER");
      }
      c.commit();
    }
    grow(10);
    JsonObject after = checkpoint(); // from the whole log, not from the forged state
    long size2 = after.getJsonNumber("treeSize").longValue();
    JsonObject cons =
        Http.json(
            Http.get(
                "/api/audit/proofs/consistency?first=" + size1 + "&second=" + size2,
                AuditLogs.auditor()));
    ProofVerifier.rfc9162()
        .verifyConsistency(
            size1,
            size2,
            b64(before.getString("rootHash")),
            b64(after.getString("rootHash")),
            list(cons));
  }

  /** Appends {@code n} entries the ordinary way: audited reads of the log. */
  static void grow(long n) throws Exception {
    for (long i = 0; i < n; i++) {
      HttpResponse<String> r = Http.get("/api/audit/entries?limit=1", AuditLogs.auditor());
      assertEquals(200, r.statusCode(), r.body());
    }
  }

  private static JsonObject checkpoint() throws Exception {
    HttpResponse<String> r = Http.postJson("/api/audit/checkpoints", AuditLogs.auditor(), "");
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r);
  }

  private static long headSize() throws Exception {
    try (Connection c = VaultServer.get().ownerConnection()) {
      return scalar(c, "SELECT next_sequence FROM access_log_head");
    }
  }

  private static List<byte[]> leafHashes(long size) throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT leaf_hash FROM access_log WHERE sequence < "
                    + size
                    + " ORDER BY sequence")) {
      while (rs.next()) {
        out.add(rs.getBytes(1));
      }
    }
    return out;
  }

  private static long scalar(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<byte[]> list(JsonObject o) {
    return o.getJsonArray("proof").getValuesAs(JsonString.class).stream()
        .map(j -> b64(j.getString()))
        .toList();
  }

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }
}
