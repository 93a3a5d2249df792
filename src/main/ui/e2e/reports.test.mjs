// Journeys of programme outcomes (issue 20) in headless Chromium against a running vault (VAULT_URL): a
// psychologist records an ideology assessment on a person (refused empty first, then corrected once); an
// analyst of the ministry sees only the Reports page (no person anywhere), opens each chart and its table
// (the same cells the API answers, suppressed ones as "<5" or "hidden" with the note), downloads the CSVs.
// Run by WebAppJourneysIT or `node --test e2e/reports.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, newPage, assertClean, missingMessages, devSignIn, choose, shot, axeCheck, unique, go, apiToken, apiCall, filePdf } from './helpers.mjs';

let browser;
const run = unique('o');
const person = `Madina Outcomova ${run}`;
const lawyer = `lawyer-${run}`;
const psychologist = `psychologist-${run}`;
const analyst = `analyst-${run}`;
const evaluationTitle = `Evaluation after the session ${run}`;
/** People of this journey's own in REINTEGRATION in AST-01: fewer than the threshold, so their cell is hidden. */
const FEW = 2;
const names = [person];
let subjectId;
let evaluationId;

before(async () => {
  browser = await launch();
  // The journey's person (cohort 2026, a woman) with an evaluation, and a few people moved to REINTEGRATION,
  // all in AST-01, through the API. Everyone here arrives in 2026: ProgrammeOutcomesIT counts exactly its
  // own generated programme at 2025-12-31.
  const law = await apiToken(lawyer, ['LAWYER'], ['AST-01']);
  const created = await apiCall(law, 'POST', '/subjects', { centre: 'AST-01', sex: 'F', fullName: person, arrivalDate: '2026-01-15', legalStatus: 'NONE' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  subjectId = created.body.id;
  const psy = await apiToken(psychologist, ['PSYCHOLOGIST'], ['AST-01']);
  evaluationId = await filePdf(psy, subjectId, 'PSYCH_EVALUATION', evaluationTitle, `Evaluation of ${run}: renounces the ideology.`, `evaluation-${run}.pdf`);
  for (let i = 0; i < FEW; i++) {
    const name = `Reintegrated Person ${run} ${i}`;
    names.push(name);
    const p = await apiCall(law, 'POST', '/subjects', { centre: 'AST-01', sex: 'M', fullName: name, arrivalDate: '2026-02-01', legalStatus: 'NONE' });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    for (const stage of ['REHABILITATION', 'REINTEGRATION']) {
      const moved = await apiCall(law, 'POST', `/subjects/${p.body.id}/stage`, { stage });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
    }
  }
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
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Ticks a React Aria radio as a person does, by its label (the input itself is visually hidden). */
async function tick(scope, name) {
  const input = scope.getByRole('radio', { name, exact: true });
  await scope.locator('label').filter({ has: scope.page().getByRole('radio', { name, exact: true }) }).click();
  for (let i = 0; i < 20 && !(await input.isChecked()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await input.isChecked(), true, `${name} is ticked`);
}

/** Picks an option of a React Aria Select (as `choose` does), also when it is the option already chosen (named "✓ …"). */
async function pick(page, label, option) {
  await page.getByRole('button', { name: new RegExp(label) }).click();
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('option', { name: new RegExp(`^(✓ )?${escaped}$`) }).click();
}

/** Every cell of an API table, row by row, as the page writes it: a number, "<k" or "hidden". */
function cellsOf(table) {
  const text = (c) => (c?.suppressed === 'PRIMARY' ? `<${table.threshold}` : c?.suppressed ? 'hidden' : c && typeof c.value === 'number' ? c.value.toLocaleString('en') : '—');
  const rows = table.rows.map((r) => [...r.cells.map(text), ...(table.rows.some((x) => x.total) ? [text(r.total)] : [])]);
  if (table.columnTotals?.length) rows.push([...table.columnTotals.map(text), ...(table.rows.some((x) => x.total) ? [text(table.total)] : [])]);
  return rows;
}

/** The table on the page: the cells of each body and foot row (the row headers left out). */
async function cellsOnPage(table) {
  return table.locator('tbody tr, tfoot tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
}

function suppressedIn(table) {
  const all = [...table.rows.flatMap((r) => [...r.cells, r.total]), ...(table.columnTotals ?? []), table.total];
  return all.filter((c) => c?.suppressed).length;
}

/** No person of this journey is named on the page. */
async function namesNobody(page) {
  const text = await page.locator('body').innerText();
  for (const n of names) assert.equal(text.includes(n), false, `${n} is not shown`);
}

test('outcomes: a psychologist records an ideology assessment on a person, refused empty first, then corrects it', async () => {
  const page = await newPage(browser);
  await devSignIn(page, psychologist, ['Psychologist'], 'AST-01', `/subjects/${subjectId}`);
  await page.getByRole('heading', { name: person }).waitFor();
  const section = page.getByTestId('outcomes');
  await section.getByRole('heading', { name: 'Outcomes', exact: true }).waitFor();
  await section.getByText('No outcome has been recorded for this person.').waitFor();

  // Nothing chosen: the error summary names the outcome; its link focuses the field.
  await section.getByRole('button', { name: 'Record the outcome' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Choose the outcome' }).waitFor();

  // Renounced the ideology: partly, observed today, supported by the evaluation.
  await choose(page, 'Outcome', 'Renounced the ideology (assessment)');
  await tick(section, 'Partly');
  await section.getByRole('button', { name: /Supporting document/ }).click();
  await page.getByRole('option', { name: new RegExp(evaluationTitle) }).click();
  await section.getByRole('button', { name: 'Record the outcome' }).click();
  const status = page.getByTestId('outcomes-status');
  await status.filter({ hasText: 'Recorded: Renounced the ideology (assessment) — Partly' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'outcomes-status', 'focus moves to what happened');
  const psy = await apiToken(psychologist, ['PSYCHOLOGIST'], ['AST-01']);
  const first = await apiCall(psy, 'GET', `/subjects/${subjectId}/indicators`);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual(first.body.items.map((o) => [o.kind, o.value, o.documentId]), [['IDEOLOGY_ASSESSMENT', 'PARTLY', evaluationId]]);
  const partlyId = first.body.items[0].id;

  // It was wrong: "Yes", correcting the earlier entry, which stays marked as corrected.
  await choose(page, 'Outcome', 'Renounced the ideology (assessment)');
  await tick(section, 'Yes');
  await section.getByRole('button', { name: /Does it correct an earlier entry/ }).click();
  await page.getByRole('option', { name: /^Partly, / }).click();
  await section.getByRole('button', { name: 'Record the outcome' }).click();
  await status.filter({ hasText: 'Recorded: Renounced the ideology (assessment) — Yes' }).waitFor();
  await section.locator(`tr.corrected[data-observation="${partlyId}"]`).getByText('Corrected later').waitFor();
  await section.getByText(/Corrects “Partly” of/).waitFor();
  const both = await apiCall(psy, 'GET', `/subjects/${subjectId}/indicators`);
  assert.deepEqual(both.body.items.map((o) => [o.value, o.corrects ?? null]), [['YES', partlyId], ['PARTLY', null]], 'newest first, the correction names the entry');
  await section.getByRole('link', { name: evaluationTitle }).waitFor();

  await axeCheck(page, 'subject page with outcomes');
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'subject-outcomes');
  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await page.context().close();
});

test('reports: an analyst sees only Reports, each chart with its table (suppressed cells and the note as the API answers) and downloads the CSV', async (t) => {
  const page = await newPage(browser);
  await devSignIn(page, analyst, ['Analyst'], '');
  // The analyst's home is the Reports page; the navigation offers nothing else.
  await page.getByRole('heading', { name: 'Programme outcomes' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Reports' }).waitFor();
  for (const other of ['People', 'Search', 'Shared', 'Access log', 'Disposition', 'System status']) {
    assert.equal(await nav.getByRole('link', { name: other }).count(), 0, `no ${other} in the navigation`);
  }
  await page.getByTestId('reports-scope').filter({ hasText: 'Figures for all centres.' }).waitFor();
  const token = await apiToken(analyst, ['ANALYST'], []);

  // (a) People by stage on today's date, by centre: the table is the API's, cell for cell.
  const stages = page.getByTestId('report-stages');
  const stagesTable = stages.getByTestId('table-stages');
  await stagesTable.waitFor();
  await stages.getByRole('img', { name: /^People by stage on / }).waitFor();
  const day = (await stagesTable.locator('caption').innerText()).match(/on (\d{4}-\d{2}-\d{2})/)[1];
  const apiStages = await apiCall(token, 'GET', `/reports/stages?date=${day}&groupBy=CENTRE`);
  assert.equal(apiStages.status, 200, JSON.stringify(apiStages.body));
  assert.deepEqual(await cellsOnPage(stagesTable), cellsOf(apiStages.body));
  // This journey's few people in REINTEGRATION at AST-01 (on a fresh vault, fewer than the threshold) are
  // counted; a hidden cell reads "<5" or "hidden", never a number.
  const ast = apiStages.body.rows.find((r) => r.category === 'AST-01');
  assert.ok(ast, 'AST-01 is a row');
  const reintegration = apiStages.body.columns.indexOf('REINTEGRATION');
  const cell = ast.cells[reintegration];
  assert.ok(cell.suppressed || cell.value >= FEW, JSON.stringify(ast));
  const shown = await stagesTable.locator('tr[data-category="AST-01"] td').nth(reintegration).innerText();
  assert.equal(shown, cell.suppressed === 'PRIMARY' ? `<${apiStages.body.threshold}` : cell.suppressed ? 'hidden' : String(cell.value));
  const hidden = suppressedIn(apiStages.body);
  // On the fresh vault of WebAppJourneysIT some cells are always hidden (AST-01's Reintegration); a vault
  // reused across runs may have outgrown the threshold everywhere.
  if (process.env.VAULT_IT_OWNER_DB || hidden > 0) assert.ok(hidden > 0, 'some cells are hidden');
  else t.diagnostic('PENDING: this vault hides no cell of people by stage (reused across runs); the hidden-cell checks are skipped');
  assert.equal(await stagesTable.locator('[data-suppressed]').count(), hidden);
  const note = stages.getByTestId('suppression-note');
  await note.getByText(`Counts below ${apiStages.body.threshold} are hidden`).waitFor();
  if (hidden > 0) {
    await note.getByText(new RegExp(`${apiStages.body.suppressed.primary} cells? (is|are) below`)).waitFor();
    await stages.getByTestId('legend-hidden').waitFor();
  }
  await namesNobody(page);
  await axeCheck(page, 'reports: people by stage');
  await stages.evaluate((e) => e.scrollIntoView());
  await shot(page, 'reports-stages');
  const stagesCsv = await save(page, () => stages.getByRole('button', { name: 'Download CSV' }).click(), `stages-${day}-by-centre.csv`);
  assert.ok(stagesCsv.text.includes('AST-01'), 'the CSV has the centres');
  for (const n of names) assert.equal(stagesCsv.text.includes(n), false);
  await stages.getByText(`Saved ${stagesCsv.name}.`).waitFor();

  // By sex: the rows are women and men.
  await choose(page, 'Rows by', 'Sex');
  await page.getByRole('tabpanel', { name: 'People by stage' }).getByRole('button', { name: 'Show the figures' }).click();
  await stagesTable.locator('tr[data-category="F"]').getByRole('rowheader', { name: 'Female' }).waitFor();

  // (b) Stages over time: a column per month, a row per month in the table.
  await page.getByRole('tab', { name: 'Stages over time' }).click();
  const trendPanel = page.getByRole('tabpanel', { name: 'Stages over time' });
  const trend = page.getByTestId('report-trend');
  const trendTable = trend.getByTestId('table-trend');
  await trendTable.waitFor();
  await trend.getByRole('img', { name: /^People by stage at the end of each month/ }).waitFor();
  assert.equal(await trendTable.locator('tbody tr').count(), 12);
  // More than 36 months is refused before asking.
  await trendPanel.getByLabel('From month').fill('2020-01');
  await trendPanel.getByRole('button', { name: 'Show the figures' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: 'Choose at most 36 months' }).waitFor();
  await choose(page, 'Centre', 'AST-01');
  await trendPanel.getByLabel('From month').fill('2026-01');
  await trendPanel.getByLabel('To month').fill('2026-06');
  await trendPanel.getByRole('button', { name: 'Show the figures' }).click();
  await trendTable.locator('caption').filter({ hasText: '2026-01 to 2026-06, AST-01' }).waitFor();
  assert.equal(await trendTable.locator('tbody tr').count(), 6);
  const apiTrend = await apiCall(token, 'GET', '/reports/stage-trend?from=2026-01&to=2026-06&centre=AST-01');
  assert.equal(apiTrend.status, 200, JSON.stringify(apiTrend.body));
  assert.deepEqual(await cellsOnPage(trendTable), cellsOf(apiTrend.body));
  await axeCheck(page, 'reports: stages over time');
  await trend.evaluate((e) => e.scrollIntoView());
  await shot(page, 'reports-trend');
  await save(page, () => trend.getByRole('button', { name: 'Download CSV' }).click(), 'stage-trend-2026-01-to-2026-06-AST-01.csv');

  // (c) Outcomes by cohort: the ideology assessment of women; the journey's person is one of cohort 2026's "Yes".
  await page.getByRole('tab', { name: 'Outcomes by cohort' }).click();
  const ind = page.getByTestId('report-indicators');
  // The default table first (a popover closes if the page moves under it).
  await ind.getByTestId('table-indicators').waitFor();
  await pick(page, 'Outcome', 'Renounced the ideology (assessment)');
  await pick(page, 'Sex', 'Female');
  await page.getByRole('tabpanel', { name: 'Outcomes by cohort' }).getByRole('button', { name: 'Show the figures' }).click();
  const indTable = ind.getByTestId('table-indicators');
  await indTable.locator('caption').filter({ hasText: 'women' }).waitFor();
  await ind.getByRole('img', { name: /^Renounced the ideology \(assessment\) on .*, by cohort \(year joined\), women$/ }).waitFor();
  const apiInd = await apiCall(token, 'GET', `/reports/indicators?kind=IDEOLOGY_ASSESSMENT&date=${day}&groupBy=COHORT&sex=F`);
  assert.equal(apiInd.status, 200, JSON.stringify(apiInd.body));
  assert.deepEqual(apiInd.body.columns, ['YES', 'PARTLY', 'NO', 'NOT_RECORDED']);
  assert.deepEqual(await cellsOnPage(indTable), cellsOf(apiInd.body));
  assert.deepEqual(await indTable.locator('thead th').allInnerTexts(), ['Cohort (year joined)', 'Yes', 'Partly', 'No', 'Not recorded', ...(apiInd.body.rows.some((r) => r.total) ? ['Total'] : [])]);
  const cohort = apiInd.body.rows.find((r) => r.category === '2026');
  assert.ok(cohort, 'cohort 2026 is a row');
  const yes = cohort.cells[0];
  assert.ok(yes.suppressed || yes.value >= 1, `the person counts among cohort 2026's Yes: ${JSON.stringify(cohort)}`);
  assert.equal(await indTable.locator('[data-suppressed]').count(), suppressedIn(apiInd.body));
  await ind.getByTestId('suppression-note').getByText(`Counts below ${apiInd.body.threshold} are hidden`).waitFor();
  await namesNobody(page);
  await axeCheck(page, 'reports: outcomes by cohort');
  await ind.evaluate((e) => e.scrollIntoView());
  await shot(page, 'reports-indicators');
  const indCsv = await save(page, () => ind.getByRole('button', { name: 'Download CSV' }).click(), `indicators-IDEOLOGY_ASSESSMENT-${day}-by-cohort-F.csv`);
  assert.ok(indCsv.text.length > 0);
  for (const n of names) assert.equal(indCsv.text.includes(n), false);

  // A person's address shows nothing of the person; the API refuses the analyst.
  await go(page, `/subjects/${subjectId}`);
  await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
  await namesNobody(page);
  const refused = await apiCall(token, 'GET', `/subjects/${subjectId}`);
  assert.ok([403, 404].includes(refused.status), `the analyst may not read a person: ${refused.status}`);
  await go(page, '/search');
  await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();

  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await page.context().close();
});

test('reports in Russian and Kazakh: no message missing, no English left; an auditor has no Reports', async () => {
  const page = await newPage(browser);
  await devSignIn(page, `analyst-lang-${run}`, ['Analyst'], '');
  await page.getByTestId('table-stages').waitFor();
  await choose(page, 'Language', 'Русский');
  await page.getByRole('heading', { name: 'Результаты программы' }).waitFor();
  await page.getByRole('tab', { name: 'Результаты по когортам' }).click();
  await page.getByTestId('table-indicators').waitFor();
  await page.getByTestId('suppression-note').getByText(/Числа меньше \d+ скрыты/).waitFor();
  await choose(page, 'Язык', 'Қазақша');
  await page.getByRole('heading', { name: 'Бағдарлама нәтижелері' }).waitFor();
  await page.getByTestId('suppression-note').getByText(/сандар жасырылған/).waitFor();
  const text = await page.locator('main').innerText();
  for (const english of ['People by stage', 'Outcomes by cohort', 'Download CSV', 'Not recorded', 'Counts below']) assert.equal(text.includes(english), false, english);
  await axeCheck(page, 'reports in Kazakh');
  assert.deepEqual(await missingMessages(page), []);
  assertClean(page);
  await page.context().close();

  const auditor = await newPage(browser);
  await devSignIn(auditor, `auditor-${run}`, ['Auditor'], '');
  await auditor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access log' }).waitFor();
  assert.equal(await auditor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).count(), 0);
  await go(auditor, '/reports');
  await auditor.getByRole('heading', { name: 'This page does not exist' }).waitFor();
  assertClean(auditor);
  await auditor.context().close();
});
