// The parsed-input cache (load-cache.ts) as the loaders use it: a hit gives exactly what a fresh
// parse gives; a changed file, a corrupt or foreign entry is parsed afresh; errors are never cached.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative as relativePath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CACHE_SCHEMA,
  LoadCache,
  cacheInput,
  defaultLoadCache,
  resolveLoadCache,
} from '../../src/store/load-cache.js';
import { loadMeetingWithWarnings, loadMeetingsWithWarnings } from '../../src/store/meeting-read.js';
import { loadRegister } from '../../src/store/register-file.js';
import type { RegisterLoad } from '../../src/store/register-file.js';
import { REGISTER_HEAD, fixtureAbs, inputErrors, projectLines } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'diaodu-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh, empty cache folder and a fresh folder for input files. */
function fresh(): { cache: LoadCache; dir: string } {
  n++;
  const dir = join(tmp, `in-${n}`);
  mkdirSync(dir);
  return { cache: new LoadCache(join(tmp, `cache-${n}`)), dir };
}

function entries(cache: LoadCache): string[] {
  try {
    return readdirSync(cache.dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

const REGISTER = [
  ...REGISTER_HEAD,
  ...projectLines('P1', { name: '项目一', extra: ['planned_start: 2021/3/1'] }),
  '',
].join('\n');

describe('loadRegister with a cache', () => {
  it('a hit gives a register and warnings deep-equal to a fresh parse, from the cache', () => {
    const { cache, dir } = fresh();
    const file = join(dir, 'r.yaml');
    cpSync(fixtureAbs('registers', 'warnings.yaml'), file);
    const fresh1 = loadRegister(file, { cache: false });
    expect(fresh1.warnings.length).toBeGreaterThan(0);
    const first = loadRegister(file, { cache });
    expect(first).toEqual(fresh1);
    expect(entries(cache)).toHaveLength(1);
    const second = loadRegister(file, { cache });
    expect(second).toEqual(fresh1);
    expect(second).not.toBe(first);

    // The second load really comes from the entry: an entry stored for the same inputs is what it returns.
    const { bytes, size, mtimeMs } = { bytes: readFileSync(file), ...statSync(file) };
    const marked: RegisterLoad = structuredClone(fresh1);
    marked.register.meta.title = '来自缓存';
    cache.put('register', [cacheInput(file, bytes, size, mtimeMs)], marked);
    expect(loadRegister(file, { cache }).register.meta.title).toBe('来自缓存');
  });

  it('a folder register is cached as a whole and deep-equal to a fresh parse', () => {
    const { cache } = fresh();
    const folder = fixtureAbs('registers', 'merged');
    const plain = loadRegister(folder, { cache: false });
    expect(loadRegister(folder, { cache })).toEqual(plain);
    expect(loadRegister(folder, { cache })).toEqual(plain);
    expect(entries(cache)).toHaveLength(1);
  });

  it('re-parses a file changed with the same size and modification time', () => {
    const { cache, dir } = fresh();
    const file = join(dir, 'r.yaml');
    const when = 1_700_000_000; // whole seconds: set exactly on every file system
    writeFileSync(file, REGISTER);
    utimesSync(file, when, when);
    const before = statSync(file);
    expect(loadRegister(file, { cache }).register.projects[0]!.annualPlan).toBe(50);
    writeFileSync(file, REGISTER.replace('annual_plan: 50', 'annual_plan: 60'));
    utimesSync(file, when, when);
    const after = statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(loadRegister(file, { cache }).register.projects[0]!.annualPlan).toBe(60);
  });

  it('keeps the path as given in positions: relative and absolute paths are separate entries', () => {
    const { cache, dir } = fresh();
    const file = join(dir, 'r.yaml');
    writeFileSync(file, REGISTER);
    const relative = relativePath(process.cwd(), file);
    expect(relative).not.toBe(file);
    const a = loadRegister(file, { cache });
    const b = loadRegister(relative, { cache });
    expect(a.warnings[0]!.file).toBe(file);
    expect(b.warnings[0]!.file).toBe(relative);
    expect(loadRegister(relative, { cache })).toEqual(loadRegister(relative, { cache: false }));
  });

  it('ignores a corrupt, truncated or foreign entry and writes a good one', () => {
    const { cache, dir } = fresh();
    const file = join(dir, 'r.yaml');
    writeFileSync(file, REGISTER);
    const plain = loadRegister(file, { cache: false });
    loadRegister(file, { cache });
    const [name] = entries(cache);
    const entry = join(cache.dir, name!);
    const good = readFileSync(entry, 'utf8');
    const [header, body] = [good.slice(0, good.indexOf('\n')), good.slice(good.indexOf('\n') + 1)];
    const foreign = JSON.stringify({ ...JSON.parse(header), schema: CACHE_SCHEMA + 1 });
    for (const bad of [
      'not json at all',
      good.slice(0, good.length - 10),
      `${header}\n${body.replace('平鲁区', '平魯區')}x`,
      `${foreign}\n${body}`,
      `${header}\n${body.slice(0, -1)}]`,
      '',
    ]) {
      writeFileSync(entry, bad);
      expect(loadRegister(file, { cache })).toEqual(plain);
      expect(readFileSync(entry, 'utf8')).toBe(good);
    }
  });

  it('never caches a register with errors: every load words its errors afresh', () => {
    const { cache, dir } = fresh();
    const file = join(dir, 'r.yaml');
    writeFileSync(file, REGISTER.replace('    nature: 新建\n', ''));
    const first = inputErrors(() => loadRegister(file, { cache }));
    expect(first.map((d) => d.message).join('\n')).toMatch(/nature/);
    expect(entries(cache)).toEqual([]);
    expect(inputErrors(() => loadRegister(file, { cache }))).toEqual(first);
    expect(entries(cache)).toEqual([]);
  });

  it('works without a cache folder it can write (as if there were no cache)', () => {
    const { dir } = fresh();
    const file = join(dir, 'r.yaml');
    writeFileSync(file, REGISTER);
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const cache = new LoadCache(join(blocker, 'cache'));
    expect(loadRegister(file, { cache })).toEqual(loadRegister(file, { cache: false }));
  });
});

describe('loadMeetings with a cache', () => {
  it('a hit gives meetings and warnings deep-equal to a fresh read, one entry for the folder', () => {
    const { cache } = fresh();
    const dir = fixtureAbs('meetings', 'valid');
    const plain = loadMeetingsWithWarnings(dir, { cache: false });
    expect(loadMeetingsWithWarnings(dir, { cache })).toEqual(plain);
    expect(entries(cache)).toHaveLength(1);
    expect(loadMeetingsWithWarnings(dir, { cache })).toEqual(plain);
    const one = join(dir, '2021-11-15-周调度.yaml');
    expect(loadMeetingWithWarnings(one, { cache })).toEqual(loadMeetingWithWarnings(one, { cache: false }));
    expect(loadMeetingWithWarnings(one, { cache })).toEqual(loadMeetingWithWarnings(one, { cache: false }));
    expect(entries(cache)).toHaveLength(2);
  });

  it('reads again only the meeting file that changed, and forgets one that is gone', () => {
    const { cache, dir } = fresh();
    const meeting = (date: string, text: string) =>
      [
        'meeting:',
        `  date: ${date}`,
        '  kind: 周调度',
        'items:',
        '  - project: P1',
        '    decisions:',
        `      - {id: ${date}-01, text: ${text}, unit: 区发改局, due: 2021-12-31}`,
        '',
      ].join('\n');
    writeFileSync(join(dir, 'a.yaml'), meeting('2021-11-15', '事项一'));
    writeFileSync(join(dir, 'b.yaml'), meeting('2021-11-22', '事项二'));
    loadMeetingsWithWarnings(dir, { cache });
    const [name] = entries(cache);
    const entry = join(cache.dir, name!);
    // Mark a.yaml's stored reading: it is what the next load gives for the unchanged file.
    const text = readFileSync(entry, 'utf8');
    const [header, body] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
    const marked = body.replace('事项一', '来自缓存');
    writeFileSync(entry, `${JSON.stringify({ ...JSON.parse(header), length: marked.length })}\n${marked}`);
    writeFileSync(join(dir, 'b.yaml'), meeting('2021-11-22', '事项二改'));
    const texts = () =>
      loadMeetingsWithWarnings(dir, { cache }).meetings.map((m) => m.items[0]!.decisions[0]!.text);
    expect(texts()).toEqual(['来自缓存', '事项二改']);
    rmSync(join(dir, 'b.yaml'));
    expect(texts()).toEqual(['来自缓存']);
    expect(readFileSync(entry, 'utf8')).not.toContain('事项二');
  });

  it('keeps warnings (all of them counted) and checks across meetings on every load', () => {
    const { cache, dir } = fresh();
    const decisions = Array.from(
      { length: 205 },
      (_, i) => `      - {id: D${i}, text: 事项, unit: 区发改局, due: 2021-11-01}`,
    );
    const meeting = (date: string, extra: string[] = []) =>
      [
        'meeting:',
        `  date: ${date}`,
        '  kind: 周调度',
        'items:',
        '  - project: P1',
        '    decisions:',
        ...extra,
        '',
      ].join('\n');
    // 205 warnings (due before the meeting): 200 listed and a note on the other 5
    writeFileSync(join(dir, 'a.yaml'), meeting('2021-11-15', decisions));
    writeFileSync(
      join(dir, 'b.yaml'),
      meeting('2021-11-22', ['      - {id: D7, text: 重复编号, unit: 区发改局, due: 2021-12-01}']),
    );
    const plain = inputErrors(() => loadMeetingsWithWarnings(dir, { cache: false }));
    expect(plain.map((d) => d.message).join('\n')).toMatch(/D7.*重复/);
    expect(inputErrors(() => loadMeetingsWithWarnings(dir, { cache }))).toEqual(plain);
    // each file on its own is fine, so both are cached; the duplicate across them is still found
    expect(readFileSync(join(cache.dir, entries(cache)[0]!), 'utf8')).toContain('重复编号');
    expect(inputErrors(() => loadMeetingsWithWarnings(dir, { cache }))).toEqual(plain);

    rmSync(join(dir, 'b.yaml'));
    const warned = loadMeetingsWithWarnings(dir, { cache: false });
    expect(warned.warnings).toHaveLength(201);
    expect(warned.warnings[200]!.message).toContain('另有 5 条警告未列出');
    expect(loadMeetingsWithWarnings(dir, { cache })).toEqual(warned);
  });

  it('never caches a meeting file with errors', () => {
    const { cache } = fresh();
    const dir = fixtureAbs('meetings', 'errors');
    const plain = inputErrors(() => loadMeetingsWithWarnings(dir, { cache: false }));
    expect(inputErrors(() => loadMeetingsWithWarnings(dir, { cache }))).toEqual(plain);
    const stored = entries(cache)
      .map((f) => readFileSync(join(cache.dir, f), 'utf8'))
      .join('');
    // files with errors of their own (not only across meetings) are not in the entry
    const names = readdirSync(dir).map((n) => join(dir, n));
    const broken = names.filter((f) => {
      try {
        loadMeetingWithWarnings(f, { cache: false });
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.length).toBeGreaterThan(0);
    for (const file of names) expect(stored.includes(JSON.stringify(file))).toBe(!broken.includes(file));
    expect(inputErrors(() => loadMeetingsWithWarnings(dir, { cache }))).toEqual(plain);
  });
});

describe('which cache the loaders use', () => {
  it('follows DIAODU_NO_CACHE, DIAODU_CACHE_DIR and XDG_CACHE_HOME; off under vitest otherwise', () => {
    expect(defaultLoadCache({ DIAODU_NO_CACHE: '1', DIAODU_CACHE_DIR: '/x' })).toBeUndefined();
    expect(defaultLoadCache({ DIAODU_NO_CACHE: '0', DIAODU_CACHE_DIR: '/x' })?.dir).toBe('/x');
    expect(defaultLoadCache({ DIAODU_CACHE_DIR: '/x', VITEST: 'true' })?.dir).toBe('/x');
    expect(defaultLoadCache({ VITEST: 'true', XDG_CACHE_HOME: '/c' })).toBeUndefined();
    if (process.platform !== 'win32') {
      expect(defaultLoadCache({ XDG_CACHE_HOME: '/c' })?.dir).toBe(join('/c', 'diaodu'));
    }
    expect(resolveLoadCache(false)).toBeUndefined();
    const mine = new LoadCache(tmp);
    expect(resolveLoadCache(mine)).toBe(mine);
  });
});

describe('the cache is bounded on disk (issue 9)', () => {
  const input = (i: number) => cacheInput(`f${i}.yaml`, Buffer.from(String(i)), 1, 1);
  const bytesOnDisk = (cache: LoadCache) =>
    entries(cache).reduce((sum, f) => sum + statSync(join(cache.dir, f)).size, 0);

  it('an entry over the per-entry cap is neither written nor read', () => {
    const { cache } = fresh();
    const big = new LoadCache(cache.dir, { maxEntryBytes: 10_000 });
    big.put('register', [input(1)], { text: '项'.repeat(4000) }); // 12,000 bytes of UTF-8
    expect(entries(big)).toEqual([]);
    // written by a cache with a larger cap, then not read back by one with a small cap
    new LoadCache(cache.dir).put('register', [input(1)], { text: '项'.repeat(4000) });
    expect(entries(big)).toHaveLength(1);
    expect(big.get('register', [input(1)])).toBeUndefined();
    expect(new LoadCache(cache.dir).get('register', [input(1)])).toEqual({ text: '项'.repeat(4000) });
  });

  it('past the total cap the oldest entries go, the newest stays', () => {
    const { cache: plain } = fresh();
    const cache = new LoadCache(plain.dir, { maxTotalBytes: 20_000 });
    for (let i = 0; i < 8; i++) {
      cache.put('register', [input(i)], { text: 'x'.repeat(5000) });
      // distinct modification times, oldest first
      const written = cache.entryPath('register', [input(i)]);
      utimesSync(written, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    expect(bytesOnDisk(cache)).toBeLessThanOrEqual(20_000);
    expect(entries(cache).length).toBeGreaterThanOrEqual(3);
    expect(cache.get('register', [input(7)])).toEqual({ text: 'x'.repeat(5000) });
    expect(cache.get('register', [input(0)])).toBeUndefined();
  });
});
