// One load-cache fingerprint for the whole build (issue 13, item 8): the scripted commands run the
// loader from dist/store, the TUI from a chunk of its bundle (dist/tui/chunks); both must give a
// cache entry the same code fingerprint, so that an entry written by one is a hit for the other.
// Runs against the build in dist/ (npm test builds first, as test/e2e needs).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'diaodu-build-id-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CacheInput {
  file: string;
  abs: string;
  size: number;
  mtimeMs: number;
  sha1: string;
}
interface Cache {
  get<T>(kind: string, inputs: CacheInput[]): T | undefined;
  put(kind: string, inputs: CacheInput[], value: unknown): void;
}
interface CommandSide {
  LoadCache: new (dir: string) => Cache;
  codeFingerprint(): string;
  cacheInput(file: string, bytes: Uint8Array, size: number, mtimeMs: number): CacheInput;
}
interface TuiSide {
  resolveLoadCache(option: undefined): Cache | undefined;
}

/** The chunk of the UI bundle that holds the load cache (the one exporting resolveLoadCache). */
async function tuiLoadCache(): Promise<TuiSide> {
  const chunks = path.join(dist, 'tui', 'chunks');
  const found = readdirSync(chunks).filter((name) =>
    /export\s*\{[^}]*\bresolveLoadCache\b/.test(readFileSync(path.join(chunks, name), 'utf8')),
  );
  expect(found).toHaveLength(1);
  return (await import(pathToFileURL(path.join(chunks, found[0]!)).href)) as TuiSide;
}

describe('the load cache in a build', () => {
  it('has a build id', () => {
    const { id } = JSON.parse(readFileSync(path.join(dist, 'build-id.json'), 'utf8')) as { id: unknown };
    expect(id).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gives the scripted commands and the bundled TUI the same fingerprint: one writes, the other hits', async () => {
    const command = (await import(
      pathToFileURL(path.join(dist, 'store', 'load-cache.js')).href
    )) as CommandSide;
    expect(command.codeFingerprint()).toContain('build:');
    const previous = process.env.DIAODU_CACHE_DIR;
    process.env.DIAODU_CACHE_DIR = dir;
    let tuiCache: Cache | undefined;
    try {
      tuiCache = (await tuiLoadCache()).resolveLoadCache(undefined);
    } finally {
      if (previous === undefined) delete process.env.DIAODU_CACHE_DIR;
      else process.env.DIAODU_CACHE_DIR = previous;
    }
    expect(tuiCache).toBeDefined();
    const commandCache = new command.LoadCache(dir);
    const bytes = new TextEncoder().encode('register: {}\n');
    const inputs = [command.cacheInput('register.yaml', bytes, bytes.length, 1)];

    commandCache.put('register', inputs, { written: 'by a command' });
    expect(tuiCache!.get('register', inputs)).toEqual({ written: 'by a command' });

    tuiCache!.put('register', inputs, { written: 'by the TUI' });
    expect(commandCache.get('register', inputs)).toEqual({ written: 'by the TUI' });
  });
});
