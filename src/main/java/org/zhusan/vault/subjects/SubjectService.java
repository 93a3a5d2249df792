package org.zhusan.vault.subjects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.SubjectFields;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.centres.CentreRepository;
import org.zhusan.vault.keys.SubjectKeys;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.subjects.SubjectViews.NewSubject;
import org.zhusan.vault.subjects.SubjectViews.SubjectView;
import org.zhusan.vault.subjects.SubjectViews.TransitionView;

/** Subject use cases; every one asks the {@link Gatekeeper}, which records the decision. */
@ApplicationScoped
@org.zhusan.vault.access.AuditedService
public class SubjectService {
  static final Set<String> LEGAL_STATUSES =
      Set.of("NONE", "UNDER_INVESTIGATION", "CHARGED", "CONVICTED", "ACQUITTED", "AMNESTIED");
  static final int MAX_TEXT = 4000;

  @Inject SubjectRepository subjects;
  @Inject CentreRepository centres;
  @Inject SubjectKeys keys;
  @Inject SubjectIndexes indexes;
  @Inject Gatekeeper gatekeeper;
  @Inject jakarta.enterprise.inject.Instance<ShredGuard> shredGuards;

  @Transactional
  public SubjectView create(NewSubject in) {
    validate(in);
    UUID id = UUID.randomUUID();
    gatekeeper.require(Action.SUBJECT_CREATE, Target.subject(id), in.centre());
    if (in.guardianId() != null) {
      Subject guardian =
          subjects
              .find(in.guardianId())
              .filter(g -> g.centre().equals(in.centre()))
              .orElseThrow(
                  () ->
                      VaultException.badRequest(
                          "invalid-guardian",
                          "guardianId must name a subject of the same centre."));
      guardian.id();
    }
    keys.create(id);
    Subject s =
        new Subject(
            id,
            in.centre(),
            in.sex(),
            ProgrammeStage.ADAPTATION,
            gatekeeper.caller().userId(),
            Instant.now());
    String iin = in.iin() == null ? null : SubjectNormalizer.iin(in.iin());
    s.changeNameAndIin(in.fullName().strip(), iin, indexes.primary(in.fullName(), iin));
    s.changeDateOfBirth(in.dateOfBirth());
    s.changePlaceOfOrigin(in.placeOfOrigin());
    s.changeNotes(in.notes());
    s.changeBirthYearBand(in.birthYearBand());
    s.changeArrivalDate(in.arrivalDate());
    s.changeLegalStatus(in.legalStatus());
    s.linkGuardian(in.guardianId());
    subjects.store(s);
    LocalDate arrival = in.arrivalDate() != null ? in.arrivalDate() : LocalDate.now();
    subjects.store(
        new StageTransition(
            id, null, ProgrammeStage.ADAPTATION, arrival, gatekeeper.caller().userId()));
    // Writers are always in read-identifying (the policy file is validated so): the creator sees it
    // all.
    return view(
        s,
        SubjectFields.IDENTIFYING,
        List.of(new TransitionView(null, ProgrammeStage.ADAPTATION.name(), arrival)));
  }

  @Transactional
  public SubjectView read(UUID id) {
    Subject s = findOrRecord(id, Action.SUBJECT_READ);
    SubjectFields fields =
        gatekeeper.requireSubjectRead(Action.SUBJECT_READ, Target.subject(s.id()), s.centre());
    if (keys.isShredded(id)) {
      throw VaultException.gone(
          "crypto-shredded",
          "This record's encryption key was destroyed (crypto-shredding); its content can no longer"
              + " be read.");
    }
    return view(s, fields, transitions(id));
  }

  @Transactional
  public Page<SubjectView> list(String centre, PageRequest page) {
    return list(centre, null, page);
  }

