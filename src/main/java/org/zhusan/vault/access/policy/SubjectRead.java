package org.zhusan.vault.access.policy;

import java.util.Objects;

/**
 * The decision on reading subjects, with the field set it discloses: the widest the caller's roles
 * allow in scope (identifying, else name, else metadata). When denied, {@code fields} is {@link
 * SubjectFields#METADATA} and nothing is shown.
 *
 * @param decision the decision to enforce and log; its rule names the field set ({@code
 *     subject:<ROLE>:read-identifying|read-name|read-metadata}) and its reason ends with {@code
 *     Fields disclosed: <FIELDS>.}
 * @param fields the fields the caller may be shown
 */
public record SubjectRead(PolicyDecision decision, SubjectFields fields) {
  public SubjectRead {
    Objects.requireNonNull(decision, "decision is required.");
    Objects.requireNonNull(fields, "fields is required.");
  }
}
