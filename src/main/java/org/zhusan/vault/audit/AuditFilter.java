package org.zhusan.vault.audit;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Auditor query over the access log. Every criterion is optional; values are bound as parameters,
 * never spliced into SQL.
 */
public record AuditFilter(
    String userId,
    String role,
    String centre,
    String targetType,
    String targetId,
    String action,
    String outcome,
    Boolean breakGlass,
    Instant from,
    Instant to) {

  public static AuditFilter all() {
    return new AuditFilter(null, null, null, null, null, null, null, null, null, null);
  }

  String where() {
    List<String> parts = new ArrayList<>();
    parts.add("TRUE");
    if (userId != null) parts.add("user_id = :userId");
    if (role != null) parts.add("role = :role");
    if (centre != null) parts.add("centre = :centre");
    if (targetType != null) parts.add("target_type = :targetType");
    if (targetId != null) parts.add("target_id = :targetId");
    if (action != null) parts.add("action = :action");
    if (outcome != null) parts.add("outcome = :outcome");
    if (breakGlass != null) parts.add("break_glass = :breakGlass");
    if (from != null) parts.add("occurred_at >= :fromTime");
    if (to != null) parts.add("occurred_at < :toTime");
    return String.join(" AND ", parts);
  }

  void bind(Query q) {
    if (userId != null) q.setParameter("userId", userId);
    if (role != null) q.setParameter("role", role);
    if (centre != null) q.setParameter("centre", centre);
    if (targetType != null) q.setParameter("targetType", targetType);
    if (targetId != null) q.setParameter("targetId", targetId);
    if (action != null) q.setParameter("action", action);
    if (outcome != null) q.setParameter("outcome", outcome);
    if (breakGlass != null) q.setParameter("breakGlass", breakGlass);
    if (from != null) q.setParameter("fromTime", Timestamp.from(from));
    if (to != null) q.setParameter("toTime", Timestamp.from(to));
  }

  /** A filter over everything is the whole log (and can be verified as such). */
  public boolean isAll() {
    return equals(all());
  }
}
