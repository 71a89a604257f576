// The UI bundle's patch to Ink (scripts/bundle-ui.mjs): Ink's Output keeps its line and width
// caches across frames, bounded, and the build refuses an Ink whose source no longer matches.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_CACHE_LIMITS, bundleOptions, patchInkOutput } from '../../scripts/bundle-ui.mjs';

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
