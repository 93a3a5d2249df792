// Shared browser plumbing for the journeys: Debian's Chromium through playwright-core (no browser
// download), dev sign-in, CSP-violation and missing-translation checks, screenshots, axe-core.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { pdfWithText } from './fixtures.mjs';

export const BASE = process.env.VAULT_URL ?? 'http://localhost:18080';
export const SHOTS = process.env.SCREENSHOT_DIR ?? join(process.cwd(), '../../../target/webapp-screenshots');
mkdirSync(SHOTS, { recursive: true });

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    // Playwright gives every launch a fresh, empty user-data-dir of its own.
  });
}

/** A fresh page at 1280×800 in English that records CSP violations and page errors. */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: opts.locale ?? 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to/i.test(text)) page.problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.setDefaultTimeout(30_000);
  return page;
}

export function assertClean(page) {
  assert.deepEqual(page.problems, [], 'no CSP violations or page errors');
}

export async function missingMessages(page) {
  return page.evaluate(() => window.__zhusanMissingMessages ?? []);
}

/** Development sign-in through the page itself: user, roles (by their English labels), centres. */
export async function devSignIn(page, user, roleLabels, centres, path = '/') {
  // The token lives in page memory only: a full load (goto) always starts at the sign-in page, which
  // then shows the page asked for.
  await page.goto(`${BASE}${path.replace(BASE, '')}`);
  await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
  await page.getByLabel('User name').fill(user);
  for (const r of roleLabels) await page.getByText(r, { exact: true }).click();
  await page.getByLabel('Centres').fill(centres);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('who').filter({ hasText: user }).waitFor();
}

/** Client-side navigation (keeps the in-memory session, as following a link does). */
export async function go(page, url) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url.replace(BASE, ''));
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** Picks an option of a React Aria Select by the select's label and the option's text. */
export async function choose(page, label, option) {
  await page.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `webapp-${name}.png`), fullPage: false });
}

/** axe-core on the current page: no serious or critical violations (WCAG 2.1 A/AA rules). */
export async function axeCheck(page, where) {
  await page.locator('.loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
  // Injected through the DevTools protocol (not an inline script or eval), so the page's CSP stays strict.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => `${n.html} ${n.failureSummary}`) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe on ${where}: ${JSON.stringify(bad)}`);
  return result;
}

/** A development token straight from the API (for setting up data, not for the journeys). */
export async function apiToken(user, roles, centres) {
  const res = await fetch(`${BASE}/api/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, roles, centres }) });
  assert.equal(res.status, 200);
  return (await res.json()).accessToken;
}

/** Drops files onto an element as a person dragging them from the desktop would. */
export async function dropFiles(page, selector, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.buffer.toString('base64') }));
  const dt = await page.evaluateHandle((fs) => {
    // A DataTransfer built by script has no file-system entries (webkitGetAsEntry() gives null, which
    // React Aria reads to tell files from folders); a real drag has them. Give the synthetic items one.
    const original = DataTransferItem.prototype.webkitGetAsEntry;
    DataTransferItem.prototype.webkitGetAsEntry = function () {
      return original.call(this) ?? (this.kind === 'file' ? { isFile: true, isDirectory: false } : null);
    };
    const d = new DataTransfer();
    for (const f of fs) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      d.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return d;
  }, payload);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

/** The upload list's entry for a file. */
export async function uploadItem(page, name) {
  return page.locator(`li.upload-item[data-file="${name}"]`);
}

export function unique(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export { dirname };

/** Calls the public REST API with a bearer token; the body is parsed as JSON where it is JSON. */
export async function apiCall(token, method, path, body) {
  const res = await fetch(`${BASE}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}) },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}

/** Files a one-page PDF saying `text` as a document of the person, through the API; returns its id. */
export async function filePdf(token, subjectId, type, title, text, fileName) {
  const form = new FormData();
  form.append('type', type);
  form.append('title', title);
  form.append('purpose', 'LEGAL_PROCEEDING');
  form.append('file', new Blob([pdfWithText([text])], { type: 'application/pdf' }), fileName);
  const doc = await apiCall(token, 'POST', `/subjects/${subjectId}/documents`, form);
  assert.equal(doc.status, 201, JSON.stringify(doc.body));
  return doc.body.id;
}