  /** As {@link #list(String, PageRequest)}, only subjects in {@code stage} when it is given. */
  @Transactional
  public Page<SubjectView> list(String centre, String stage, PageRequest page) {
    if (centre == null || centres.find(centre).isEmpty()) {
      throw VaultException.badRequest(
          "invalid-centre", "centre must name one of the centres (GET /api/centres).");
    }
    ProgrammeStage only = null;
    if (stage != null && !stage.isBlank()) {
      try {
        only = ProgrammeStage.valueOf(stage);
      } catch (IllegalArgumentException e) {
        throw VaultException.badRequest(
            "invalid-stage",
            "stage must be one of ADAPTATION, REHABILITATION, REINTEGRATION, CLOSED.");
      }
    }
    SubjectFields fields =
        gatekeeper.requireSubjectRead(Action.SUBJECT_LIST, Target.centre(centre), centre);
    List<Subject> rows =
        only == null
            ? subjects.byCentre(centre, page.offset(), page.limit())
            : subjects.byCentreAndStage(centre, only, page.offset(), page.limit());
    long total =
        only == null
            ? subjects.countByCentre(centre)
            : subjects.countByCentreAndStage(centre, only);
    List<SubjectView> items =
        rows.stream()
            .map(s -> keys.isShredded(s.id()) ? shreddedView(s) : view(s, fields, null))
            .toList();
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  /**
   * Exact lookup by IIN or by full name through the blind indexes, under every loaded blind-index
   * key version (subjects not yet re-keyed by a rotation are found too). Only subjects of the
   * caller's centres are returned; the search itself is recorded (without the searched value).
   *
   * <p>A lookup answers "who holds this value", so it is refused (403) to a caller who may not see
   * the value looked up: by IIN only with identifying fields, by name only with the name (read-name
   * or read-identifying). Otherwise a role seeing metadata only could turn a known IIN or name into
   * a record id, then into a name, legal status and programme stage.
   */
  @Transactional
  public List<SubjectView> lookup(SubjectViews.Lookup q) {
    boolean byIin;
    if (q != null && q.iin() != null && !q.iin().isBlank()) {
      if (!SubjectNormalizer.isValidIin(q.iin())) {
        throw VaultException.badRequest("invalid-iin", "iin must be exactly 12 digits.");
      }
      byIin = true;
    } else if (q != null && q.fullName() != null && !q.fullName().isBlank()) {
      byIin = false;
    } else {
      throw VaultException.badRequest("invalid-lookup", "Give either iin or fullName.");
    }
    SubjectFields fields =
        gatekeeper.requireSubjectRead(
            Action.SUBJECT_LOOKUP,
            Target.lookup("subject-lookup:" + (byIin ? "iin" : "full_name")),
            null,
            byIin ? SubjectFields.IDENTIFYING : SubjectFields.NAME);
    List<Subject> found =
        byIin
            ? subjects.byIinIndex(indexes.iinUnderEveryVersion(SubjectNormalizer.iin(q.iin())))
            : subjects.byNameIndex(indexes.nameUnderEveryVersion(q.fullName()));
    var caller = gatekeeper.caller();
    return found.stream()
        .filter(s -> caller.centres().contains(s.centre()))
        .filter(s -> !keys.isShredded(s.id()))
        .map(s -> view(s, fields, null))
        .toList();
  }

  @Transactional
  public SubjectView changeStage(UUID id, SubjectViews.StageChange change) {
    ProgrammeStage next;
    try {
      next = ProgrammeStage.valueOf(String.valueOf(change == null ? null : change.stage()));
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest(
          "invalid-stage",
          "stage must be one of ADAPTATION, REHABILITATION, REINTEGRATION, CLOSED.");
    }
    Subject s = findOrRecord(id, Action.SUBJECT_UPDATE);
    gatekeeper.require(Action.SUBJECT_UPDATE, Target.subject(id), s.centre());
    if (!s.stage().canMoveTo(next)) {
      throw VaultException.conflict(
          "invalid-transition", "A subject in " + s.stage() + " cannot move to " + next + ".");
    }
    LocalDate on = change.effectiveOn() != null ? change.effectiveOn() : LocalDate.now();
    subjects.store(new StageTransition(id, s.stage(), next, on, gatekeeper.caller().userId()));
    s.moveTo(next);
    return metadataView(s, transitions(id));
  }

  @Transactional
  public SubjectView linkGuardian(UUID childId, SubjectViews.GuardianLink link) {
    if (link == null || link.guardianId() == null) {
      throw VaultException.badRequest("invalid-guardian", "guardianId is required.");
    }
    Subject child = findOrRecord(childId, Action.SUBJECT_UPDATE);
    gatekeeper.require(Action.SUBJECT_UPDATE, Target.subject(childId), child.centre());
    Subject guardian =
        subjects
            .find(link.guardianId())
            .filter(g -> gatekeeper.caller().centres().contains(g.centre()))
            .orElseThrow(
                () ->
                    VaultException.badRequest(
                        "invalid-guardian", "guardianId must name a subject of your centres."));
    if (guardian.id().equals(child.id())) {
      throw VaultException.badRequest(
          "invalid-guardian", "A subject cannot be their own guardian.");
    }
    child.linkGuardian(guardian.id());
    return metadataView(child, transitions(childId));
  }

  /**
   * Crypto-shredding (ADMIN): destroys the subject's data key; the access log keeps its history.
   */
  @Transactional
  public void shred(UUID id, SubjectViews.ShredRequest request) {
    if (request == null || request.reason() == null || request.reason().strip().length() < 10) {
      throw VaultException.badRequest(
          "reason-required", "A reason of at least 10 characters is required to shred a record.");
    }
    if (request.reason().length() > 1000) {
      throw VaultException.badRequest("reason-too-long", "reason must be at most 1000 characters.");
    }
    Subject s = findOrRecord(id, Action.SUBJECT_SHRED);
    // A legal hold forbids shredding; the guard records that refusal itself.
    shredGuards.forEach(g -> g.refuseIfHeld(id, s.centre()));
    gatekeeper.require(Action.SUBJECT_SHRED, Target.subject(id), null);
    if (!keys.shred(s.id(), gatekeeper.caller().userId(), request.reason().strip())) {
      throw VaultException.gone("crypto-shredded", "This record was already shredded.");
    }
  }

  private Subject findOrRecord(UUID id, Action action) {
    return subjects
        .find(id)
        .orElseGet(
            () -> {
              gatekeeper.recordNotFound(action, Target.subject(id));
              throw VaultException.notFound("The subject");
            });
  }

  private List<TransitionView> transitions(UUID id) {
    return subjects.transitions(id).stream()
        .map(
            t ->
                new TransitionView(
                    t.from() == null ? null : t.from().name(), t.to().name(), t.effectiveOn()))
        .toList();
  }

  /** The subject with the fields the caller may see; the others are not even decrypted. */
  private static SubjectView view(
      Subject s, SubjectFields fields, List<TransitionView> transitions) {
    boolean identifying = fields.showsIdentifying();
    return new SubjectView(
        s.id(),
        s.centre(),
        s.sex(),
        s.stage().name(),
        s.birthYearBand().orElse(null),
        s.arrivalDate().orElse(null),
        s.legalStatus().orElse(null),
        s.guardianId().orElse(null),
        fields.showsName() ? s.fullName() : null,
        identifying ? s.dateOfBirth().orElse(null) : null,
        identifying ? s.iin().orElse(null) : null,
        identifying ? s.placeOfOrigin().orElse(null) : null,
        identifying ? s.notes().orElse(null) : null,
        false,
        transitions);
  }

  /** Non-identifying facts only: what is left readable of a shredded subject. */
  private static SubjectView shreddedView(Subject s) {
    return new SubjectView(
        s.id(),
        s.centre(),
        s.sex(),
        s.stage().name(),
        s.birthYearBand().orElse(null),
        s.arrivalDate().orElse(null),
        s.legalStatus().orElse(null),
        s.guardianId().orElse(null),
        null,
        null,
        null,
        null,
        null,
        true,
        null);
  }

  private static SubjectView metadataView(Subject s, List<TransitionView> transitions) {
    return new SubjectView(
        s.id(),
        s.centre(),
        s.sex(),
        s.stage().name(),
        s.birthYearBand().orElse(null),
        s.arrivalDate().orElse(null),
        s.legalStatus().orElse(null),
        s.guardianId().orElse(null),
        null,
        null,
        null,
        null,
        null,
        false,
        transitions);
  }

  private void validate(NewSubject in) {
    if (in == null) {
      throw VaultException.badRequest("invalid-subject", "A JSON body is required.");
    }
    if (in.centre() == null || centres.find(in.centre()).isEmpty()) {
      throw VaultException.badRequest(
          "invalid-centre", "centre must name one of the centres (GET /api/centres).");
    }
    if (!"F".equals(in.sex()) && !"M".equals(in.sex())) {
      throw VaultException.badRequest("invalid-sex", "sex must be F or M.");
    }
    if (in.fullName() == null || in.fullName().isBlank()) {
      throw VaultException.badRequest("invalid-name", "fullName is required.");
    }
    if (in.iin() != null && !SubjectNormalizer.isValidIin(in.iin())) {
      throw VaultException.badRequest("invalid-iin", "iin must be exactly 12 digits.");
    }
    DateOfBirth.check(in.dateOfBirth(), LocalDate.now());
    if (in.birthYearBand() != null && !in.birthYearBand().matches("[0-9]{4}-[0-9]{4}")) {
      throw VaultException.badRequest("invalid-band", "birthYearBand must look like 2010-2014.");
    }
    if (in.legalStatus() != null && !LEGAL_STATUSES.contains(in.legalStatus())) {
      throw VaultException.badRequest(
          "invalid-legal-status", "legalStatus must be one of " + LEGAL_STATUSES + ".");
    }
    for (String text :
        new String[] {in.fullName(), in.dateOfBirth(), in.placeOfOrigin(), in.notes()}) {
      if (text != null && text.length() > MAX_TEXT) {
        throw VaultException.badRequest(
            "field-too-long", "Text fields are limited to " + MAX_TEXT + " characters.");
      }
    }
  }
}
