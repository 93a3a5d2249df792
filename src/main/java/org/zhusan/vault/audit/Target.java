package org.zhusan.vault.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * What an access-log entry is about, named by kind and id only, never by content (invariant 1). The
 * factories are the only way to name a target, so that a kind and an id cannot be swapped or
 * misspelt.
 *
 * @param type the kind of target
 * @param id an id or a fixed label such as {@code checkpoint}; never a value a user typed
 */
public record Target(TargetType type, String id) {
  public Target {
    Objects.requireNonNull(type, "type is required.");
    Objects.requireNonNull(id, "id is required.");
  }

  public static Target subject(UUID id) {
    return new Target(TargetType.SUBJECT, id.toString());
  }

  public static Target document(UUID id) {
    return new Target(TargetType.DOCUMENT, id.toString());
  }

  /**
   * A document, or one version of it ({@code <document>/<version>}) when {@code versionId} is set.
   */
  public static Target document(UUID id, UUID versionId) {
    return versionId == null ? document(id) : new Target(TargetType.DOCUMENT, id + "/" + versionId);
  }

  public static Target version(UUID id) {
    return new Target(TargetType.VERSION, id.toString());
  }

  /** A centre, by its code. */
  public static Target centre(String code) {
    return new Target(TargetType.CENTRE, code);
  }

  /** A recorded search, by the query id the search entry names. */
  public static Target query(UUID id) {
    return new Target(TargetType.QUERY, id.toString());
  }

  /** A kind of lookup (e.g. {@code subject-lookup:iin}), never the value looked up. */
  public static Target lookup(String kind) {
    return new Target(TargetType.QUERY, kind);
  }

  /** A part of the access log, e.g. {@code checkpoint} or {@code export:jsonl:all}. */
  public static Target log(String part) {
    return new Target(TargetType.LOG, part);
  }

  /** A key or the keystore, e.g. {@code kek-v2} or {@code keystore-reload}. */
  public static Target key(String label) {
    return new Target(TargetType.KEY, label);
  }

  /** A grant by id, or the caller's grants ({@code mine}). */
  public static Target grant(String id) {
    return new Target(TargetType.GRANT, id);
  }

  public static Target breakGlass(UUID sessionId) {
    return new Target(TargetType.BREAK_GLASS, sessionId.toString());
  }

  /** The search index, e.g. {@code stale}, {@code all} or a re-index run id. */
  public static Target searchIndex(String label) {
    return new Target(TargetType.SEARCH_INDEX, label);
  }

  /** A legal hold by id, or a label such as {@code list}. */
  public static Target hold(String id) {
    return new Target(TargetType.HOLD, id);
  }

  /** A disposition by id, or a label such as {@code scan} or {@code queue}. */
  public static Target disposition(String id) {
    return new Target(TargetType.DISPOSITION, id);
  }

  public static Target certificate(UUID id) {
    return new Target(TargetType.CERTIFICATE, id.toString());
  }

  public static Target consent(UUID id) {
    return new Target(TargetType.CONSENT, id.toString());
  }

  public static Target disclosure(UUID id) {
    return new Target(TargetType.DISCLOSURE, id.toString());
  }

  public static Target indicator(UUID id) {
    return new Target(TargetType.INDICATOR, id.toString());
  }

  /**
   * A report run, named by its fixed parameters (e.g. {@code indicators:IDEOLOGY_ASSESSMENT:
   * 2026-12-01:COHORT:F}); report parameters are chosen from lists, never typed text.
   */
  public static Target report(String parameters) {
    return new Target(TargetType.REPORT, parameters);
  }
}
