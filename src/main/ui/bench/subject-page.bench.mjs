// Benchmark (not a test: timings are reported, never asserted, because this machine is shared and
// noisy): how long the subject page takes to become interactive after navigation with 1,000
// subjects in the centre (budget 1.5 s), next to the list page. Creates the subjects through the API
// (if the centre has fewer), then times in Chromium. Run against a development vault:
//   cd src/main/ui && VAULT_URL=http://localhost:8080 node --test bench/subject-page.bench.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, SHOTS, launch, newPage, devSignIn, apiToken } from '../e2e/helpers.mjs';

const CENTRE = process.env.PERF_CENTRE ?? 'AKM-01';
const COUNT = Number(process.env.PERF_SUBJECTS ?? 1000);
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function ensureSubjects(token) {
  const have = (await (await fetch(`${BASE}/api/subjects?centre=${CENTRE}&limit=1`, { headers: { Authorization: `Bearer ${token}` } })).json()).total;
  let next = have;
  const started = Date.now();
  const worker = async () => {
    while (next < COUNT) {
      const i = next++;
      const res = await fetch(`${BASE}/api/subjects`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ centre: CENTRE, sex: i % 2 ? 'M' : 'F', fullName: `Perf Person ${i}`, birthYearBand: '2010-2014', legalStatus: 'NONE' }),
      });
      assert.equal(res.status, 201, await res.text());
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return { had: have, seconds: (Date.now() - started) / 1000 };
}

test(`subject page time to interactive with ${COUNT} subjects in the centre`, async () => {
  const token = await apiToken('perf-setup', ['LAWYER'], [CENTRE]);
  const setup = await ensureSubjects(token);
  console.log(`perf: ${COUNT} subjects in ${CENTRE} (had ${setup.had}; created the rest in ${setup.seconds.toFixed(1)} s)`);

  const page = await newPage(browser);
  await devSignIn(page, 'perf-lawyer', ['Lawyer'], CENTRE);
  const times = [];
  for (let round = 0; round < 5; round++) {
    await page.getByRole('link', { name: 'People' }).click();
    const first = page.locator('table.table tbody tr td a').nth(round);
    await first.waitFor();
    const name = await first.innerText();
    // From the click (navigation) to the page answering input: heading, facts, documents and the
    // stage action rendered and enabled.
    const t0 = await page.evaluate(() => performance.now());
    await first.click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: /Move to/ }).and(page.locator(':not([disabled])')).waitFor();
    // The documents section has answered (empty or not).
    await page.locator('section[aria-labelledby="docs-title"] .loading').waitFor({ state: 'detached' });
    const t1 = await page.evaluate(() => performance.now());
    times.push(Math.round(t1 - t0));
  }
  // And a full load of the list (page 1 of 1,000), signed in.
  const l0 = await page.evaluate(() => performance.now());
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByText(`${COUNT.toLocaleString('en')} people`).waitFor();
  const listMs = Math.round((await page.evaluate(() => performance.now())) - l0);
  times.sort((a, b) => a - b);
  const result = { centre: CENTRE, subjects: COUNT, subjectPageMs: times, medianMs: times[2], maxMs: times[4], listPageMs: listMs };
  writeFileSync(join(SHOTS, 'budget-subject-page.json'), JSON.stringify(result, null, 1));
  console.log(`perf: subject page interactive in ${times.join(', ')} ms (median ${times[2]}, budget 1500); list ${listMs} ms`);
  await page.context().close();
});
