// The Word bulletin of a large register, run as the built program (dist/cli.js) with a small heap:
// the docx library built an object for every cell of the 附件 and the whole document.xml as one
// string, so 10,000 projects took 1.6 GB and 100,000 died with "heap out of memory" (exit 134, a
// stack trace). With the 附件's rows streamed into the package (src/briefing/docx-stream.ts),
// 3,000 projects fit a 128 MB heap, which the old export ran out of (it needed ~190 MB).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/briefing/zip.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const generate = path.join(root, 'bench', 'generate.js');
const PROJECTS = 3000;

let tmp: string;
let data: { registerPath: string; meetingsDir: string };

beforeAll(() => {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-docx-scale-'));
  const made = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { writeBenchData } = await import(${JSON.stringify(new URL(`file://${generate}`).href)});
       process.stdout.write(JSON.stringify(writeBenchData(${JSON.stringify(tmp)}, ${PROJECTS})));`,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(made.stderr);
  data = JSON.parse(made.stdout) as typeof data;
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Word bulletin at scale', () => {
  it(`writes ${PROJECTS.toLocaleString('en')} projects within a 128 MB heap, every project in the 附件`, () => {
    const out = path.join(tmp, '通报.docx');
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=128',
        cli,
        'bulletin',
        data.registerPath,
        '--meetings',
        data.meetingsDir,
        '--out',
        out,
      ],
      { encoding: 'utf8', env: { ...process.env, DIAODU_DEBUG: '', DIAODU_NO_CACHE: '1' } },
    );
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('已写入');
    const entry = readZip(fs.readFileSync(out)).find((e) => e.name === 'word/document.xml');
    const xml = zlib
      .inflateRawSync(entry?.raw ?? Buffer.alloc(0))
      .toString('utf8')
      .replaceAll('\u2060', ''); // without word joiners
    for (const id of ['BM-00001', 'BM-01500', `BM-0${PROJECTS}`]) expect(xml).toContain(`>${id}<`);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
  }, 120_000);
});
