package org.zhusan.vault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.OfflineLogVerifier;
import org.zhusan.vault.audit.verify.VerificationReport;

/** Exports the access log through the auditor API and verifies it offline, as an auditor would. */
public final class AuditLogs {
  private AuditLogs() {}

  public static String auditor() {
    return Tokens.token("auditor-it", "AUDITOR");
  }

  public static String export() throws Exception {
    HttpResponse<String> r = Http.get("/api/audit/export?format=jsonl", auditor());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** The whole log as a binary export ({@code format=bin}). */
  public static byte[] exportBinary() throws Exception {
    HttpResponse<byte[]> r =
        Http.client()
            .send(
                Http.request("/api/audit/export?format=bin", auditor()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(
        200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    return r.body();
  }

  public static CheckpointVerifier publicKey() throws Exception {
    return CheckpointVerifier.fromPublicKeyPemFile(publicKeyFile());
  }

  public static Path publicKeyFile() {
    return VaultServer.repoRoot().resolve("keys-example/audit-signing-ed25519.pub.pem");
  }

  public static VerificationReport verify(String export, SignedCheckpoint trusted)
      throws Exception {
    OfflineLogVerifier v = new OfflineLogVerifier(publicKey());
    if (trusted != null) {
      v = v.withTrustedCheckpoint(trusted);
    }
    return v.verify(new StringReader(export));
  }

  /**
   * The access-log history of one target, oldest first, as {@code ACTION/OUTCOME} (read as the
   * schema owner).
   */
  public static java.util.List<String> history(String targetId) throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (java.sql.Connection c = VaultServer.get().ownerConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "SELECT action, outcome FROM access_log WHERE target_id = ? ORDER BY sequence")) {
      ps.setString(1, targetId);
      java.sql.ResultSet rs = ps.executeQuery();
      while (rs.next()) {
        out.add(rs.getString(1) + "/" + rs.getString(2));
      }
    }
    return out;
  }
}
