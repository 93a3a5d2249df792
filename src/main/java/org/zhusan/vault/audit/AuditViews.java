package org.zhusan.vault.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/** Response bodies of the auditor API. */
public final class AuditViews {
  private AuditViews() {}

  public record EntryView(
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
      String previousHash) {
    static EntryView of(AuditEntry e) {
      return new EntryView(
          e.sequence(),
          e.occurredAt(),
          e.userId(),
          e.role(),
          e.centre(),
          e.action(),
          e.targetType(),
          e.targetId(),
          e.purpose(),
          e.justification(),
          e.outcome(),
          e.rule(),
          e.reason(),
          e.breakGlass(),
          e.clientAddress(),
          e.requestId(),
          HexFormat.of().formatHex(e.previousLeafHash()));
    }
  }

  public record CheckpointView(
      String origin,
      long treeSize,
      String rootHash,
      Instant timestamp,
      String note,
      String signature) {
    static CheckpointView of(SignedCheckpoint s) {
      return new CheckpointView(
          s.checkpoint().origin(),
          s.checkpoint().size(),
          Base64.getEncoder().encodeToString(s.checkpoint().rootHash()),
          s.checkpoint().timestamp(),
          s.checkpoint().body(),
          Base64.getEncoder().encodeToString(s.signature()));
    }
  }

  public record InclusionProofView(
      long leafIndex, long treeSize, String leafHash, List<String> proof, String rootHash) {}

  public record ConsistencyProofView(
      long firstSize, long secondSize, String firstRoot, String secondRoot, List<String> proof) {}

  public record VerificationView(
      boolean ok, long entriesChecked, long checkpointsChecked, long signedSize, String problem) {}

  /** Who touched what, when and why: per user or per subject. */
  public record Summary(
      String key,
      long entries,
      Instant first,
      Instant last,
      Map<String, Long> byAction,
      Map<String, Long> byOutcome,
      Map<String, Long> byCounterpart,
      List<EntryView> recent) {}
}
