// Journeys of consent and disclosure (issue 19) in headless Chromium against a running vault (VAULT_URL):
// a lawyer uploads a guardian's signed consent, records it, discloses an identity document to that guardian
// on it (the ZIP downloads), the consent is revoked, a second attempt is refused naming the revocation, a
// court document goes to a court on a court order (the PDF bundle downloads), and the accounting lists
// exactly the two disclosures. Run by WebAppJourneysIT or `node --test e2e/disclosure.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pdfWithText } from './fixtures.mjs';
import { BASE, launch, newPage, assertClean, missingMessages, devSignIn, choose, shot, axeCheck, unique, apiToken, dropFiles, uploadItem, apiCall, filePdf } from './helpers.mjs';

let browser;
const run = unique('d');
const person = `Aruzhan Disclosova ${run}`;
const lawyer = `lawyer-${run}`;
const guardian = `Saule Guardianova ${run}`;
const passportTitle = `Passport ${run}`;
const rulingTitle = `Ruling of the district court ${run}`;
const consentFile = `signed-consent-${run}.pdf`;
let subjectId;
let passportId;
let rulingId;

/** A document of this journey's person, filed through the API as a PDF. */
function file(token, type, title, text) {
  return filePdf(token, subjectId, type, title, text, `${type.toLowerCase()}-${run}.pdf`);
}

