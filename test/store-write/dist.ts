// Child processes in these tests run the built JavaScript in dist/ (there is no TypeScript loader at run
// time). `npm test` builds first; when vitest is run alone and dist/ is missing or older than the
// sources the children need, build it once (serialised between test files by a lock folder).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const NEEDED = [
  'store/meeting-document',
  'store/atomic-write',
  'store/lock',
  'domain/normalize',
  'domain/dates',
  'domain/types',
  'text/sanitize',
  'app/meeting/recorder',
];

function stale(): boolean {
  return NEEDED.some((m) => {
    const js = path.join(ROOT, 'dist', `${m}.js`);
    const ts = path.join(ROOT, 'src', `${m}.ts`);
    if (!fs.existsSync(js)) return true;
    return fs.statSync(ts).mtimeMs > fs.statSync(js).mtimeMs;
  });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Make sure dist/ holds current builds of the modules the child scripts import. */
export function ensureDist(): void {
  if (!stale()) return;
  const lockDir = path.join(os.tmpdir(), `diaodu-build-${Buffer.from(ROOT).toString('hex').slice(-24)}`);
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      if (waited > 120_000) throw new Error('等待构建超时');
      sleep(100);
    }
  }
  try {
    if (!stale()) return;
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
      // tsc builds incrementally and leaves a file alone when its output did not change (a source only
      // reformatted or touched): after a clean build every output is current, so say so by its time
      const now = new Date();
      for (const m of NEEDED) {
        const js = path.join(ROOT, 'dist', `${m}.js`);
        if (fs.existsSync(js)) fs.utimesSync(js, now, now);
      }
    } catch {
      // type errors elsewhere in the project still emit JavaScript; check what we need below
    }
    if (stale()) throw new Error('dist/ 构建失败：缺少子进程所需的模块');
  } finally {
    fs.rmdirSync(lockDir);
  }
}

export function distUrl(module: string): string {
  return new URL(`file://${path.join(ROOT, 'dist', `${module}.js`)}`).href;
}
