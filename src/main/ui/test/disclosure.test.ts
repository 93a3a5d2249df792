import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { MESSAGES } from '../src/i18n';
import { describe as describeProblem } from '../src/problems';
import {
  consentRequest, consentState, consentsFor, coversRecipient, disclosureRequest, noBasisOf, packageFileName, packageKindFor,
  shortHash, uncovered, type Consent, type ConsentForm, type DisclosureForm,
} from '../src/disclosure';

const consent = (over: Partial<Consent>): Consent => ({
  id: '11111111-2222-3333-4444-555555555555', subjectId: 's', givenBy: 'GUARDIAN', guardianName: 'Aigerim N.', documentTypes: ['IDENTITY'],
  recipientKind: 'GUARDIAN', purpose: 'school enrolment', validUntil: '2026-12-31', consentDocumentId: 'd', recordedBy: 'l',
  recordedAt: '2026-06-01T10:00:00Z', inForce: true, ...over,
});

describe('which consents are in force on a day', () => {
  it('in force through its last valid day, expired the day after', () => {
    expect(consentState(consent({}), '2026-12-31')).toBe('IN_FORCE');
    expect(consentState(consent({}), '2027-01-01')).toBe('EXPIRED');
  });

  it('revoked from its revocation day on (absent members are not a revocation)', () => {
    const revoked = consent({ revokedOn: '2026-07-10' });
    expect(consentState(revoked, '2026-07-09')).toBe('IN_FORCE');
    expect(consentState(revoked, '2026-07-10')).toBe('REVOKED');
    // A revoked consent that has also expired is still read as revoked.
    expect(consentState(revoked, '2030-01-01')).toBe('REVOKED');
    const { revokedOn: _, ...noMember } = consent({});
    expect(consentState(noMember, '2026-07-10')).toBe('IN_FORCE');
  });
});

describe('what a consent covers', () => {
  it('names the types it does not cover', () => {
    expect(uncovered(consent({}), ['IDENTITY'])).toEqual([]);
    expect(uncovered(consent({ documentTypes: ['IDENTITY', 'COURT'] }), ['COURT', 'MEDICAL', 'MEDICAL'])).toEqual(['MEDICAL']);
  });

  it('a consent without a name covers any recipient of its kind; a named one only that recipient', () => {
    expect(coversRecipient(consent({}), 'GUARDIAN', 'Anyone')).toBe(true);
    expect(coversRecipient(consent({}), 'SCHOOL', 'School 12')).toBe(false);
    expect(coversRecipient(consent({ recipientName: 'Aigerim N.' }), 'GUARDIAN', ' aigerim n. ')).toBe(true);
    expect(coversRecipient(consent({ recipientName: 'Aigerim N.' }), 'GUARDIAN', 'Someone else')).toBe(false);
  });

  it('offers consents in force only, those that fit first, saying what the others lack', () => {
    const medical = consent({ id: 'm', documentTypes: ['MEDICAL'] });
    const fits = consent({ id: 'f' });
    const revoked = consent({ id: 'r', revokedOn: '2026-06-02' });
    const expired = consent({ id: 'e', validUntil: '2026-06-01' });
    const offered = consentsFor([medical, revoked, fits, expired], ['IDENTITY'], 'GUARDIAN', 'Aigerim N.', '2026-06-15');
    expect(offered.map((o) => [o.consent.id, o.fits])).toEqual([['f', true], ['m', false]]);
    expect(offered[1].missingTypes).toEqual(['IDENTITY']);
  });
});

const consentForm = (over: Partial<ConsentForm>): ConsentForm => ({
  givenBy: 'GUARDIAN', guardianName: ' Aigerim N. ', documentTypes: ['IDENTITY'], recipientKind: 'GUARDIAN', recipientName: '',
  purpose: ' school ', validUntil: '2026-12-31', consentDocumentId: 'doc-1', ...over,
});

describe('the consent request', () => {
  it('a guardian\'s consent carries the guardian\'s name; an empty recipient name is left out', () => {
    const built = consentRequest(consentForm({}), '2026-06-01');
    expect(built).toEqual({ ok: true, body: {
      givenBy: 'GUARDIAN', guardianName: 'Aigerim N.', documentTypes: ['IDENTITY'], recipientKind: 'GUARDIAN', purpose: 'school',
      validUntil: '2026-12-31', consentDocumentId: 'doc-1',
    } });
  });

  it('the person\'s own consent has no guardian name even if one was typed', () => {
    const built = consentRequest(consentForm({ givenBy: 'SUBJECT', recipientName: 'School 12' }), '2026-06-01');
    expect(built.ok).toBe(true);
    if (built.ok) {
      expect('guardianName' in built.body).toBe(false);
      expect(built.body.recipientName).toBe('School 12');
    }
  });

  it('names every missing field, and a day in the past', () => {
    const built = consentRequest({ givenBy: 'GUARDIAN', guardianName: '', documentTypes: [], recipientKind: null, recipientName: '', purpose: '', validUntil: '', consentDocumentId: null }, '2026-06-01');
    expect(built.ok ? [] : built.missing.map((m) => m.field)).toEqual(['consent-document', 'consent-guardian', 'consent-types', 'consent-recipient-kind', 'consent-purpose', 'consent-until']);
    const past = consentRequest(consentForm({ validUntil: '2026-05-31' }), '2026-06-01');
    expect(past.ok ? null : past.missing).toEqual([{ field: 'consent-until', message: 'consent.form.until.past' }]);
    expect(consentRequest(consentForm({ validUntil: '2026-06-01' }), '2026-06-01').ok).toBe(true);
  });
});

