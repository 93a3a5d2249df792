import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { MESSAGES } from '../src/i18n';
import { describe as describeProblem } from '../src/problems';
import { holdNamed, itemActions, parsePeriod, periodInWords, queueQuery, reasonProblem, ruleInWords, type DispositionItem, type Rule } from '../src/records';

const fmt = (l: keyof typeof MESSAGES) => {
  const intl = createIntl({ locale: l, messages: MESSAGES[l] });
  return (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
};

describe('retention periods in words', () => {
  it('parses ISO-8601 periods of days and more', () => {
    expect(parsePeriod('P25Y')).toEqual({ years: 25, months: 0, weeks: 0, days: 0 });
    expect(parsePeriod('P10Y6M')).toEqual({ years: 10, months: 6, weeks: 0, days: 0 });
    expect(parsePeriod('P0D')).toEqual({ years: 0, months: 0, weeks: 0, days: 0 });
    expect(parsePeriod('P2W')).toEqual({ years: 0, months: 0, weeks: 2, days: 0 });
    expect(parsePeriod('PT5H')).toBeNull();
    expect(parsePeriod('P')).toBeNull();
    expect(parsePeriod('25 years')).toBeNull();
  });

  it('says 25 years / 25 лет / 25 жыл', () => {
    expect(periodInWords('P25Y', fmt('en'))).toBe('25 years');
    expect(periodInWords('P25Y', fmt('ru'))).toBe('25 лет');
    expect(periodInWords('P25Y', fmt('kk'))).toBe('25 жыл');
  });

  it('uses the Russian plural forms and joins parts', () => {
    const ru = fmt('ru');
    expect(['P1Y', 'P2Y', 'P5Y', 'P21Y'].map((p) => periodInWords(p, ru))).toEqual(['1 год', '2 года', '5 лет', '21 год']);
    expect(periodInWords('P1Y6M', ru)).toBe('1 год 6 месяцев');
    expect(periodInWords('P1Y1M', fmt('en'))).toBe('1 year 1 month');
    expect(periodInWords('P30D', fmt('kk'))).toBe('30 күн');
  });

  it('a zero period, and what it cannot read, as the server sent it', () => {
    expect(periodInWords('P0D', fmt('en'))).toBe('no waiting time');
    expect(periodInWords('PT12H', fmt('en'))).toBe('PT12H');
  });

  it('a rule in words in each language', () => {
    const court: Rule = { documentType: 'COURT', event: 'CASE_CLOSED', period: 'P25Y', action: 'REVIEW' };
    expect(ruleInWords(court, fmt('en'))).toBe('25 years after the court case closed, then review');
    expect(ruleInWords(court, fmt('ru'))).toBe('25 лет после закрытия судебного дела, затем пересмотр');
    expect(ruleInWords(court, fmt('kk'))).toBe('сот ісі жабылғаннан кейін 25 жыл, содан соң қайта қарау');
    const letter: Rule = { documentType: 'CORRESPONDENCE', event: 'DOCUMENT_CREATED', period: 'P0D', action: 'DESTROY' };
    expect(ruleInWords(letter, fmt('en'))).toBe('As soon as the document was filed: destroy');
  });
});

const item = (over: Partial<DispositionItem>): Pick<DispositionItem, 'state' | 'rule' | 'proposedBy' | 'certificateId'> => ({
  state: 'ELIGIBLE', rule: { documentType: 'CORRESPONDENCE', event: 'DOCUMENT_CREATED', period: 'P0D', action: 'DESTROY' },
  proposedBy: null, certificateId: null, ...over,
});
const schedule = { proposeRoles: ['ADMIN'], approveRoles: ['LAWYER'] };

describe('which actions a person sees on a disposition item', () => {
  it('an administrator proposes an eligible item and cannot approve', () => {
    const a = itemActions(item({}), ['ADMIN'], 'admin1', schedule);
    expect(a).toMatchObject({ propose: true, approve: false, extend: false, certificate: false });
    expect(itemActions(item({ state: 'PROPOSED', proposedBy: 'admin1' }), ['ADMIN'], 'admin1', schedule).approve).toBe(false);
  });

  it('a lawyer approves a proposed item; the proposer is told another person must approve', () => {
    expect(itemActions(item({ state: 'PROPOSED', proposedBy: 'admin1' }), ['LAWYER'], 'lawyer1', schedule)).toMatchObject({ propose: false, approve: true, ownProposal: false });
    // Someone holding both roles is offered the button; the server refuses (separation of duties) and the page says why.
    expect(itemActions(item({ state: 'PROPOSED', proposedBy: 'both' }), ['ADMIN', 'LAWYER'], 'both', schedule)).toMatchObject({ approve: true, ownProposal: true });
  });

  it('extending is only for REVIEW items waiting for a decision', () => {
    const review = { documentType: 'CONSENT', event: 'DOCUMENT_CREATED', period: 'P0D', action: 'REVIEW' } as const;
    expect(itemActions(item({ rule: review }), ['ADMIN'], 'a', schedule).extend).toBe(true);
    expect(itemActions(item({ rule: review, state: 'PROPOSED' }), ['LAWYER'], 'l', schedule).extend).toBe(true);
    expect(itemActions(item({ rule: review, state: 'EXTENDED' }), ['ADMIN'], 'a', schedule).extend).toBe(false);
    expect(itemActions(item({}), ['ADMIN'], 'a', schedule).extend).toBe(false);
  });

  it('an auditor reads only: no decision, but the certificate of a destroyed item', () => {
    expect(itemActions(item({}), ['AUDITOR'], 'au', schedule)).toMatchObject({ propose: false, approve: false, extend: false, certificate: false });
    expect(itemActions(item({ state: 'DESTROYED', certificateId: 'c1' }), ['AUDITOR'], 'au', schedule).certificate).toBe(true);
    expect(itemActions(item({ state: 'DESTROYED', certificateId: 'c1' }), ['TEACHER'], 't', schedule).certificate).toBe(false);
  });

  it('follows the roles the schedule names', () => {
    const other = { proposeRoles: ['SOCIAL_WORKER'], approveRoles: ['ADMIN'] };
    expect(itemActions(item({}), ['ADMIN'], 'a', other).propose).toBe(false);
    expect(itemActions(item({ state: 'PROPOSED', proposedBy: 'sw' }), ['ADMIN'], 'a', other).approve).toBe(true);
  });
});

describe('reasons and refusals', () => {
  it('a reason is 10 to 1000 characters', () => {
    expect(reasonProblem('  ')).toBe('records.reason.missing');
    expect(reasonProblem('too short')).toBe('records.reason.short');
    expect(reasonProblem('long enough reason')).toBeNull();
    expect(reasonProblem('x'.repeat(1001))).toBe('records.reason.long');
  });

  it('a legal-hold refusal names the hold', () => {
    const id = '3f2b1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';
    expect(holdNamed({ status: 409, holdId: id } as never)).toBe(id);
    expect(holdNamed({ status: 409, detail: `Legal hold ${id} (case 2-1/2026) stands on this subject.` })).toBe(id);
    expect(holdNamed({ status: 409, detail: 'Legal hold 42 stands.' })).toBe('42');
    const d = describeProblem({ status: 409, type: 'urn:zhusan:problem:legal-hold', detail: `Legal hold ${id} stands.` });
    expect(d).toEqual({ id: 'problem.legal-hold', values: { hold: '3f2b1c4d' } });
    expect(fmt('ru')(d.id, d.values)).toContain('3f2b1c4d');
    expect(describeProblem({ status: 409, type: 'urn:zhusan:problem:legal-hold' }).id).toBe('problem.legal-hold.unnamed');
  });

  it('separation of duties and destroyed documents have their own sentences', () => {
    expect(describeProblem({ status: 403, type: 'urn:zhusan:problem:separation-of-duties', detail: 'x' }).id).toBe('problem.separation-of-duties');
    expect(describeProblem({ status: 410, type: 'urn:zhusan:problem:destroyed' }).id).toBe('problem.destroyed');
  });

  it('the queue query uses the API parameter names', () => {
    expect(queueQuery('OPEN', 20, 20)).toBe('state=OPEN&offset=20&limit=20');
  });
});