/** A day a year from now (yyyy-MM-dd). */
function nextYear() {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  browser = await launch();
  // The journey's own person with an identity document and a court ruling, filed through the API.
  const law = await apiToken(lawyer, ['LAWYER'], ['AST-01']);
  const created = await apiCall(law, 'POST', '/subjects', { centre: 'AST-01', sex: 'F', fullName: person, arrivalDate: '2026-02-01', legalStatus: 'NONE' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  subjectId = created.body.id;
  passportId = await file(law, 'IDENTITY', passportTitle, `Passport of ${run}`);
  rulingId = await file(law, 'COURT', rulingTitle, `Ruling ${run}: the application is well founded.`);
});
after(async () => {
  await browser?.close();
});

/** Presses a control that offers a file; checks it is saved from a blob: URL under the expected name. */
async function save(page, press, fileName) {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  if (fileName instanceof RegExp) assert.match(download.suggestedFilename(), fileName);
  else assert.equal(download.suggestedFilename(), fileName);
  assert.match(download.url(), /^blob:/, 'saved from a Blob, not a URL carrying a token');
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Ticks a React Aria radio or checkbox as a person does, by its label (the input itself is visually hidden). */
async function tick(scope, role, name) {
  const input = scope.getByRole(role, { name });
  if (await input.isChecked()) return;
  // The inner locator of `has` is queried inside each label, so it starts from the page, not the scope.
  await scope.locator('label').filter({ has: scope.page().getByRole(role, { name }) }).click();
  for (let i = 0; i < 20 && !(await input.isChecked()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await input.isChecked(), true, `${name} is ticked`);
}

/** Fills the disclosure form (the page is the Disclose page). */
async function fillDisclosure(page, { documentTitle, kind, name, purpose, caseReference }) {
  const docs = page.getByRole('group', { name: 'Documents to disclose' });
  for (const box of await docs.getByRole('checkbox').all()) {
    if (await box.isChecked()) await box.locator('xpath=ancestor::label[1]').click();
  }
  await tick(docs, 'checkbox', new RegExp(documentTitle));
  await choose(page, 'Kind of recipient', kind);
  await page.getByLabel("Recipient's name").fill(name);
  await page.getByLabel('Purpose', { exact: true }).fill(purpose);
  if (caseReference) await page.getByLabel('Case reference').fill(caseReference);
}

test('consent and disclosure: a guardian\'s consent recorded, an identity document disclosed on it, refused once revoked; a court bundle on a court order; the accounting', async () => {
  const page = await newPage(browser);
  await devSignIn(page, lawyer, ['Lawyer'], 'AST-01', `/subjects/${subjectId}`);
  await page.getByRole('heading', { name: person }).waitFor();
  const section = page.getByTestId('disclosure');
  await section.getByRole('heading', { name: 'Consent and disclosure' }).waitFor();
  await section.getByText('No consent to disclosure has been recorded for this person.').waitFor();
  await section.getByText('No document of this person has been disclosed.').waitFor();

  // The signed consent is uploaded first, as a PDF of type Consent (CONSENT refuses plain text).
  await choose(page, 'Document type', 'Consent');
  await dropFiles(page, '.dropzone', [{ name: consentFile, type: 'application/pdf', buffer: pdfWithText([`Consent of the guardian ${guardian}`, 'to disclose identity documents.']) }]);
  const uploaded = await uploadItem(page, consentFile);
  await uploaded.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
  await page.getByRole('link', { name: consentFile }).waitFor();

  // Nothing filled in: the error summary names the fields; its first link focuses the consent document.
  const form = page.locator('.record-consent');
  await form.getByRole('button', { name: 'Record the consent' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Choose the signed consent document' }).waitFor();
  await summary.getByRole('link', { name: 'Choose at least one type of document' }).waitFor();

  // A guardian consents to disclose identity documents to a guardian, until a year from now.
  await form.getByRole('button', { name: /Signed consent document/ }).click();
  await page.getByRole('option', { name: new RegExp(consentFile.replace(/\./g, '\\.')) }).click();
  await tick(form.getByRole('radiogroup', { name: 'Who gives the consent?' }), 'radio', 'A guardian');
  await form.getByLabel("Guardian's full name").fill(guardian);
  await tick(form.getByRole('group', { name: 'Which documents may be disclosed?' }), 'checkbox', 'Identity document');
  await choose(page, 'To what kind of recipient', 'Guardian');
  await form.getByLabel('Purpose', { exact: true }).fill('Enrolment at school');
  await form.getByLabel('Valid until').fill(nextYear());
  await form.getByRole('button', { name: 'Record the consent' }).click();
  const consentStatus = page.getByTestId('consent-status');
  await consentStatus.filter({ hasText: /Consent .+ recorded\./ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'consent-status', 'focus moves to what happened');
  const consentItem = page.locator('li.consent[data-state="IN_FORCE"]');
  await consentItem.waitFor();
  const consentId = await consentItem.getAttribute('data-consent');
  await consentItem.getByText(`Guardian: ${guardian}`).waitFor();
  await consentItem.getByRole('link', { name: consentFile }).waitFor();
  const law = await apiToken(lawyer, ['LAWYER'], ['AST-01']);
  const listed = await apiCall(law, 'GET', `/subjects/${subjectId}/consents`);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assert.deepEqual(listed.body.items.map((c) => [c.id, c.givenBy, c.guardianName, c.documentTypes, c.recipientKind, c.inForce]),
    [[consentId, 'GUARDIAN', guardian, ['IDENTITY'], 'GUARDIAN', true]]);
  await axeCheck(page, 'subject page with a consent');

  // Disclose the passport to the guardian on that consent.
  await section.getByRole('link', { name: 'Disclose documents' }).click();
  await page.getByRole('heading', { name: `Disclose documents of ${person}` }).waitFor();
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: 'Choose at least one document' }).waitFor();
  await fillDisclosure(page, { documentTitle: passportTitle, kind: 'Guardian', name: guardian, purpose: 'Enrolment at school' });
  await tick(page.getByRole('radiogroup', { name: 'Legal basis' }), 'radio', 'Consent');
  const choice = page.locator(`[data-testid="basis-consents"] .consent-choice[data-consent="${consentId}"]`);
  await choice.getByText(/Identity document to any Guardian, until/).waitFor();
  await choice.click();
  await axeCheck(page, 'disclosure form');
  assert.equal(await page.locator('.field-error').count(), 0, 'a field\'s error goes once it is filled');
  await page.getByRole('button', { name: 'Check and continue' }).click();
  const check = page.getByTestId('disclose-summary');
  await check.waitFor();
  // The whole form and its summary in one picture.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.evaluate(() => document.getElementById('disclose-form-title')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'disclosure');
  await page.setViewportSize({ width: 1280, height: 800 });
  await check.getByText(`This document leaves the vault to Guardian: ${guardian}:`).waitFor();
  await check.getByText('This is recorded').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'disclose-summary', 'focus moves to the summary');
  await check.getByRole('button', { name: 'Disclose 1 document' }).click();
  const done = page.getByTestId('disclose-done');
  await done.getByRole('heading', { name: 'Disclosure recorded' }).waitFor();
  const firstId = (await done.getByTestId('disclosure-id').innerText()).replace('Disclosure ', '').trim();
  assert.match(firstId, /^[0-9a-f-]{36}$/);
  const zip = await save(page, () => done.getByTestId('package-link').click(), `disclosure-${firstId}.zip`);
  assert.equal(zip.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP');
  await page.getByTestId('accounting').locator(`tr[data-disclosure="${firstId}"]`).waitFor();

  // A second disclosure on the same consent, checked and ready, while the consent is revoked at another desk.
  await fillDisclosure(page, { documentTitle: passportTitle, kind: 'Guardian', name: guardian, purpose: 'A second copy for the school' });
  await tick(page.getByRole('radiogroup', { name: 'Legal basis' }), 'radio', 'Consent');
  await page.locator(`.consent-choice[data-consent="${consentId}"]`).click();
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await check.waitFor();

  const desk = await newPage(browser);
  await devSignIn(desk, lawyer, ['Lawyer'], 'AST-01', `/subjects/${subjectId}`);
  const toRevoke = desk.locator(`li.consent[data-consent="${consentId}"]`);
  await toRevoke.getByRole('button', { name: 'Revoke this consent' }).click();
  const reason = desk.getByLabel('Why is the consent revoked?');
  assert.equal(await reason.evaluate((e) => e === document.activeElement), true, 'the reason field takes focus');
  await reason.fill('The guardian withdrew the consent in writing');
  await desk.getByRole('button', { name: 'Revoke the consent' }).click();
  await desk.getByTestId('consent-status').filter({ hasText: /Consent .+ revoked\./ }).waitFor();
  await desk.locator(`li.consent[data-consent="${consentId}"][data-state="REVOKED"]`).getByText('The guardian withdrew the consent in writing').waitFor();
  assert.deepEqual(await missingMessages(desk), []);
  assertClean(desk);
  await desk.context().close();

  await check.getByRole('button', { name: 'Disclose 1 document' }).click();
  const refusal = check.getByRole('alert').filter({ hasText: /^Refused: consent [0-9a-f]{8} was revoked on \d{4}-\d{2}-\d{2}, so it is no basis for a disclosure\.$/ });
  await refusal.waitFor();
  assert.ok((await refusal.innerText()).includes(consentId.slice(0, 8)), 'the refusal names the consent');
  // No consent is in force any more: none is offered.
  await page.getByText('No consent of this person is in force.').waitFor();

  // A court document to a court on a court order: the case reference is asked for first.
  await check.getByRole('button', { name: 'Change' }).click();
  await fillDisclosure(page, { documentTitle: rulingTitle, kind: 'Court', name: 'Astana city court', purpose: 'Hearing of the appeal' });
  await tick(page.getByRole('radiogroup', { name: 'Legal basis' }), 'radio', 'Court order');
  await page.getByLabel('Court order reference').fill('2-77/2026');
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: 'Enter the case reference: a court needs it' }).waitFor();
  await page.getByLabel('Case reference').fill('2-77/2026');
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await check.getByText('They are put into one court bundle (PDF)').waitFor();
  await check.getByRole('button', { name: 'Disclose 1 document' }).click();
  await done.getByText('Download the court bundle').waitFor();
  const secondId = (await done.getByTestId('disclosure-id').innerText()).replace('Disclosure ', '').trim();
  assert.notEqual(secondId, firstId);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'disclose-done', 'focus moves to the result');
  const bundle = await save(page, () => done.getByTestId('package-link').click(), `disclosure-${secondId}.pdf`);
  assert.equal(bundle.bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF bundle');
  await axeCheck(page, 'disclosure made');
  assert.deepEqual(await missingMessages(page), []);

  // The accounting on the person's page lists exactly the two disclosures, as the API does; its PDF downloads.
  await page.getByRole('link', { name: `Back to ${person}` }).click();
  await page.getByRole('heading', { name: person }).waitFor();
  const accounting = page.getByTestId('accounting');
  await accounting.getByTestId('accounting-count').filter({ hasText: '2 disclosures' }).waitFor();
  const rows = accounting.locator('tr[data-disclosure]');
  assert.deepEqual(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-disclosure'))), [secondId, firstId], 'newest first');
  const court = accounting.locator(`tr[data-disclosure="${secondId}"]`);
  await court.getByText('Court: Astana city court').waitFor();
  await court.getByText('court order 2-77/2026').waitFor();
  await court.getByText('Court bundle (PDF)').waitFor();
  const toGuardian = accounting.locator(`tr[data-disclosure="${firstId}"]`);
  await toGuardian.getByText(`Guardian: ${guardian}`).waitFor();
  await toGuardian.getByText(new RegExp(`Identity document ${passportId.slice(0, 8)}, version 1`)).waitFor();
  const api = await apiCall(law, 'GET', `/subjects/${subjectId}/disclosures`);
  assert.equal(api.status, 200, JSON.stringify(api.body));
  assert.deepEqual(api.body.items.map((d) => d.id), [secondId, firstId]);
  assert.deepEqual(api.body.items.map((d) => [d.recipientKind, d.basisKind, d.packageKind, d.items.map((i) => i.documentId)]),
    [['COURT', 'COURT_ORDER', 'COURT_BUNDLE', [rulingId]], ['GUARDIAN', 'CONSENT', 'ZIP', [passportId]]]);
  // The package hash shown is the recorded one.
  await court.getByText(api.body.items[0].packageSha256.slice(0, 8)).waitFor();
  const pdf = await save(page, () => accounting.getByRole('button', { name: 'Download accounting (PDF)' }).click(), `disclosures-${subjectId}.pdf`);
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  await page.locator(`li.consent[data-consent="${consentId}"][data-state="REVOKED"]`).waitFor();
  await axeCheck(page, 'subject page with the accounting');
  await accounting.scrollIntoViewIfNeeded();
  await shot(page, 'accounting');

  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await page.context().close();
});
