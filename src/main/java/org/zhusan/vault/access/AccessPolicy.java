package org.zhusan.vault.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.zhusan.vault.access.policy.Operation;
import org.zhusan.vault.access.policy.Policy;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.PolicyException;
import org.zhusan.vault.access.policy.PolicyLoader;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.access.policy.SubjectOperation;
import org.zhusan.vault.access.policy.SubjectRead;
import org.zhusan.vault.platform.health.KeyStatus;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The policy decision point of the server: the validated policy file ({@code vault.access.policy},
 * default the built-in copy of {@code config/access-policy.yaml}) applied to the vault's actions. A
 * file that fails validation keeps the vault not ready (the error names the line) and every
 * decision answers 503.
 */
@ApplicationScoped
public class AccessPolicy implements KeyStatus {
  private static final Logger LOG = Logger.getLogger(AccessPolicy.class.getName());

  @Inject AccessSettings settings;

  private volatile Policy policy;
  private volatile String problem = "not loaded";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    loaded();
  }

  @PostConstruct
  void load() {
    try {
      policy =
          settings
              .policyLocation()
              .map(s -> PolicyLoader.load(Path.of(s)))
              .orElseGet(PolicyLoader::defaults);
      problem = null;
      LOG.info(
          "Access policy loaded from "
              + settings.policyLocation().orElse("the built-in config/access-policy.yaml"));
    } catch (PolicyException e) {
      problem = e.getMessage();
      LOG.severe("Access policy is invalid; the vault will not report ready: " + e.getMessage());
    }
  }

  public Policy policy() {
    Policy p = policy;
    if (p == null) {
      throw VaultException.unavailable(
          "policy-invalid",
          "The access policy could not be loaded; an administrator sees why in the server log and"
              + " GET /api/admin/status.");
    }
    return p;
  }

  /** Decisions that do not depend on a document type. */
  public PolicyDecision decide(StaffUser user, Action action, String centre) {
    return switch (action) {
      case SUBJECT_CREATE -> creating(subject(user, centre, SubjectOperation.WRITE));
      case SUBJECT_UPDATE -> subject(user, centre, SubjectOperation.WRITE);
      case SUBJECT_READ, SUBJECT_LIST, SUBJECT_LOOKUP, DOCUMENT_LIST, SEARCH, GRANT_LIST ->
          subject(user, centre, SubjectOperation.READ_METADATA);
      case SUBJECT_READ_SENSITIVE -> subject(user, centre, SubjectOperation.READ_IDENTIFYING);
      case SUBJECT_SHRED, KEY_STATUS, KEY_ROTATE, KEY_RETIRE, SEARCH_REINDEX ->
          roleOnly(user, Role.ADMIN, "admin");
      case LOG_READ, LOG_EXPORT, LOG_VERIFY, LOG_REVIEW -> roleOnly(user, Role.AUDITOR, "auditor");
      case LOG_CHECKPOINT ->
          user.hasRole(Role.AUDITOR) || user.hasRole(Role.ADMIN)
              ? PolicyDecision.allow(
                  "log-checkpoint",
                  "auditors and administrators may request a checkpoint",
                  user.hasRole(Role.AUDITOR) ? Role.AUDITOR : Role.ADMIN)
              : PolicyDecision.deny(
                  "log-checkpoint", "Only auditors and administrators may request a checkpoint.");
      case GRANT_REVOKE -> PolicyDecision.allow("grant-revoke", "checked against the grant", null);
      case DOCUMENT_CREATE, DOCUMENT_READ, GRANT_CREATE, BREAK_GLASS ->
          throw new IllegalArgumentException(action + " needs a document type");
      case RECORD_EVENT,
          HOLD_PLACE,
          HOLD_RELEASE,
          HOLD_LIST,
          DISPOSITION_SCAN,
          DISPOSITION_LIST,
          DISPOSITION_PROPOSE,
          DISPOSITION_APPROVE,
          DISPOSITION_EXTEND,
          DOCUMENT_DESTROY,
          CERTIFICATE_READ ->
          throw new IllegalArgumentException(action + " is decided with the retention schedule");
      case CONSENT_RECORD, CONSENT_REVOKE, CONSENT_LIST, DISCLOSURE_CREATE, DISCLOSURE_ACCOUNTING ->
          throw new IllegalArgumentException(action + " is decided per document type and subject");
      case INDICATOR_RECORD, INDICATOR_READ, REPORT_RUN ->
          throw new IllegalArgumentException(action + " is decided with the outcomes file");
    };
  }

  /** Content decisions: role × document type, centre scope, separation of duties. */
  public PolicyDecision decideDocument(
      StaffUser user, Action action, String documentType, String centre) {
    Operation op = action == Action.DOCUMENT_CREATE ? Operation.WRITE : Operation.READ;
    // Uploading to a subject outside your centres stays a hidden 404: the subject exists, but you
    // may not know.
    return policy().decideDocument(user, documentType, centre, op);
  }

  /**
   * Which subject fields {@code user} may read in {@code centre} (null: across their centres), and
   * the decision.
   */
  public SubjectRead decideSubjectRead(StaffUser user, String centre) {
    return policy().decideSubjectRead(user, centre);
  }

  /**
   * Subject-level decision; without a centre (a lookup or search across the caller's centres) only
   * the roles count, separation of duties included.
   */
  public PolicyDecision decideSubject(StaffUser user, String centre, SubjectOperation op) {
    return subject(user, centre, op);
  }

  private PolicyDecision subject(StaffUser user, String centre, SubjectOperation op) {
    return centre != null
        ? policy().decideSubject(user, centre, op)
        : policy().decideSubjectAnyCentre(user, op);
  }

  /**
   * Creating something in a centre you do not work for is refused openly (403): nothing is hidden.
   */
  private static PolicyDecision creating(PolicyDecision d) {
    return d.hideExistence()
        ? PolicyDecision.deny(d.rule(), "You may only create records in your own centres.")
        : d;
  }

  private static PolicyDecision roleOnly(StaffUser user, Role role, String rule) {
    if (Policy.reportsOnly(user)) {
      // A token that also carries ANALYST is refused the log and the keys: figures only.
      return PolicyDecision.deny(
          rule, "ANALYST sees programme figures only (separation of duties).");
    }
    return user.hasRole(role)
        ? PolicyDecision.allow(rule, role + " may do this", role)
        : PolicyDecision.deny(rule, "Only " + role + " may do this.");
  }

  @Override
  public String name() {
    return "accessPolicy";
  }

  @Override
  public boolean loaded() {
    return policy != null;
  }

  @Override
  public String problem() {
    return problem;
  }
}
