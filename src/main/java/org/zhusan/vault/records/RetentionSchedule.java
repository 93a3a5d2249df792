package org.zhusan.vault.records;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.documents.content.DocumentType;

/**
 * The validated retention file ({@code config/retention.yaml}): a rule for every document type, and
 * who may place legal holds, propose a disposition and approve one.
 */
public record RetentionSchedule(
    Map<DocumentType, RetentionRule> rules,
    Set<Role> holdRoles,
    Set<Role> proposeRoles,
    Set<Role> approveRoles) {
  public RetentionSchedule {
    if (!rules.keySet().containsAll(EnumSet.allOf(DocumentType.class))) {
      throw new IllegalArgumentException("every document type needs a retention rule");
    }
    rules = Collections.unmodifiableMap(new EnumMap<>(rules));
    holdRoles = Set.copyOf(holdRoles);
    proposeRoles = Set.copyOf(proposeRoles);
    approveRoles = Set.copyOf(approveRoles);
  }

  public RetentionRule rule(DocumentType type) {
    return rules.get(type);
  }
}
