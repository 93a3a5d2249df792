package org.zhusan.vault.oversight;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.HexFormat;
import java.util.List;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.verify.ExportFormat;

/**
 * Lines of the filtered export: CSV rows (RFC 4180 quoting) and JSON lines with inclusion proofs.
 */
final class AuditCsv {
  static final String HEADER =
      "sequence,occurred_at,user_id,role,centre,action,target_type,target_id,purpose,"
          + "justification,outcome,rule,reason,break_glass,client_address,request_id,previous_hash,leaf_hash,inclusion_proof";

  // Factories made once: Json.createXxx() looks the provider up on every call (slow in the server).
  private static final jakarta.json.JsonBuilderFactory BUILDERS =
      Json.createBuilderFactory(java.util.Map.of());
  private static final jakarta.json.JsonReaderFactory READERS =
      Json.createReaderFactory(java.util.Map.of());

  private AuditCsv() {}

  static String row(AuditEntry e, String leafHash, List<String> proof) {
    return String.join(
        ",",
        List.of(
            Long.toString(e.sequence()),
            e.occurredAt().toString(),
            q(e.userId()),
            q(e.role()),
            q(e.centre()),
            q(e.action()),
            q(e.targetType()),
            q(e.targetId()),
            q(e.purpose()),
            q(e.justification()),
            q(e.outcome()),
            q(e.rule()),
            q(e.reason()),
            Boolean.toString(e.breakGlass()),
            q(e.clientAddress()),
            q(e.requestId()),
            HexFormat.of().formatHex(e.previousLeafHash()),
            leafHash,
            q(String.join(" ", proof))));
  }

  /** The entry line of the verifiable export, plus its leaf hash and inclusion proof. */
  static String proofLine(AuditEntry e, String leafHash, long treeSize, List<String> proof) {
    JsonArrayBuilder p = BUILDERS.createArrayBuilder();
    proof.forEach(p::add);
    return BUILDERS
        .createObjectBuilder()
        .add("type", "entry-with-proof")
        .add(
            "entry",
            READERS.createReader(new java.io.StringReader(ExportFormat.entryLine(e))).readObject())
        .add("leafHash", leafHash)
        .add("treeSize", treeSize)
        .add("inclusionProof", p)
        .build()
        .toString();
  }

  /**
   * Quotes a CSV field; a leading formula character is neutralised so spreadsheets do not execute
   * it.
   */
  static String q(String v) {
    if (v == null) {
      return "";
    }
    String s = v;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