const disclosureForm = (over: Partial<DisclosureForm>): DisclosureForm => ({
  documentIds: ['a'], recipientKind: 'GUARDIAN', recipientName: 'Aigerim N.', purpose: 'school enrolment', caseReference: '',
  basisKind: 'CONSENT', consentId: 'c-1', courtOrderReference: '', statute: '', ...over,
});

describe('the disclosure request', () => {
  it('a consent basis names the consent only', () => {
    expect(disclosureRequest(disclosureForm({ courtOrderReference: 'ignored' }))).toEqual({ ok: true, body: {
      documentIds: ['a'], recipientKind: 'GUARDIAN', recipientName: 'Aigerim N.', purpose: 'school enrolment', basis: { kind: 'CONSENT', consentId: 'c-1' },
    } });
  });

  it('a court needs the case reference; a court order its reference', () => {
    const noCase = disclosureRequest(disclosureForm({ recipientKind: 'COURT', basisKind: 'COURT_ORDER', courtOrderReference: '' }));
    expect(noCase.ok ? [] : noCase.missing.map((m) => m.field)).toEqual(['disclose-case', 'disclose-order']);
    const court = disclosureRequest(disclosureForm({ recipientKind: 'COURT', caseReference: ' 2-77/2026 ', basisKind: 'COURT_ORDER', courtOrderReference: 'order 2-77/2026' }));
    expect(court.ok && court.body).toMatchObject({ caseReference: '2-77/2026', basis: { kind: 'COURT_ORDER', courtOrderReference: 'order 2-77/2026' } });
  });

  it('a statutory ground is sent as typed (the server refuses one it does not know)', () => {
    const s = disclosureRequest(disclosureForm({ basisKind: 'STATUTE', statute: ' PROSECUTOR_REQUEST ' }));
    expect(s.ok && s.body.basis).toEqual({ kind: 'STATUTE', statute: 'PROSECUTOR_REQUEST' });
  });

  it('names what is missing', () => {
    const empty = disclosureRequest({ documentIds: [], recipientKind: null, recipientName: ' ', purpose: '', caseReference: '', basisKind: null, consentId: null, courtOrderReference: '', statute: '' });
    expect(empty.ok ? [] : empty.missing.map((m) => m.field)).toEqual(['disclose-documents', 'disclose-recipient-kind', 'disclose-recipient-name', 'disclose-purpose', 'disclose-basis']);
    const noConsent = disclosureRequest(disclosureForm({ consentId: null }));
    expect(noConsent.ok ? [] : noConsent.missing.map((m) => m.message)).toEqual(['disclose.consent.error']);
  });
});

describe('the package', () => {
  it('a court gets a bundle, others a ZIP; the file name from Content-Disposition or the id', () => {
    expect(packageKindFor('COURT')).toBe('COURT_BUNDLE');
    expect(packageKindFor('SCHOOL')).toBe('ZIP');
    expect(packageFileName('attachment; filename="disclosure-abc.zip"', 'abc', 'ZIP')).toBe('disclosure-abc.zip');
    expect(packageFileName(null, 'abc', 'COURT_BUNDLE')).toBe('disclosure-abc.pdf');
    expect(packageFileName('attachment; filename="../x/evil.zip"', 'abc', 'ZIP')).toBe('.._x_evil.zip');
  });

  it('a hash as people compare it', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef')).toBe('01234567 89abcdef');
  });
});

const fmt = (l: keyof typeof MESSAGES) => {
  const intl = createIntl({ locale: l, messages: MESSAGES[l] });
  return (p: Parameters<typeof describeProblem>[0]) => {
    const d = describeProblem(p);
    return intl.formatMessage({ id: d.id }, { ...d.values, detail: d.fallback ?? '' });
  };
};

describe('refusals for want of a basis, in words', () => {
  const revoked = { status: 409, type: 'urn:zhusan:problem:no-basis', detail: 'consent 11111111-2222-3333-4444-555555555555 was revoked on 2026-07-10' };

  it('reads what is missing from the detail', () => {
    expect(noBasisOf(revoked)).toEqual({ kind: 'revoked', consent: '11111111-2222-3333-4444-555555555555', on: '2026-07-10' });
    expect(noBasisOf({ status: 409, detail: 'consent x does not cover documents of type [MEDICAL, COURT]' })).toEqual({ kind: 'types', types: ['MEDICAL', 'COURT'] });
    expect(noBasisOf({ status: 409, detail: 'consent x expired on 2026-01-01' })).toMatchObject({ kind: 'expired', on: '2026-01-01' });
    expect(noBasisOf({ status: 409, detail: 'something else entirely' })).toEqual({ kind: 'other' });
  });

  it('names the revocation in each language', () => {
    expect(fmt('en')(revoked)).toBe('Refused: consent 11111111 was revoked on 2026-07-10, so it is no basis for a disclosure.');
    expect(fmt('ru')(revoked)).toContain('отозвано 2026-07-10');
    expect(fmt('kk')(revoked)).toContain('кері қайтарылған');
  });

  it('falls back to the server\'s detail when it cannot tell, and knows already-revoked', () => {
    expect(fmt('en')({ status: 409, type: 'urn:zhusan:problem:no-basis', detail: 'no consent in force' })).toBe('Refused: there is no legal basis for this disclosure. no consent in force');
    expect(fmt('ru')({ status: 409, type: 'urn:zhusan:problem:already-revoked' })).toBe('Это согласие уже отозвано.');
  });
});
