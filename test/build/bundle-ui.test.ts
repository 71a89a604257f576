// The UI bundle's patch to Ink (scripts/bundle-ui.mjs): Ink's Output keeps its line and width
// caches across frames, bounded, and the build refuses an Ink whose source no longer matches.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import {
  OUTPUT_CACHE_LIMITS,
  bundleOptions,
  patchInkOutput,
  patchStringWidth,
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

  it('refuses a string-width whose source it does not recognise', () => {
    const source = readFileSync(stringWidthPath, 'utf8');
    expect(patchStringWidth(source)).not.toContain('/^\\p{RGI_Emoji}$/v;');
    expect(() => patchStringWidth(source.replace('rgiEmojiRegex', 'emoji'))).toThrow(/string-width/);
  });
});
