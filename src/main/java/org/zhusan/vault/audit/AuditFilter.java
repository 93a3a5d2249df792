package org.zhusan.vault.audit;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Auditor query over the access log. Every criterion is optional; values are bound as parameters,
 * never spliced into SQL. Built with {@link #builder()}, so that no two criteria can be swapped.
 *
 * <p>The target criterion is either a kind of target ({@code targetType}, any id) or a set of
 * targets, any of which matches: a person's file is their subject record and every document and
 * version of theirs, named by the caller that knows them (the log core does not).
 */
public record AuditFilter(
    String userId,
    String role,
    String centre,
    TargetType targetType,
    Set<Target> targets,
    String action,
    String outcome,
    Boolean breakGlass,
    Instant from,
    Instant to) {

  private static final AuditFilter ALL = builder().build();

  public AuditFilter {
    targets = targets == null ? null : Set.copyOf(targets);
  }

  public static AuditFilter all() {
    return ALL;
  }

  public static Builder builder() {
    return new Builder();
  }

  String where() {
    List<String> parts = new ArrayList<>();
    parts.add("TRUE");
    if (userId != null) parts.add("user_id = :userId");
    if (role != null) parts.add("role = :role");
    if (centre != null) parts.add("centre = :centre");
    if (targetType != null) parts.add("target_type = :targetType");
    if (targets != null) parts.add(targetsClause());
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
    if (targetType != null) q.setParameter("targetType", targetType.name());
    if (targets != null) {
      int i = 0;
      for (Map.Entry<TargetType, Set<String>> group : targetsByType().entrySet()) {
        q.setParameter("tt" + i, group.getKey().name());
        q.setParameter("ti" + i, List.copyOf(group.getValue()));
        i++;
      }
    }
    if (action != null) q.setParameter("action", action);
    if (outcome != null) q.setParameter("outcome", outcome);
    if (breakGlass != null) q.setParameter("breakGlass", breakGlass);
    if (from != null) q.setParameter("fromTime", Timestamp.from(from));
    if (to != null) q.setParameter("toTime", Timestamp.from(to));
  }

  /** One {@code (type, id IN ...)} term per kind, so each uses the (type, id, sequence) index. */
  private String targetsClause() {
    if (targets.isEmpty()) {
      return "FALSE";
    }
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < targetsByType().size(); i++) {
      terms.add("(target_type = :tt" + i + " AND target_id IN (:ti" + i + "))");
    }
    return "(" + String.join(" OR ", terms) + ")";
  }

  private Map<TargetType, Set<String>> targetsByType() {
    Map<TargetType, Set<String>> byType = new LinkedHashMap<>();
    targets.stream()
        .sorted((a, b) -> a.type().compareTo(b.type()))
        .forEach(t -> byType.computeIfAbsent(t.type(), k -> new TreeSet<>()).add(t.id()));
    return byType;
  }

  /** A filter over everything is the whole log (and can be verified as such). */
  public boolean isAll() {
    return equals(ALL);
  }

  /** Sets each criterion once; an unset criterion matches everything. */
  public static final class Builder {
    private String userId;
    private String role;
    private String centre;
    private TargetType targetType;
    private Set<Target> targets;
    private String action;
    private String outcome;
    private Boolean breakGlass;
    private Instant from;
    private Instant to;

    private Builder() {}

    public Builder user(String userId) {
      this.userId = userId;
      return this;
    }

    public Builder role(String role) {
      this.role = role;
      return this;
    }

    public Builder centre(String centre) {
      this.centre = centre;
      return this;
    }

    /** Entries about any target of this kind. */
    public Builder targetType(TargetType type) {
      this.targetType = type;
      return this;
    }

    /** Entries about any of these targets (an empty set matches nothing). */
    public Builder anyOf(Set<Target> targets) {
      this.targets = targets;
      return this;
    }

    public Builder action(String action) {
      this.action = action;
      return this;
    }

    public Builder outcome(String outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder breakGlass(Boolean breakGlass) {
      this.breakGlass = breakGlass;
      return this;
    }

    /** From this instant, inclusive. */
    public Builder from(Instant from) {
      this.from = from;
      return this;
    }

    /** Before this instant. */
    public Builder to(Instant to) {
      this.to = to;
      return this;
    }

    public AuditFilter build() {
      return new AuditFilter(
          userId, role, centre, targetType, targets, action, outcome, breakGlass, from, to);
    }
  }
}
