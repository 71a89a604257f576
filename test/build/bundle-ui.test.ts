// The UI bundle's patch to Ink (scripts/bundle-ui.mjs): Ink's Output keeps its line and width
// caches across frames, bounded, and the build refuses an Ink whose source no longer matches.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fc from 'fast-check';
import * as ansiTokenize from '@alcalzone/ansi-tokenize';
import {
  OUTPUT_CACHE_LIMITS,
  bundleOptions,
  patchInkOutput,
  patchStringWidth,
  patchStyledChars,
} from '../../scripts/bundle-ui.mjs';

// Ink is a direct dependency, installed at the top of node_modules
const inkOutputPath = fileURLToPath(new URL('../../node_modules/ink/build/output.js', import.meta.url));

interface OutputCachesLike {
  styledChars: Map<string, unknown>;
  widths: Map<string, number>;
}
interface OutputLike {
  caches: OutputCachesLike;
  write(x: number, y: number, text: string, options: { transformers: unknown[] }): void;
  get(): { output: string; height: number };
}
type OutputClass = new (size: { width: number; height: number }) => OutputLike;

const dir = mkdtempSync(path.join(tmpdir(), 'diaodu-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ink's Output class as the bundle has it: bundled through the same options and plugin. */
async function bundledOutput(): Promise<OutputClass> {
  const entry = path.join(dir, 'entry.js');
  writeFileSync(entry, `export { default } from ${JSON.stringify(inkOutputPath)};\n`);
  const outdir = path.join(dir, 'out');
  await build({ ...bundleOptions({ entry, outdir }), splitting: false, metafile: false });
  const mod = (await import(pathToFileURL(path.join(outdir, 'entry.js')).href)) as { default: OutputClass };
  return mod.default;
}

describe('Ink output caches in the UI bundle', () => {
  it('patches the installed Ink and refuses a source it does not recognise', () => {
    const source = readFileSync(inkOutputPath, 'utf8');
    const patched = patchInkOutput(source);
    expect(patched).toContain('caches = sharedOutputCaches();');
    expect(patched).not.toContain('caches = new OutputCaches();');
    expect(() => patchInkOutput(source.replace('caches = new OutputCaches();', 'caches = other();'))).toThrow(
      /ink\/build\/output\.js has changed/,
    );
  });

  it('keeps one set of caches across frames, draws the same, and starts afresh past the limit', async () => {
    const Output = await bundledOutput();
    const line = '平鲁区 PL-001 ●红';
    const frame = () => {
      const output = new Output({ width: 20, height: 1 });
      output.write(0, 0, line, { transformers: [] });
      return output;
    };
    const first = frame();
    const firstText = first.get().output;
    const second = frame();
    expect(second.caches).toBe(first.caches);
    expect(second.caches.styledChars.has(line)).toBe(true);
    expect(second.get().output).toBe(firstText);
    expect(firstText).toBe(line);

    // distinct lines past the limit: a frame then gets fresh caches, so they never grow without
    // bound (a line's styled characters take ~24 KB)
    const limit = OUTPUT_CACHE_LIMITS.styledChars;
    let biggest = 0;
    for (let i = 0; i <= limit + 10; i++) {
      const output = new Output({ width: 20, height: 1 });
      output.write(0, 0, `第${i}行`, { transformers: [] });
      output.get();
      biggest = Math.max(biggest, output.caches.styledChars.size);
    }
    const after = frame();
    expect(after.caches).not.toBe(first.caches);
    expect(after.caches.styledChars.has('第0行')).toBe(false);
    expect(biggest).toBe(limit + 1);
  });
});

// string-width as Ink loads it (deduplicated to the top of node_modules)
const stringWidthPath = fileURLToPath(new URL('../../node_modules/string-width/index.js', import.meta.url));

describe('string-width in the UI bundle (issue 13 item 10)', () => {
  type Width = (s: string) => number;
  let bundled: Promise<Width> | undefined;
  /** The bundle's string-width (built once). */
  function bundledStringWidth(): Promise<Width> {
    bundled ??= (async () => {
      const entry = path.join(dir, 'sw-entry.js');
      writeFileSync(entry, `export { default } from ${JSON.stringify(stringWidthPath)};\n`);
      const outdir = path.join(dir, 'sw-out');
      await build({ ...bundleOptions({ entry, outdir }), splitting: false, metafile: false });
      const mod = (await import(pathToFileURL(path.join(outdir, 'sw-entry.js')).href)) as { default: Width };
      return mod.default;
    })();
    return bundled;
  }

  /** Runs `f` with RegExp watched, counting the RGI_Emoji regexes built. */
  async function countingRgi<T>(f: (built: () => number) => Promise<T>): Promise<T> {
    let built = 0;
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        if (String(args[0]).includes('RGI_Emoji')) built++;
        return new target(...args);
      },
    });
    try {
      return await f(() => built);
    } finally {
      globalThis.RegExp = Original;
    }
  }

  it('builds the RGI_Emoji regex only for a sequence, not to load or to measure Chinese text', async () => {
    await countingRgi(async (rgiBuilt) => {
      const width = await bundledStringWidth();
      expect(rgiBuilt()).toBe(0);
      const chinese = '平鲁区 序时进度 75.0%，红灯 ©☀✔👍';
      expect(width(chinese)).toBe(stringWidth(chinese));
      expect(rgiBuilt()).toBe(0);
      const sequences = '👨‍👩‍👧 🇨🇳 1️⃣';
      expect(width(sequences)).toBe(stringWidth(sequences));
      expect(rgiBuilt()).toBe(1);
      width('👍🏽');
      expect(rgiBuilt()).toBe(1);
    });
  });

  it('measures every code point and emoji sequences as string-width itself does', async () => {
    const width = await bundledStringWidth();
    const differ: string[] = [];
    // every code point of the planes with emoji, symbols and marks (0, 1, 14), one in 61 elsewhere
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const plane = cp >> 16;
      if (plane !== 0 && plane !== 1 && plane !== 14 && cp % 61 !== 0) continue;
      const s = String.fromCodePoint(cp);
      if (width(s) !== stringWidth(s)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    const sequences = [
      '👍🏽',
      '👨‍👩‍👧',
      '👩‍💻',
      '🏳️‍🌈',
      '🇨🇳',
      '🇺',
      '1️⃣',
      '1⃣',
      '#️⃣',
      '©️',
      '☀️',
      '✔️',
      '❤️‍🔥',
      '🧑🏻‍🤝‍🧑🏿',
      '가',
      '가',
      '각',
      'ｶﾞ',
      'é',
      'e\u0301',
      '\u200d',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      '☝🏻',
      '⌚',
      '⌚︎',
      '平鲁区 PL-001 ●红',
      '序时进度 75.0%',
    ];
    for (const s of sequences) expect(width(s), s).toBe(stringWidth(s));
  });

  it('measures Chinese text without the grapheme segmenter', async () => {
    const width = await bundledStringWidth();
    const lines = [
      ' 数据截至 2021年9月30日 · 共171个项目 · 序时进度 75.0%',
      '▶ 1 项目     全部项目：排序、筛选、搜索',
      '●红 12个 ▲黄 14个 ○绿 145个',
      '　（）—…',
    ];
    const other = '가각 👍🏽 e\u0301';
    const expected = [...lines, other].map((s) => stringWidth(s));
    const segment = Intl.Segmenter.prototype.segment;
    let segmented = 0;
    Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
      segmented++;
      return segment.call(this, input);
    };
    try {
      expect(lines.map((s) => width(s))).toEqual(expected.slice(0, lines.length));
      expect(segmented).toBe(0);
      // anything else still goes through the segmenter
      expect(width(other)).toBe(expected[lines.length]);
      expect(segmented).toBe(1);
    } finally {
      Intl.Segmenter.prototype.segment = segment;
    }
  });

  it('measures any mix of Chinese text, marks, emoji and Hangul as string-width itself does', async () => {
    const width = await bundledStringWidth();
    const pieces = [
      'a',
      ' ',
      '~',
      '#',
      '1',
      '·',
      '—',
      '…',
      '▲',
      '▶',
      '○',
      '●',
      '　',
      '〇',
      '〽',
      '〰',
      '〿',
      '\u3029',
      '\u302a',
      '\u302e',
      '一',
      '平',
      '鿿',
      '！',
      '：',
      '｠',
      '｡',
      '\u0301',
      '\u200d',
      '\ufe0f',
      '\ufe0e',
      '\u20e3',
      '\u1100',
      '\u1161',
      '\u11a8',
      '가',
      '🇨',
      '🇳',
      '👍',
      '🏽',
      '\u00ad',
      '\u200b',
      '\u0903',
      '\u0600',
      'ﾞ',
      'ｶ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (chosen) => {
        const s = chosen.join('');
        expect(width(s)).toBe(stringWidth(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('takes every code point its Chinese-text sum covers as a cluster of its own', () => {
    const covered =
      /^[\u0020-\u007E\u00B7\u2014\u2026\u25B2\u25B6\u25CB\u25CF\u3000-\u3029\u3030-\u303F\u4E00-\u9FFF\uFF01-\uFF60]$/;
    const segments = (s: string) => [...new Intl.Segmenter().segment(s)].length;
    const joined: string[] = [];
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (!covered.test(c)) continue;
      if (segments(`a${c}a`) !== 3 || segments(`${c}${c}`) !== 2 || segments(`一${c}一`) !== 3)
        joined.push(cp.toString(16));
    }
    expect(joined).toEqual([]);
  });

  it('refuses a string-width whose source it does not recognise', () => {
    const source = readFileSync(stringWidthPath, 'utf8');
    expect(patchStringWidth(source)).not.toContain('/^\\p{RGI_Emoji}$/v;');
    expect(() => patchStringWidth(source.replace('rgiEmojiRegex', 'emoji'))).toThrow(/string-width/);
  });
});

describe('ansi-tokenize in the UI bundle (issue 13 item 10)', () => {
  type Tokenize = typeof ansiTokenize;
  const styledCharsPath = fileURLToPath(
    new URL('../../node_modules/@alcalzone/ansi-tokenize/build/styledChars.js', import.meta.url),
  );
  let bundled: Promise<Tokenize> | undefined;
  /** The bundle's ansi-tokenize (built once). */
  function bundledTokenize(): Promise<Tokenize> {
    bundled ??= (async () => {
      const entry = path.join(dir, 'at-entry.js');
      const index = fileURLToPath(
        new URL('../../node_modules/@alcalzone/ansi-tokenize/build/index.js', import.meta.url),
      );
      writeFileSync(entry, `export * from ${JSON.stringify(index)};\n`);
      const outdir = path.join(dir, 'at-out');
      await build({ ...bundleOptions({ entry, outdir }), splitting: false, metafile: false });
      return (await import(pathToFileURL(path.join(outdir, 'at-entry.js')).href)) as Tokenize;
    })();
    return bundled;
  }

  /** Runs `f` counting the Sets built meanwhile. */
  function countingSets<T>(f: () => T): { value: T; sets: number } {
    let sets = 0;
    const Original = globalThis.Set;
    globalThis.Set = new Proxy(Original, {
      construct(target, args: [Iterable<unknown>?]) {
        sets++;
        return new target(...args);
      },
    });
    try {
      return { value: f(), sets };
    } finally {
      globalThis.Set = Original;
    }
  }

  const line = (t: Tokenize, text: string) => t.styledCharsFromTokens(t.tokenize(text));

  it('turns cells with the styles of the cell before into text without diffing them', async () => {
    const bundledAt = await bundledTokenize();
    // a line of the home screen: plain text, then a red bold run, then plain again
    const text = ' 红黄绿灯       \u001b[31m\u001b[1m●红\u001b[22m\u001b[39m 12个 ▲黄 14个 ○绿 145个';
    const chars = line(bundledAt, text);
    const { value, sets } = countingSets(() => bundledAt.styledCharsToString(chars));
    expect(value).toBe(ansiTokenize.styledCharsToString(line(ansiTokenize, text)));
    // only where the styles change: into the red bold run, and out of it (each a diff, three Sets,
    // and its text, one Set); the original builds four for every one of the line's cells
    expect(sets).toBe(8);
  });

  it('gives the same text as the original for any styled line', async () => {
    const bundledAt = await bundledTokenize();
    const codes = [
      '\u001b[1m',
      '\u001b[2m',
      '\u001b[22m',
      '\u001b[31m',
      '\u001b[39m',
      '\u001b[7m',
      '\u001b[27m',
      '\u001b[0m',
      '\u001b[4m',
      '\u001b[24m',
      '\u001b[90m',
      '\u001b[41m',
      '\u001b[49m',
    ];
    const piece = fc.oneof(fc.constantFrom(...codes), fc.constantFrom('a', ' ', '平', '鲁', '●', '…', 'x y'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const chars = line(ansiTokenize, text);
        expect(bundledAt.styledCharsToString(chars)).toBe(ansiTokenize.styledCharsToString(chars));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an ansi-tokenize whose source it does not recognise', () => {
    const source = readFileSync(styledCharsPath, 'utf8');
    expect(patchStyledChars(source)).toContain('sameAnsiCodes');
    expect(() => patchStyledChars(source.replace('diffAnsiCodes(chars[i - 1]', 'diff(chars[i - 1]'))).toThrow(
      /ansi-tokenize/,
    );
  });
});

describe('what the first frame loads (issue 13 item 10)', () => {
  it('leaves the screens other than home to a chunk loaded after it', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const result = await build({
      ...bundleOptions({ entry: path.join(root, 'src', 'ui', 'run.ts'), outdir: path.join(dir, 'ui') }),
      metafile: true,
    });
    const outputs = result.metafile.outputs;
    const entry = (source: string) => {
      const found = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === source);
      if (!found) throw new Error(`no chunk for ${source}`);
      return found;
    };
    // run.js, and what it imports before the first frame (ink, the shell, the session), with all
    // they import statically
    const loaded = new Set<string>();
    const visit = (out: string) => {
      if (loaded.has(out)) return;
      loaded.add(out);
      for (const i of outputs[out]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    const runJs = Object.keys(outputs).find((o) => o.endsWith('/run.js'))!;
    const ink = Object.keys(outputs).find((o) => outputs[o]!.entryPoint?.endsWith('ink/build/index.js'))!;
    for (const o of [runJs, ink, entry('src/ui/shell.tsx'), entry('src/app/session.ts')]) visit(o);
    const inputsOf = (outs: Iterable<string>) => [...outs].flatMap((o) => Object.keys(outputs[o]!.inputs));
    const first = inputsOf(loaded);
    expect(first).toContain('src/ui/screens/home.tsx');
    for (const screen of [
      'src/ui/screens/projects.tsx',
      'src/ui/screens/meeting/room.tsx',
      'src/ui/screens/help.tsx',
    ])
      expect(first).not.toContain(screen);
    expect(inputsOf([entry('src/ui/screens/deferred.ts')])).toContain('src/ui/screens/meeting/room.tsx');
  });
});
