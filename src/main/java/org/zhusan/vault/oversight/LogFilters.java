package org.zhusan.vault.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.audit.AuditFilter;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.audit.TargetType;
import org.zhusan.vault.documents.DocumentTargets;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The auditor's filter parameters as an {@link AuditFilter}, refused with a 400 naming the bad
 * parameter. A subject filter means the person's whole file (their record and every document and
 * version of theirs), a document filter the document and its versions: that is what an auditor
 * asking "who touched this file" means, and the log names reads by document, not by person.
 */
@ApplicationScoped
class LogFilters {
  static final Set<String> OUTCOMES = Set.of("ALLOWED", "DENIED", "FAILED");

  @Inject DocumentTargets documents;

  AuditFilter ofSubject(String subjectId) {
    return AuditFilter.builder().anyOf(documents.ofSubject(uuid("subject", subjectId))).build();
  }

  @SuppressWarnings("java:S107") // one argument per query parameter of the API
  AuditFilter parse(
      String user,
      String role,
      String centre,
      String subject,
      String document,
      String targetType,
      String targetId,
      String action,
      String outcome,
      String breakGlass,
      String from,
      String to) {
    AuditFilter.Builder b =
        AuditFilter.builder()
            .user(blank(user))
            .role(blank(role))
            .centre(blank(centre))
            .action(blank(action))
            .from(time("from", from))
            .to(time("to", to));
    int targetCriteria =
        (subject != null ? 1 : 0) + (document != null ? 1 : 0) + (targetType != null ? 1 : 0);
    if (targetCriteria > 1) {
      throw VaultException.badRequest(
          "invalid-filter", "Give one of subject, document or targetType.");
    }
    if (subject != null) {
      b.anyOf(documents.ofSubject(uuid("subject", subject)));
    } else if (document != null) {
      b.anyOf(documents.ofDocument(uuid("document", document)));
    } else if (targetType != null) {
      TargetType type = targetType(targetType);
      if (blank(targetId) == null) {
        b.targetType(type);
      } else {
        b.anyOf(Set.of(new Target(type, targetId)));
      }
    } else if (targetId != null) {
      throw VaultException.badRequest("invalid-filter", "targetId needs a targetType.");
    }
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw VaultException.badRequest("invalid-filter", "outcome must be one of " + OUTCOMES + ".");
    }
    b.outcome(outcome);
    if (breakGlass != null) {
      if (!breakGlass.equals("true") && !breakGlass.equals("false")) {
        throw VaultException.badRequest("invalid-filter", "breakGlass must be true or false.");
      }
      b.breakGlass(Boolean.valueOf(breakGlass));
    }
    return b.build();
  }

  private static TargetType targetType(String value) {
    try {
      return TargetType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest(
          "invalid-filter", "targetType must be one of " + Set.of(TargetType.values()) + ".");
    }
  }

  private static UUID uuid(String name, String value) {
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-filter", name + " must be an id (a UUID).");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest(
          "invalid-filter", name + " must be an ISO-8601 instant such as 2026-11-25T00:00:00Z.");
    }
  }
}
