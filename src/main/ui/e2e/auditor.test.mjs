// Journeys of the auditor's and the administrator's pages in headless Chromium against a running vault
// (VAULT_URL). Run by WebAppJourneysIT (mvn verify) or by hand: `node --test e2e/auditor.test.mjs`.
// Auditors and administrators never see content or names: every page's text is searched for the seeded name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
const searchText = `cooperative OR hearing${run.replace(/[^a-z0-9]/gi, '')}`;
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
  // The lawyer searches; the words are recorded encrypted, and an auditor may open them (itself logged).
  const searched = await call(law, 'POST', '/search', { q: searchText });
  assert.equal(searched.status, 200, JSON.stringify(searched.body));
});
after(async () => {
  await browser?.close();
});

async function noNames(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!text.includes(person), `${where}: the page shows the person's name`);
  assert.ok(!text.includes('calm and cooperative'), `${where}: the page shows document content`);
}

const CLI = '../../../target/zhusan-vault-cli.jar';
// The test database as its owner (set by WebAppJourneysIT), for the tamper step.
const OWNER_DB = process.env.VAULT_IT_OWNER_DB;

function flipOutcome(sequence) {
  const sql = 'ALTER TABLE access_log DISABLE TRIGGER USER; '
    + `UPDATE access_log SET outcome = CASE WHEN outcome = 'ALLOWED' THEN 'DENIED' ELSE 'ALLOWED' END WHERE sequence = ${Number(sequence)}; `
    + 'ALTER TABLE access_log ENABLE TRIGGER USER;';
  const r = spawnSync('psql', [OWNER_DB, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `psql: ${r.stdout} ${r.stderr}`);
}

/** Clicks "Verify now", watches for the progress bar and waits for a verdict of either kind. */
async function verifyNow(page) {
  await page.getByRole('button', { name: 'Verify now' }).click();
  await page.getByTestId('verify-result').locator('p.success, .problem').first().waitFor({ state: 'detached' });
  const progress = page.getByTestId('verify-progress');
  const result = page.getByTestId('verify-result').locator('p.success, .problem').or(page.locator('main .problem'));
  let sawProgress = false;
  const deadline = Date.now() + 180_000;
  while (!(await result.count())) {
    // Read without waiting: the bar disappears as soon as the verdict arrives.
    for (const [now, max] of await progress.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('aria-valuenow')), Number(e.getAttribute('aria-valuemax'))]))) {
      sawProgress = true;
      assert.ok(now >= 0 && now <= max, `progress ${now} of ${max}`);
    }
    assert.ok(Date.now() < deadline, 'no verdict within 3 minutes');
    await page.waitForTimeout(50);
  }
  return { result: await page.getByTestId('verify-result').innerText(), page: await page.locator('main').innerText(), sawProgress };
}

