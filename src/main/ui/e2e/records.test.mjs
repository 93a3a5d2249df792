// Journeys of records governance (issue 18) in headless Chromium against a running vault (VAULT_URL):
// a legal hold placed and released by a lawyer (the administrator's shred refused while it stands), and a
// disposition proposed by one person, refused to the same person, approved by another after confirming,
// with the certificate downloaded as JSON and PDF. Run by WebAppJourneysIT or `node --test e2e/records.test.mjs`.
// The test vault's retention file makes CORRESPONDENCE (DESTROY) and CONSENT (REVIEW) due at once (P0D).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { BASE, launch, newPage, assertClean, missingMessages, devSignIn, signOut, shot, axeCheck, unique, go, apiToken, apiCall, filePdf } from './helpers.mjs';

let browser;
const run = unique('g');
const person = `Dana Recordova ${run}`;
const lawyer = `lawyer-${run}`;
const lawyer2 = `lawyer2-${run}`;
// Holds both roles so that the same person can try to approve what they proposed (separation of duties).
const admin = `admin-${run}`;
const letterTitle = `Letter to the akimat ${run}`;
const consentTitle = `Consent to treatment ${run}`;
const CLI = '../../../target/zhusan-vault-cli.jar';
const LOG_KEY = '../../../keys-example/audit-signing-ed25519.pub.pem';
let subjectId;
let letterId;
let consentId;

/** A document of this journey's person, filed through the API as a PDF. */
function file(token, type, title, text) {
  return filePdf(token, subjectId, type, title, text, `${type.toLowerCase()}-${run}.pdf`);
}

