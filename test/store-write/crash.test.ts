// Issue 5: a meeting must survive the laptop dying mid-save. A child process adds decisions to a meeting
// file, saving after each and reporting each saved id; it is killed with SIGKILL at random moments. After
// every kill the file must parse and hold every decision the child reported as saved.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTempFileName, removeStaleTempFiles, restoreAsideFiles } from '../../src/store/atomic-write.js';
import { MeetingDocument } from '../../src/store/meeting-document.js';
import { listMeetingFiles } from '../../src/store/meetings-dir.js';
import { distUrl, ensureDist } from './dist.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.mjs');
const KILLS = 200;
const LANES = 2; // two children at a time (two cores)
const KILLS_PER_FILE = 10; // each file is resumed by several children before a fresh one starts
// Issue 9 (15): the test is bounded by its count of kills, not by the clock. Each kill costs a node start-up
// (0.1 s idle, over 2 s on a machine busy with other work), so the limit allows 8 s a kill per lane: it is
// there only to stop a test that hangs, never to judge speed.
const SECONDS_PER_KILL_AT_WORST = 8;
const TEST_TIMEOUT_MS = ((KILLS / LANES) * SECONDS_PER_KILL_AT_WORST + 60) * 1000;

let dir: string;
beforeAll(() => {
  ensureDist();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-crash-'));
}, 180_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// deterministic delays, so a failing run can be told apart from a flaky one by its iteration
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Run {
  saved: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * One child on `file`, killed `delayMs` after it has reported `afterSaves` saves (0: after it says it is
 * ready). Counting saves rather than only waiting keeps the test meaningful on a busy machine, where a
 * child may get no save done in 30 ms (issue 9, 15); the random delay still puts the kill anywhere.
 */
function runOnce(file: string, afterSaves: number, delayMs: number, seed: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, distUrl('store/meeting-document'), file, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // a child that never gets ready is killed too (and counted as a failure below), so no run can hang
    const notReady = setTimeout(() => {
      stderr += `not ready after ${SECONDS_PER_KILL_AT_WORST * 4} s`;
      child.kill('SIGKILL');
    }, SECONDS_PER_KILL_AT_WORST * 4000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const savesSoFar = out.split('\nsaved ').length - 1;
      if (timer === undefined && out.includes('ready\n') && savesSoFar >= afterSaves) {
        clearTimeout(notReady);
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // 'close': the pipes are drained, so every line the child wrote before dying is in `out`
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(notReady);
      const saved = out
        .split('\n')
        .slice(0, -1) // only complete lines
        .filter((l) => l.startsWith('saved '))
        .map((l) => l.slice('saved '.length));
      resolve({ saved, signal, stderr });
    });
  });
}

interface LaneResult {
  kills: number;
  reported: number;
  failures: string[];
  files: string[];
}

async function lane(index: number, iterations: number): Promise<LaneResult> {
  const random = lcg(1000 + index);
  const result: LaneResult = { kills: 0, reported: 0, failures: [], files: [] };
  let file = '';
  let everSaved = new Set<string>();
  for (let i = 0; i < iterations; i++) {
    if (i % KILLS_PER_FILE === 0) {
      file = path.join(dir, `lane${index}-${String(i).padStart(3, '0')}.yaml`);
      result.files.push(file);
      everSaved = new Set();
    }
    const afterSaves = Math.floor(random() * 4);
    const delay = 1 + Math.floor(random() * 30);
    const run = await runOnce(file, afterSaves, delay, 1 + Math.floor(random() * 1e9));
    const where = `lane ${index} iteration ${i} (after ${afterSaves} saves and ${delay} ms)`;
    if (run.signal === 'SIGKILL') result.kills++;
    else result.failures.push(`${where}: child ended without being killed (${run.signal}) ${run.stderr}`);
    if (run.stderr) result.failures.push(`${where}: child wrote to stderr: ${run.stderr}`);
    for (const id of run.saved) everSaved.add(id);
    result.reported += run.saved.length;

    // what the next open does first: a kill during the compare-and-swap of a save (issue 9) leaves the
    // file beside its name for a moment; it is put back
    restoreAsideFiles(dir);
    const text = fs.readFileSync(file, 'utf8'); // the child creates it before saying ready
    const yamlDoc = parseDocument(text);
    if (yamlDoc.errors.length > 0) {
      result.failures.push(`${where}: file does not parse: ${yamlDoc.errors[0]?.message}`);
      continue;
    }
    let ids: string[];
    try {
      ids = MeetingDocument.fromText(text, file).decisionIds();
    } catch (error) {
      result.failures.push(`${where}: not a meeting file: ${String(error)}`);
      continue;
    }
    const present = new Set(ids);
    if (present.size !== ids.length) result.failures.push(`${where}: duplicate decision ids`);
    const missing = [...everSaved].filter((id) => !present.has(id));
    if (missing.length > 0)
      result.failures.push(`${where}: reported as saved but missing: ${missing.join(', ')}`);
  }
  return result;
}

describe('killing the recorder at random moments (issue 5)', () => {
  it(
    `never loses a saved decision nor leaves a broken file (${KILLS} kills)`,
    async () => {
      const results = await Promise.all(
        Array.from({ length: LANES }, (_, i) => lane(i, Math.ceil(KILLS / LANES))),
      );
      const failures = results.flatMap((r) => r.failures);
      expect(failures).toEqual([]);
      const kills = results.reduce((n, r) => n + r.kills, 0);
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      // the children did get work done between kills (otherwise the test proves nothing)
      const reported = results.reduce((n, r) => n + r.reported, 0);
      expect(reported).toBeGreaterThan(KILLS / 4);

      // temp files a killed save left behind are hidden from the folder listing and can be cleaned up
      const files = results.flatMap((r) => r.files).sort();
      expect(listMeetingFiles(dir)).toEqual(files);
      for (const file of files) removeStaleTempFiles(file);
      expect(fs.readdirSync(dir).filter(isTempFileName)).toEqual([]);
      expect(fs.readdirSync(dir).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    },
    TEST_TIMEOUT_MS,
  );
});