/** Presses a download button and returns the path of the file saved (from a blob: URL, never a URL with a token). */
async function save(page, button, fileName) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  assert.equal(download.suggestedFilename(), fileName);
  assert.match(download.url(), /^blob:/, 'saved from a Blob, not a URL carrying a token');
  await page.getByText(`Saved ${fileName}.`).waitFor();
  return download.path();
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

  // A recorded search: the lawyer's search entry, opened from the log; the auditor's reading is logged.
  await page.getByRole('link', { name: 'Access log' }).click();
  await page.getByRole('heading', { name: 'Access log', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('User', { exact: true }).fill(lawyer);
  await page.getByLabel('Action', { exact: true }).fill('SEARCH');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const searches = (await call(token, 'GET', `/audit/entries?user=${lawyer}&action=SEARCH`)).body;
  assert.equal(searches.total, 1, JSON.stringify(searches));
  const searchEntry = searches.items[0];
  await page.getByTestId('entry-count').filter({ hasText: /^1 entry$/ }).waitFor();
  await page.getByRole('button', { name: `Details of entry ${searchEntry.sequence}` }).click();
  await page.getByTestId('recorded-search').getByRole('button', { name: 'Show what was searched' }).click();
  assert.equal(await page.getByTestId('query-text').innerText(), searchText);
  await page.getByText('Your reading of this query was recorded in the log.').waitFor();
  const reads = (await call(token, 'GET', `/audit/entries?user=${auditor}&targetType=QUERY&targetId=${searchEntry.targetId}`)).body;
  assert.equal(reads.total, 1, 'opening the query was recorded once');
  assert.equal(reads.items[0].action, 'LOG_READ');
  await axeCheck(page, 'access log (recorded search)');
  await noNames(page, 'recorded search');
  await shot(page, 'auditor-search-query');

  // Verification: sign a checkpoint, verify now (a server job; the page shows its progress bar, then
  // the result in words), then take away what offline verification needs: the latest checkpoint, the
  // log's public key and the export, each saved from a Blob.
  await page.getByRole('link', { name: 'Verification' }).click();
  await page.getByRole('heading', { name: 'Verification', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Sign a checkpoint now' }).click();
  await page.getByTestId('checkpoint').waitFor();
  const verdict = await verifyNow(page);
  assert.match(verdict.result, /^OK: the log is intact/, `verify now: ${verdict.page}`);
  assert.ok(verdict.sawProgress, 'the progress bar was shown while the server verified');
  await axeCheck(page, 'verification');
  await noNames(page, 'verification');
  await shot(page, 'auditor-verify');
  const key = await save(page, 'Public key', 'audit-signing-ed25519.pub.pem');
  assert.equal(readFileSync(key, 'utf8').trim(), readFileSync('../../../keys-example/audit-signing-ed25519.pub.pem', 'utf8').trim(),
    'the public key served is the key the test vault signs with');
  const checkpoint = await save(page, 'Latest checkpoint', 'last-audit-checkpoint.json');
  assert.equal(JSON.parse(readFileSync(checkpoint, 'utf8')).type, 'checkpoint');
  const exported = await save(page, 'Export (JSON Lines)', 'access-log.jsonl');
  const lines = readFileSync(exported, 'utf8').trim().split('\n');
  assert.ok(lines.length >= expected.total, 'the export holds the log');
  assert.ok(!lines.join('\n').includes(person), 'the export never holds a name');
  // The downloaded export verifies offline with the CLI, the downloaded key, and extends the checkpoint
  // downloaded before it.
  const v = spawnSync('java', ['-jar', CLI, 'verify-log', '--export', exported, '--public-key', key, '--checkpoint', checkpoint],
    { encoding: 'utf8', timeout: 120_000 });
  assert.equal(v.status, 0, `verify-log: ${v.stdout} ${v.stderr}`);
  assert.match(v.stdout, /^OK: /);

  // A database owner alters one row of the log (the lawyer's emergency read), switching the append-only
  // triggers off; "verify now" names that entry. The same flip again puts the row back exactly.
  if (OWNER_DB) {
    const reads = (await call(token, 'GET', `/audit/entries?user=${lawyer}&action=DOCUMENT_READ&breakGlass=true`)).body;
    assert.equal(reads.total, 1, JSON.stringify(reads));
    const tampered = reads.items[0].sequence;
    flipOutcome(tampered);
    try {
      const bad = await verifyNow(page);
      assert.equal(await page.getByTestId('verify-finding').getAttribute('data-kind'), 'ENTRY_ALTERED', bad.page);
      assert.ok(bad.result.includes(`An entry was altered: entry ${tampered} no longer matches`), bad.result);
      await noNames(page, 'verification (tampered)');
      await shot(page, 'auditor-verify-tampered');
    } finally {
      flipOutcome(tampered);
    }
    const again = await verifyNow(page);
    assert.match(again.result, /^OK: the log is intact/, `after restoring the row: ${again.page}`);
  } else {
    console.log('tamper step not run: VAULT_IT_OWNER_DB is not set (WebAppJourneysIT sets it)');
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

  await page.getByRole('link', { name: 'Keys', exact: true }).click();
  await page.getByRole('heading', { name: 'Key-encryption keys', level: 1 }).waitFor();
  await page.getByTestId('kek-versions').waitFor();
  // WebAppJourneysIT put a new KEK version into the keystore and made sure at least ROTATION_KEYS data
  // keys exist: reloading makes the new version primary, and the rotation rewraps every data key under
  // it. The progress bar shows what the server reports (rewrapped of total) and must move to completion.
  const minKeys = Number(process.env.VAULT_IT_ROTATION_KEYS ?? 0);
  const newKek = process.env.VAULT_IT_NEW_KEK;
  await page.getByRole('button', { name: 'Reload the keystore' }).click();
  await page.getByText('Keystore reloaded.').waitFor();
  if (newKek) {
    await page.getByTestId('kek-versions').getByRole('row').filter({ hasText: new RegExp(`^${newKek} Primary`) }).waitFor();
  } else {
    console.log('KEK rotation over many data keys not run: VAULT_IT_NEW_KEK is not set (WebAppJourneysIT sets it)');
  }
  // Samples only of the run started here (the page shows the latest run, which may be an earlier one
  // until the new run is loaded).
  const state = page.getByTestId('rotation-state');
  const bar = page.getByTestId('rotation-progress');
  const runOf = (text) => Number(((/Run ([\d,]+) to version/.exec(text) ?? [])[1] ?? '0').replace(/,/g, ''));
  const previousRun = (await state.count()) ? runOf(await state.innerText()) : 0;
  await page.getByRole('button', { name: 'Start a rotation' }).click();
  const seen = [];
  const deadline = Date.now() + 300_000;
  for (;;) {
    const text = (await state.allInnerTexts())[0] ?? '';
    if (runOf(text) > previousRun) {
      for (const [now, max] of await bar.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('aria-valuenow')), Number(e.getAttribute('aria-valuemax'))]))) {
        if (!seen.length || seen[seen.length - 1][0] !== now) seen.push([now, max]);
      }
      if (/: (DONE|FAILED), /.test(text)) break;
    }
    assert.ok(Date.now() < deadline, `rotation not done in 5 minutes: ${JSON.stringify(seen)}`);
    await page.waitForTimeout(50);
  }
  console.log(`KEK rotation: progress seen (rewrapped, total): ${JSON.stringify(seen)}`);
  assert.match(await state.innerText(), /: DONE, /, await state.innerText());
  const done = Number(await bar.getAttribute('aria-valuenow'));
  const total = Number(await bar.getAttribute('aria-valuemax'));
  assert.ok(total >= minKeys, `the rotation covered ${total} data keys, at least ${minKeys} expected`);
  assert.equal(done, total, 'the bar ends full');
  assert.ok(seen.every(([now, max], i) => i === 0 || (now >= seen[i - 1][0] && max === seen[i - 1][1])),
    `the bar only moves forward, towards a fixed total: ${JSON.stringify(seen)}`);
  if (minKeys) {
    const moving = seen.filter(([now, max]) => now > 0 && now < max);
    assert.ok(moving.length >= 1, `the bar moved through intermediate values on its way: ${JSON.stringify(seen)}`);
  }
  await page.getByText(/[\d,]+ data keys per second\./).waitFor();
  // A version nothing uses any more can be retired; the keystore can be reloaded (or the refusal is shown).
  const retire = page.getByRole('button', { name: /^Retire version \d+$/ });
  if (await retire.count()) {
    const name = await retire.first().getAttribute('aria-label');
    await retire.first().click();
    await page.getByRole('button', { name }).waitFor({ state: 'detached' });
  }
  await page.getByRole('button', { name: 'Reload the keystore' }).click();
  await page.getByText('Keystore reloaded.').or(page.locator('.problem')).first().waitFor();
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('Rotation Person'), 'no name of the rotated people');
  await axeCheck(page, 'keys');
  await noNames(page, 'keys');
  await shot(page, 'admin-keys');

  // Blind-index keys: what depends on each version; a rotation to the primary version runs to its end
  // with the server's progress (people re-keyed, then document versions re-indexed).
  await page.getByRole('link', { name: 'Blind-index keys' }).click();
  await page.getByRole('heading', { name: 'Blind-index keys', level: 1 }).waitFor();
  await page.getByTestId('bidx-versions').getByRole('row').filter({ hasText: 'Primary' }).waitFor();
  const bidxApi = (await call(await apiToken(`admin-bidx0-${run}`, ['ADMIN'], []), 'GET', '/admin/keys/blind-index')).body;
  assert.equal(await page.getByTestId('bidx-versions').locator('tbody tr').count(), bidxApi.versions.length);
  await page.getByRole('button', { name: `Rotate to version ${bidxApi.primaryVersion}` }).click();
  // The page shows the latest run, which may be an earlier one (BlindIndexRotationIT's) until the new one
  // is loaded: follow the run started here through the API to its end, then the page must say so.
  const bidxToken = await apiToken(`admin-bidx-${run}`, ['ADMIN'], []);
  let started;
  for (const until = Date.now() + 300_000; ; await page.waitForTimeout(200)) {
    started = (await call(bidxToken, 'GET', '/admin/keys/blind-index')).body.rotation;
    if (started && started.id !== bidxApi.rotation?.id && started.state !== 'RUNNING') break;
    assert.ok(Date.now() < until, `blind-index rotation not done in 5 minutes: ${JSON.stringify(started)}`);
  }
  assert.equal(started.state, 'DONE', JSON.stringify(started));
  await page.getByTestId('bidx-state').filter({ hasText: new RegExp(`^Rotation to version ${bidxApi.primaryVersion}: DONE;`) }).waitFor({ timeout: 60_000 });
  const bidxBar = page.getByTestId('bidx-progress');
  const [bidxNow, bidxMax] = [Number(await bidxBar.getAttribute('aria-valuenow')), Number(await bidxBar.getAttribute('aria-valuemax'))];
  assert.ok(bidxNow === bidxMax || (bidxNow === 0 && bidxMax === 1), `the bar ends full (or had nothing to do): ${bidxNow} of ${bidxMax}`);
  await axeCheck(page, 'blind-index keys');
  await noNames(page, 'blind-index keys');
  await shot(page, 'admin-blind-index');

  await page.getByRole('link', { name: 'Search index' }).click();
  await page.getByRole('heading', { name: 'Search index', level: 1 }).waitFor();
  // A "stale" run goes through every live version not indexed with the current token purpose and key:
  // the total the server counts when it starts must be what GET /api/search/status reported just before.
  const adminToken = await apiToken(`admin-check-${run}`, ['ADMIN'], []);
  const before = (await call(adminToken, 'GET', '/search/status')).body.index;
  const expectedTotal = before.stale + before.notIndexed + before.failed + before.missing;
  // The page shows the latest run (the blind-index rotation just started one): follow the new one.
  const previous = (await call(adminToken, 'GET', '/admin/search/reindex')).body?.id ?? 'none';
  await page.getByRole('button', { name: 'Start re-indexing' }).click();
  await page.locator(`[data-testid="reindex"]:not([data-run="${previous}"])`).getByText('DONE', { exact: true }).waitFor({ timeout: 300_000 });
  const reindexBar = page.getByTestId('reindex-progress');
  const [processed, versions] = [Number(await reindexBar.getAttribute('aria-valuenow')), Number(await reindexBar.getAttribute('aria-valuemax'))];
  assert.equal(versions, Math.max(expectedTotal, 1), JSON.stringify(before));
  assert.equal(processed, expectedTotal, 'every version it counted was processed');
  await page.getByTestId('index-counts').waitFor();
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