before(async () => {
  browser = await launch();
  // The journeys' own person and documents: a letter (destroyed at once under the test schedule) and a
  // consent (reviewed at once), filed through the API by a lawyer of AST-01.
  const law = await apiToken(lawyer, ['LAWYER'], ['AST-01']);
  const created = await apiCall(law, 'POST', '/subjects', { centre: 'AST-01', sex: 'F', fullName: person, arrivalDate: '2026-01-15', legalStatus: 'NONE' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  subjectId = created.body.id;
  letterId = await file(law, 'CORRESPONDENCE', letterTitle, `Letter of ${run}: request for housing support.`);
  consentId = await file(law, 'CONSENT', consentTitle, `Consent of ${run} to treatment.`);
});
after(async () => {
  await browser?.close();
});

/** The queue item of a document, paging through the queue until it shows (other tests queue documents too). */
async function itemOf(page, documentId) {
  const item = page.locator(`article.disposition-item[data-document="${documentId}"]`);
  await page.getByTestId('queue-count').waitFor();
  for (let i = 0; i < 50; i++) {
    if (await item.count()) return item;
    const next = page.getByRole('button', { name: 'Next' });
    if (!(await next.count()) || (await next.isDisabled())) break;
    await next.click();
    await page.waitForTimeout(300);
  }
  await item.waitFor({ timeout: 5_000 });
  return item;
}

test('legal hold: a lawyer places a hold on a person, the administrator\'s shred is refused naming it, the lawyer releases it', async () => {
  const page = await newPage(browser);
  await devSignIn(page, lawyer, ['Lawyer'], 'AST-01', `/subjects/${subjectId}`);
  await page.getByRole('heading', { name: person }).waitFor();
  const records = page.getByTestId('records');
  await records.getByRole('heading', { name: 'Legal holds' }).waitFor();
  await records.getByText('No legal hold has been placed on this person or their documents.').waitFor();

  // Nothing filled in: the error summary names the case reference and the reason.
  await page.getByRole('button', { name: 'Place the hold' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Enter the case reference' }).waitFor();
  await summary.getByRole('link', { name: 'Enter a reason' }).waitFor();
  await summary.getByRole('link', { name: 'Enter the case reference' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'hold-case');

  await page.getByLabel('Case reference').fill('2-123/2026');
  await page.getByLabel('Reason', { exact: true }).fill(`Appeal pending in the regional court ${run}`);
  await page.getByRole('button', { name: 'Place the hold' }).click();
  const status = page.getByTestId('holds-status');
  await status.filter({ hasText: /Hold .+ placed\./ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'holds-status', 'focus moves to what happened');
  const hold = page.locator('li.hold.active');
  await hold.waitFor();
  const holdId = await hold.getAttribute('data-hold');
  await hold.getByText('The whole person').waitFor();
  await hold.getByText('2-123/2026').waitFor();
  await page.getByTestId('hold-banner').filter({ hasText: 'A legal hold stands' }).waitFor();
  // Each document of the person is marked as held in the documents list.
  await page.locator(`tr[data-document="${letterId}"]`).getByText('On legal hold').waitFor();
  await axeCheck(page, 'subject page with a legal hold');
  await page.getByTestId('records').scrollIntoViewIfNeeded();
  await shot(page, 'records-holds');

  // The API agrees; the administrator's crypto-shred is refused while the hold stands, naming it.
  const law = await apiToken(lawyer, ['LAWYER'], ['AST-01']);
  const listed = await apiCall(law, 'GET', `/subjects/${subjectId}/holds`);
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.filter((h) => h.active).map((h) => String(h.id)), [holdId]);
  const adminToken = await apiToken(`shredder-${run}`, ['ADMIN'], ['AST-01']);
  const shred = await apiCall(adminToken, 'POST', `/subjects/${subjectId}/shred`, { reason: `Shred attempt during a hold ${run}` });
  assert.equal(shred.status, 409, JSON.stringify(shred.body));
  assert.match(shred.body.type, /legal-hold$/);
  assert.ok(JSON.stringify(shred.body).includes(holdId), `the refusal names hold ${holdId}: ${JSON.stringify(shred.body)}`);

  // Released with a reason (too short first: said beside the field).
  await hold.getByRole('button', { name: 'Release this hold' }).click();
  const releaseReason = page.getByLabel('Why is the hold released?');
  assert.equal(await releaseReason.evaluate((e) => e === document.activeElement), true, 'the reason field takes focus');
  await releaseReason.fill('Too short');
  await page.getByRole('button', { name: 'Release the hold' }).click();
  await page.getByText('The reason must be at least 10 characters').waitFor();
  await releaseReason.fill(`Appeal dismissed, the case is closed ${run}`);
  await page.getByRole('button', { name: 'Release the hold' }).click();
  await status.filter({ hasText: /Hold .+ released\./ }).waitFor();
  const released = page.locator(`li.hold.released[data-hold="${holdId}"]`);
  await released.getByText(`Appeal dismissed, the case is closed ${run}`).waitFor();
  await released.getByText(lawyer).first().waitFor();
  assert.equal(await page.getByTestId('hold-banner').count(), 0, 'no banner once released');
  const after = await apiCall(law, 'GET', `/subjects/${subjectId}/holds`);
  assert.equal(after.body.items.find((h) => String(h.id) === holdId).active, false);

  // The case-closed event is recorded for the rules that count from it.
  await page.getByLabel('Date the case closed').fill('2026-01-31');
  await page.getByRole('button', { name: 'Record the case as closed' }).click();
  await page.getByTestId('events-status').filter({ hasText: 'Case closure recorded.' }).waitFor();
  await page.getByTestId('events').getByText('Case closed').waitFor();
  const events = await apiCall(law, 'GET', `/subjects/${subjectId}/events`);
  assert.deepEqual(events.body.items.map((e) => [e.kind, e.occurredOn]), [['CASE_CLOSED', '2026-01-31']]);

  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await page.context().close();
});

test('disposition: proposed by one person, refused to the same person, approved by another after confirming; the certificate downloads', async () => {
  const page = await newPage(browser);
  await devSignIn(page, admin, ['Administrator', 'Lawyer'], 'AST-01');
  await page.getByRole('link', { name: 'Disposition' }).click();
  await page.getByRole('heading', { name: 'Disposition', level: 1 }).waitFor();
  // The schedule in words (collapsed until asked for).
  await page.getByText('Retention schedule').click();
  const schedule = page.getByTestId('schedule');
  await schedule.getByRole('row', { name: /Letter/ }).getByText('As soon as the document was filed: destroy').waitFor();
  await schedule.getByRole('row', { name: /Consent/ }).getByText('As soon as the document was filed: review').waitFor();

  await page.getByRole('button', { name: 'Run scan now' }).click();
  await page.getByTestId('scan-status').filter({ hasText: 'Scan finished' }).waitFor();
  const item = await itemOf(page, letterId);
  assert.equal(await item.getAttribute('data-state'), 'ELIGIBLE');
  await item.getByText('As soon as the document was filed: destroy').waitFor();
  // Ids and types only: never a title or content.
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!text.includes(letterTitle) && !text.includes(consentTitle), 'the queue shows no title');
  // The consent is a REVIEW item: it may be extended instead.
  const consent = await itemOf(page, consentId);
  await consent.getByRole('button', { name: 'Extend' }).waitFor();

  await item.getByRole('button', { name: 'Propose destruction' }).click();
  await item.getByLabel('Why should this document be destroyed?').fill(`Retention ended, the letter is no longer needed ${run}`);
  await item.getByRole('button', { name: 'Propose destruction' }).click();
  await item.getByTestId('item-status').filter({ hasText: 'Destruction proposed.' }).waitFor();
  assert.equal(await item.getAttribute('data-state'), 'PROPOSED');
  await item.getByTestId('proposed').getByText(admin).waitFor();

  // The same person cannot approve: the page says so, and the server's refusal is shown in words.
  await item.getByTestId('own-proposal').waitFor();
  await item.getByRole('button', { name: 'Approve destruction' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('This cannot be undone.').waitFor();
  await dialog.getByRole('button', { name: 'Yes, destroy it' }).click();
  await item.getByRole('alert').filter({ hasText: 'the person who proposed a destruction cannot also approve it' }).waitFor();
  assert.equal(await item.getAttribute('data-state'), 'PROPOSED');
  await axeCheck(page, 'disposition (refused)');
  await item.scrollIntoViewIfNeeded();
  await shot(page, 'records-disposition');
  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await signOut(page);

  // A lawyer of the centre approves after confirming; the certificate downloads as JSON and PDF.
  await devSignIn(page, lawyer2, ['Lawyer'], 'AST-01');
  await page.getByRole('link', { name: 'Disposition' }).click();
  await page.getByRole('heading', { name: 'Disposition', level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Run scan now' }).count(), 0, 'a lawyer does not run the scan');
  const toApprove = await itemOf(page, letterId);
  assert.equal(await toApprove.getByRole('button', { name: 'Propose destruction' }).count(), 0);
  // Cancelling changes nothing.
  await toApprove.getByRole('button', { name: 'Approve destruction' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.equal(await toApprove.getAttribute('data-state'), 'PROPOSED');
  await toApprove.getByRole('button', { name: 'Approve destruction' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, destroy it' }).click();
  await toApprove.getByTestId('item-status').filter({ hasText: 'Destroyed.' }).waitFor();
  assert.equal(await toApprove.getAttribute('data-state'), 'DESTROYED');
  await toApprove.getByTestId('approved').getByText(lawyer2).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'item-status', 'focus moves to what happened');
  const certificateId = await toApprove.locator('[data-certificate]').getAttribute('data-certificate');
  const json = await save(page, toApprove, /signed JSON/, `certificate-of-destruction-${certificateId}.json`);
  const certificate = JSON.parse(readFileSync(json, 'utf8'));
  assert.ok(JSON.stringify(certificate).includes(letterId), 'the certificate names the destroyed document');
  assert.ok(!JSON.stringify(certificate).includes(letterTitle), 'the certificate carries no title');
  const pdf = await save(page, toApprove, /PDF/, `certificate-of-destruction-${certificateId}.pdf`);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
  // Both files verify offline with the log's public key (the CLI the issue asks for).
  for (const f of [json, pdf]) {
    const v = spawnSync('java', ['-jar', CLI, 'verify-certificate', f, '--key', LOG_KEY], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(v.status, 0, `verify-certificate ${f}: ${v.stdout} ${v.stderr}`);
  }
  await axeCheck(page, 'disposition (destroyed)');

  // The person's page: the letter shows as destroyed with its certificate, never a title; the consent stays.
  await toApprove.getByRole('link', { name: /Open the person's page/ }).click();
  await page.getByRole('heading', { name: person }).waitFor();
  const row = page.locator(`tr.destroyed[data-document="${letterId}"]`);
  await row.getByText(/^Destroyed on \d{4}-\d{2}-\d{2}$/).waitFor();
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(letterTitle), 'no title of the destroyed document');
  await page.getByRole('link', { name: consentTitle }).waitFor();
  await save(page, row, /signed JSON/, `certificate-of-destruction-${certificateId}.json`);
  await axeCheck(page, 'subject page with a destroyed document');
  const law = await apiToken(lawyer2, ['LAWYER'], ['AST-01']);
  const gone = await apiCall(law, 'GET', `/documents/${letterId}`);
  assert.equal(gone.status, 410, JSON.stringify(gone.body));
  assert.match(gone.body.type, /destroyed$/);
  assert.equal((await apiCall(law, 'GET', `/documents/${consentId}`)).status, 200);
  // The destroyed document's address says what happened, in words.
  await go(page, `/documents/${letterId}`);
  await page.getByText('This document was destroyed under the retention schedule').waitFor();

  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await page.context().close();
});

/** Presses a certificate download button within a scope; the file is saved from a blob: URL. */
async function save(page, scope, name, fileName) {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name }).click()]);
  assert.equal(download.suggestedFilename(), fileName);
  assert.match(download.url(), /^blob:/, 'saved from a Blob, not a URL carrying a token');
  return download.path();
}
