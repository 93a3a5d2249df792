// Sign-in through a real Keycloak: KeycloakIT starts Keycloak with config/keycloak/zhusan-realm.json and
// a vault instance that trusts it and offers it to the web app (VAULT_UI_OIDC_AUTHORITY), then runs
// this file with VAULT_URL, KEYCLOAK_URL and SUBJECT_ID (a person of centre AST-01) set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, go, choose, shot, dropFiles, uploadItem } from '../e2e/helpers.mjs';
import { pdfWithText } from '../e2e/fixtures.mjs';

const KEYCLOAK = process.env.KEYCLOAK_URL;
const SUBJECT = process.env.SUBJECT_ID;
let browser;

before(async () => {
  assert.ok(KEYCLOAK && SUBJECT, 'KEYCLOAK_URL and SUBJECT_ID are set by KeycloakIT');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Keycloak's own login page: user name, password, sign in. */
async function keycloakLogin(page, user, password) {
  await page.waitForURL((u) => u.href.startsWith(KEYCLOAK));
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

test('a lawyer signs in through Keycloak, files a document, signs out, and is asked for the password again', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
  await keycloakLogin(page, 'lawyer.ast', 'dev-only-lawyer.ast');

  // Back in the vault's app with a Keycloak token in memory: the vault names her by her user name.
  await page.getByTestId('who').filter({ hasText: 'lawyer.ast' }).waitFor();
  assert.ok(!page.url().includes('code='), 'the authorization code does not stay in the address bar');
  await shot(page, 'keycloak-signed-in');

  await go(page, `/subjects/${SUBJECT}`);
  await choose(page, 'Document type', 'Court document');
  const name = `keycloak-ruling-${Date.now().toString(36)}.pdf`;
  await dropFiles(page, '.dropzone', [
    { name, type: 'application/pdf', buffer: pdfWithText(['Ruling filed after signing in through Keycloak']) },
  ]);
  const item = await uploadItem(page, name);
  await item.and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
  await item.getByText('Filed').waitFor();

  // Signing out ends the Keycloak session too (RP-initiated logout) and comes back to the app.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.href.startsWith(BASE) && !u.href.startsWith(KEYCLOAK));
  await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
  await page.waitForURL((u) => u.href.startsWith(KEYCLOAK));
  await page.locator('#password').waitFor();
  assert.equal(await page.locator('#username').inputValue(), '', 'a new visit asks for the user name and password again');
});
