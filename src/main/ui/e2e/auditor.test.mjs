// Journeys of the auditor's and the administrator's pages in headless Chromium against a running vault
// (VAULT_URL). Run by WebAppJourneysIT (mvn verify) or by hand: `node --test e2e/auditor.test.mjs`.
// Auditors and administrators never see content or names: every page's text is searched for the seeded name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { BASE, launch, newPage, assertClean, missingMessages, devSignIn, shot, axeCheck, unique, go, apiToken } from './helpers.mjs';

let browser;
const run = unique('a');
const person = `Saule Auditova ${run}`;
const psychologist = `psy-${run}`;
const lawyer = `lawyer-${run}`;
const auditor = `auditor-${run}`;
const admin = `admin-${run}`;
const justification = `Court hearing moved to this morning ${run}, the evaluation is needed now.`;
let subjectId;
let documentId;

async function call(token, method, path, body, headers = {}) {
  const res = await fetch(`${BASE}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) : undefined };
}

before(async () => {
  browser = await launch();
  // Accesses made through the API: a psychologist registers a person and files an evaluation, a lawyer
  // reads the person and opens the evaluation in an emergency (break-glass), then reads it.
  const psy = await apiToken(psychologist, ['PSYCHOLOGIST'], ['AST-01']);
  const created = await call(psy, 'POST', '/subjects', { centre: 'AST-01', sex: 'F', fullName: person, arrivalDate: '2026-01-15', legalStatus: 'NONE' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  subjectId = created.body.id;
  const form = new FormData();
  form.append('type', 'PSYCH_EVALUATION');
  form.append('title', `Evaluation ${run}`);
  form.append('purpose', 'ASSESSMENT');
  form.append('file', new Blob([`Evaluation of ${person}: calm and cooperative.`], { type: 'text/plain' }), `evaluation-${run}.txt`);
  const doc = await call(psy, 'POST', `/subjects/${subjectId}/documents`, form);
  assert.equal(doc.status, 201, JSON.stringify(doc.body));
  documentId = doc.body.id;
  const law = await apiToken(lawyer, ['LAWYER'], ['AST-01']);
  assert.equal((await call(law, 'GET', `/subjects/${subjectId}`)).status, 200);
  const bg = await call(law, 'POST', `/documents/${documentId}/break-glass`, { justification });
  assert.equal(bg.status, 201, JSON.stringify(bg.body));
  const read = await call(law, 'GET', `/documents/${documentId}/versions/1/content`, undefined, { 'X-Purpose-Of-Use': 'EMERGENCY' });
  assert.equal(read.status, 200, JSON.stringify(read.body));
});
after(async () => {
  await browser?.close();
});

async function noNames(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!text.includes(person), `${where}: the page shows the person's name`);
  assert.ok(!text.includes('calm and cooperative'), `${where}: the page shows document content`);
}

test('an auditor filters the log to one person, opens an entry, the timeline, reviews the break-glass session and verifies the log', async () => {
  const page = await newPage(browser);
  await devSignIn(page, auditor, ['Auditor'], 'AST-01');
  await page.getByRole('heading', { name: 'Access log', level: 1 }).waitFor();
  await page.getByTestId('entries').waitFor();
  await axeCheck(page, 'access log');
  await noNames(page, 'access log');

  // Filter to the person: exactly the entries the API returns for that filter.
  const token = await apiToken(`check-${run}`, ['AUDITOR'], ['AST-01']);
  const expected = (await call(token, 'GET', `/audit/entries?subject=${subjectId}&limit=500`)).body;
  assert.ok(expected.total >= 2, `at least the registration and the lawyer's read: ${expected.total}`);
  await page.getByLabel('Person (subject id)').fill(subjectId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const count = expected.total === 1 ? '1 entry' : `${expected.total} entries`;
  await page.getByTestId('entry-count').filter({ hasText: new RegExp(`^${count}$`) }).waitFor();
  const rows = page.getByTestId('entries').locator('tbody tr');
  assert.equal(await rows.count(), Math.min(25, expected.total));
  const shown = await rows.locator('td:first-child').allInnerTexts();
  assert.deepEqual(shown.map(Number), expected.items.slice(0, 25).map((e) => e.sequence));
  await shot(page, 'auditor-log');

  // An entry's full detail.
  const first = expected.items[0];
  await page.getByRole('button', { name: `Details of entry ${first.sequence}` }).click();
  const detail = page.getByTestId('entry-detail');
  await detail.waitFor();
  for (const label of ['Rule', 'Reason', 'Purpose of use', 'Justification', 'Request id', 'Client address']) {
    await detail.getByText(label, { exact: true }).waitFor();
  }
  await detail.getByText(first.requestId ?? '—').first().waitFor();
  await axeCheck(page, 'access log (entry detail)');
  await noNames(page, 'entry detail');
  await shot(page, 'auditor-entry');

  // The per-subject timeline from the entry.
  await detail.getByRole('link', { name: new RegExp(`^Person ${subjectId.slice(0, 8)}`) }).click();
  await page.getByRole('heading', { name: `Who accessed person ${subjectId.slice(0, 8)}` }).waitFor();
  await page.getByTestId('timeline-chart').waitFor();
  assert.equal(await page.getByTestId('timeline-list').locator('li').count(), expected.total);
  await axeCheck(page, 'subject timeline');
  await noNames(page, 'subject timeline');
  await shot(page, 'auditor-subject');

  // The per-user timeline, from the summary by user.
  await page.getByRole('link', { name: `${lawyer} (LAWYER)` }).click();
  await page.getByRole('heading', { name: `What ${lawyer} accessed` }).waitFor();
  await page.getByTestId('timeline-chart').waitFor();
  assert.ok(await page.getByTestId('timeline-list').locator('li.glass').count() >= 1, 'break-glass reads stand out');
  await page.getByTestId('timeline-chart').locator('rect.bar-glass').first().waitFor();
  await axeCheck(page, 'user timeline');
  await noNames(page, 'user timeline');

  // Who touched this file: the document's timeline, from a break-glass read in the lawyer's list.
  await page.getByTestId('timeline-list').locator('li.glass').first().getByRole('link', { name: `Document ${documentId.slice(0, 8)}` }).click();
  await page.getByRole('heading', { name: `Who accessed document ${documentId.slice(0, 8)}` }).waitFor();
  await page.getByTestId('timeline-chart').waitFor();
  const docEntries = (await call(token, 'GET', `/audit/entries?document=${documentId}&limit=500`)).body;
  assert.equal(await page.getByTestId('timeline-list').locator('li').count(), docEntries.total);
  assert.ok(await page.getByTestId('timeline-list').locator('li.glass').count() >= 1, 'break-glass reads of the document stand out');
  await axeCheck(page, 'document timeline');
  await noNames(page, 'document timeline');
  await shot(page, 'auditor-document');

  // The break-glass review queue.
  await page.getByRole('link', { name: 'Break-glass review' }).click();
  await page.getByRole('heading', { name: 'Break-glass review', level: 1 }).waitFor();
  const session = page.locator('article.bg-session').filter({ hasText: justification });
  await session.waitFor();
  await axeCheck(page, 'break-glass review');
  await noNames(page, 'break-glass review');
  await shot(page, 'auditor-break-glass');
  await session.getByRole('button', { name: 'Mark reviewed' }).click();
  await page.getByRole('alert').filter({ hasText: 'Write a review note' }).waitFor();
  await session.getByLabel('Review note').fill(`Checked with the court calendar ${run}: justified.`);
  await session.getByRole('button', { name: 'Mark reviewed' }).click();
  await page.getByText('Review recorded.').waitFor();
  await page.getByTestId('reviewed').getByText(`Checked with the court calendar ${run}: justified.`).waitFor();
  assert.equal(await page.locator('article.bg-session').filter({ hasText: justification }).count(), 0);
  const reviewed = (await call(token, 'GET', '/audit/break-glass?pending=false&limit=500')).body.find((s) => s.justification === justification);
  assert.equal(reviewed.reviewedBy, auditor);

  // Verification: sign a checkpoint, verify now, download the export as a Blob.
  await page.getByRole('link', { name: 'Verification' }).click();
  await page.getByRole('heading', { name: 'Verification', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Sign a checkpoint now' }).click();
  await page.getByTestId('checkpoint').waitFor();
  await page.getByRole('button', { name: 'Verify now' }).click();
  // Wait for a verdict of either kind, then require OK (a failure shows the server's words in the assertion).
  const verdict = page.getByTestId('verify-result').locator('p.success, .problem').or(page.locator('main .problem'));
  await verdict.first().waitFor({ timeout: 120_000 });
  const verdictText = await page.locator('main').innerText();
  assert.match(await page.getByTestId('verify-result').innerText(), /^OK: the log is intact/, `verify now: ${verdictText}`);
  await axeCheck(page, 'verification');
  await noNames(page, 'verification');
  await shot(page, 'auditor-verify');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export (JSON Lines)' }).click()]);
  assert.equal(download.suggestedFilename(), 'access-log.jsonl');
  assert.match(download.url(), /^blob:/, 'the export is saved from a Blob, not a URL carrying a token');
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.ok(lines.length >= expected.total, 'the export holds the log');
  assert.ok(!lines.join('\n').includes(person), 'the export never holds a name');
  await page.getByText('Saved access-log.jsonl.').waitFor();
  // The downloaded export verifies offline with the CLI and the log's public key (the example key the
  // development and test vaults sign with).
  const cli = '../../../target/zhusan-vault-cli.jar';
  if (existsSync(cli)) {
    const v = spawnSync('java', ['-jar', cli, 'verify-log', '--export', await download.path(), '--public-key', '../../../keys-example/audit-signing-ed25519.pub.pem'], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(v.status, 0, `verify-log: ${v.stdout} ${v.stderr}`);
  }

  // Auditors have no staff pages in the navigation.
  assert.equal(await page.getByRole('link', { name: 'Find a person' }).count(), 0);
  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
});

test('an administrator sees the system status, the keys and the search index; never content or names', async () => {
  const page = await newPage(browser);
  await devSignIn(page, admin, ['Administrator'], 'AST-01');
  await page.getByRole('heading', { name: 'System status', level: 1 }).waitFor();
  await page.getByTestId('status').getByText(/Migrated, version/).waitFor();
  await axeCheck(page, 'system status');
  await noNames(page, 'system status');
  await shot(page, 'admin-status');

  await page.getByRole('link', { name: 'Keys' }).click();
  await page.getByRole('heading', { name: 'Key-encryption keys', level: 1 }).waitFor();
  await page.getByTestId('kek-versions').waitFor();
  // A rotation started from the page; its progress is polled until the server reports it done.
  await page.getByRole('button', { name: 'Start a rotation' }).click();
  await page.getByTestId('rotation-state').filter({ hasText: /: DONE, \d+ rewrapped/ }).waitFor({ timeout: 120_000 });
  // A version nothing uses any more can be retired; the keystore can be reloaded (or the refusal is shown).
  const retire = page.getByRole('button', { name: /^Retire version \d+$/ });
  if (await retire.count()) {
    const name = await retire.first().getAttribute('aria-label');
    await retire.first().click();
    await page.getByRole('button', { name }).waitFor({ state: 'detached' });
  }
  await page.getByRole('button', { name: 'Reload the keystore' }).click();
  await page.getByText('Keystore reloaded.').or(page.locator('.problem')).first().waitFor();
  await axeCheck(page, 'keys');
  await noNames(page, 'keys');
  await shot(page, 'admin-keys');

  await page.getByRole('link', { name: 'Search index' }).click();
  await page.getByRole('heading', { name: 'Search index', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Start re-indexing' }).click();
  await page.getByTestId('reindex').getByText('DONE', { exact: true }).waitFor({ timeout: 120_000 });
  await axeCheck(page, 'search index');
  await noNames(page, 'search index');
  await shot(page, 'admin-search');

  // The auditor's pages are not the administrator's (verification is shared: checkpoints are ADMIN too).
  await go(page, '/audit/log');
  await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
  await noNames(page, 'not found');
  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
});
