// Runs `vite build` only when the app's inputs changed since the last build in the same output
// directory (UI_OUT_DIR): the SHA-256 of every source file, the HTML entries, the Vite config and the
// lock file is kept beside the output. Type checking runs in `npm test` (mvn verify), not here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const out = resolve(process.env.UI_OUT_DIR ?? '../../../target/ui-dist');
const stampFile = join(out, '.build-stamp');
const inputs = ['index.html', 'silent-renew.html', 'vite.config.ts', 'package-lock.json', 'package.json', 'tsconfig.json'];
const walk = (dir) => readdirSync(dir).sort().flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const hash = createHash('sha256');
for (const f of [...inputs, ...walk('src'), ...(existsSync('public') ? walk('public') : [])]) {
  hash.update(f).update('\0').update(readFileSync(f)).update('\0');
}
const digest = hash.digest('hex');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === digest && existsSync(join(out, 'index.html'))) {
  console.log('ui: sources unchanged since the last build; vite build skipped');
} else {
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build'], { stdio: 'inherit', env: { ...process.env, UI_OUT_DIR: out } });
  writeFileSync(stampFile, digest + '\n');
}
