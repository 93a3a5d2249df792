// Runs `npm ci` only when node_modules does not match package-lock.json (keeps rebuilds fast).
// The stamp holds the SHA-256 of the lock file and of package.json that the last successful
// `npm ci` installed; a missing or different stamp (or a missing node_modules) reinstalls.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const stampFile = 'node_modules/.zhusan-deps-stamp';
const digest = createHash('sha256')
  .update(readFileSync('package-lock.json'))
  .update('\0')
  .update(readFileSync('package.json'))
  .digest('hex');
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (current === digest && existsSync('node_modules/.package-lock.json')) {
  console.log('ui: node_modules up to date with package-lock.json; npm ci skipped');
} else {
  console.log('ui: npm ci (package-lock.json changed or node_modules missing)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  writeFileSync(stampFile, digest + '\n');
}
