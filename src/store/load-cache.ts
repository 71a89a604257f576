// A cache of parsed input (the register, each meeting file) as JSON in the user's cache folder, so
// that opening the same files again reads JSON instead of parsing YAML (issue 5: the YAML library
// reads about 1 MB/s and peaks at ~350 MB on a 10,000-project register; the cached form loads in
// tens of milliseconds).
//
// An entry holds what the loader returned (data and warnings) for exact inputs: each file's path (as
// given and absolute), size, mtime and SHA-1 of its bytes, and a fingerprint of the loader's own code
// (its module files and the package version), so a changed file or a changed program is never served
// stale data. Files with errors are never cached: their messages are always fresh. A missing,
// unreadable, corrupt or mismatched entry is ignored and rewritten; cache trouble is never an error.
//
// Where: DIAODU_CACHE_DIR, else $XDG_CACHE_HOME/diaodu, else the platform's cache folder.
// DIAODU_NO_CACHE=1 turns it off. Under vitest it is off unless DIAODU_CACHE_DIR is set, so tests
// never depend on (or fill) a real user's cache; tests pass a LoadCache explicitly.

import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the cached form of any loader result changes shape. */
export const CACHE_SCHEMA = 1;

/** Entries kept; past this, the least recently written are removed. */
const MAX_ENTRIES = 400;
const KEEP_AFTER_PRUNE = 300;
/**
 * Bytes on disk (issue 9: a 3 MB register whose aliases repeat a long name wrote a 573 MB entry): an
 * entry over MAX_ENTRY_BYTES is not written (nor read), and past MAX_TOTAL_BYTES the least recently
 * written entries are removed. A 10,000-project register's entry is about 10 MB.
 */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** One input file exactly as it was read. */
export interface CacheInput {
  /** the path as the caller gave it (it appears in messages and positions) */
  file: string;
  abs: string;
  size: number;
  mtimeMs: number;
  sha1: string;
}

interface EntryHeader {
  schema: number;
  code: string;
  kind: string;
  inputs: CacheInput[];
  /** length of the value's JSON text: a truncated entry is recognised before it is parsed */
  length: number;
}

/**
 * Digests kept between keepDigests() and forgetDigests(), by absolute path: the app reads and hashes
 * the register and meeting files to find its first frame in the cache (app/session.ts, peek), then
 * loads them; a file read again with the same size, mtime and bytes is not hashed again (comparing
 * the bytes costs a fraction of SHA-1). Outside that window nothing is kept.
 */
let digests: Map<string, { size: number; mtimeMs: number; bytes: Uint8Array; sha1: string }> | undefined;

/** Keep the digests of the files read from now on, until forgetDigests() (see `digests`). */
export function keepDigests(): void {
  digests = new Map();
}

/** Drop the digests kept since keepDigests(), and keep no more. */
export function forgetDigests(): void {
  digests = undefined;
}

/** The input record for bytes just read from `file`. */
export function cacheInput(file: string, bytes: Uint8Array, size: number, mtimeMs: number): CacheInput {
  const abs = resolve(file);
  const known = digests?.get(abs);
  if (known && known.size === size && known.mtimeMs === mtimeMs && Buffer.compare(known.bytes, bytes) === 0)
    return { file, abs, size, mtimeMs, sha1: known.sha1 };
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  digests?.set(abs, { size, mtimeMs, bytes, sha1 });
  return { file, abs, size, mtimeMs, sha1 };
}

let fingerprint: string | undefined;

/** The loader's module files under dist/ (or src/), by path from that folder. */
const LOADER_MODULES = [
  ['store', 'load-cache'],
  ['store', 'register-file'],
  ['store', 'meeting-read'],
  ['store', 'yaml/source'],
  ['store', 'yaml/parse'],
  ['store', 'yaml/text'],
  ['store', 'fast-yaml'],
  ['domain', 'schema'],
  ['domain', 'values'],
  ['domain', 'normalize'],
  ['domain', 'types'],
  ['text', 'sanitize'],
  // what the cached home figures (lights) are computed with, and the home entry (app/home-overview.ts;
  // in a build the build id covers the screen's code)
  ['domain', 'lag-rules'],
  ['domain', 'ledger'],
  ['domain', 'dates'],
  ['domain', 'figures'],
  ['domain', 'assess-on-day'],
  ['app', 'home-overview'],
] as const;

/** `size:mtime` of a file, or `-` when it cannot be read. */
function stamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '-';
  }
}

/**
 * The build's fingerprint when this code runs from a build: dist/build-id.json (written by
 * `npm run build`, scripts/bundle-ui.mjs: a hash of every built file) and the size and mtime of the
 * loader's modules in dist/, found the same way from dist/store (the scripted commands) and from
 * dist/tui/chunks (the bundled UI), so both give the same fingerprint and share cache entries
 * (issue 13: each used to overwrite the other's, and every switch was a first open).
 */
function buildFingerprint(dir: string): string | undefined {
  for (const up of ['..', join('..', '..')]) {
    const dist = join(dir, up);
    let id: unknown;
    try {
      id = (JSON.parse(readFileSync(join(dist, 'build-id.json'), 'utf8')) as { id?: unknown } | null)?.id;
    } catch {
      continue;
    }
    if (typeof id !== 'string' || id === '') continue;
    return `build:${id}|${LOADER_MODULES.map(([d, m]) => stamp(join(dist, d, `${m}.js`))).join(',')}`;
  }
  return undefined;
}

/**
 * The loader's code as it is installed: in a build, the build id (buildFingerprint); otherwise (the
 * sources run by vitest) the size and mtime of its module files. The package version is added.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  const ext = extname(here);
  const build = buildFingerprint(dir);
  const parts =
    build !== undefined ? [build] : LOADER_MODULES.map(([d, m]) => stamp(join(dir, '..', d, `${m}${ext}`)));
  try {
    const pkg = JSON.parse(readFileSync(packageJsonAbove(dir), 'utf8')) as {
      version?: unknown;
    };
    parts.push(String(pkg.version));
  } catch {
    parts.push('-');
  }
  fingerprint = `${CACHE_SCHEMA}|${parts.join(',')}`;
  return fingerprint;
}

/** diaodu's package.json: two folders up from dist/store, three from the bundle's chunks. */
function packageJsonAbove(dir: string): string {
  for (const up of [join('..', '..'), join('..', '..', '..')]) {
    const candidate = join(dir, up, 'package.json');
    if (existsSync(candidate)) return candidate;
  }
  return join(dir, '..', '..', 'package.json');
}

/** Whether two inputs are the same file read in the same state. */
export function sameInput(x: CacheInput, y: CacheInput): boolean {
  return (
    x.file === y.file && x.abs === y.abs && x.size === y.size && x.mtimeMs === y.mtimeMs && x.sha1 === y.sha1
  );
}

function sameInputs(a: CacheInput[], b: CacheInput[]): boolean {
  return a.length === b.length && a.every((x, i) => sameInput(x, b[i]!));
}

/** The parsed-input cache in one folder. Every method swallows file system trouble. */
export class LoadCache {
  readonly dir: string;
  private readonly maxEntryBytes: number;
  private readonly maxTotalBytes: number;

  /** `limits` replace MAX_ENTRY_BYTES and MAX_TOTAL_BYTES (tests). */
  constructor(dir: string, limits: { maxEntryBytes?: number; maxTotalBytes?: number } = {}) {
    this.dir = resolve(dir);
    this.maxEntryBytes = limits.maxEntryBytes ?? MAX_ENTRY_BYTES;
    this.maxTotalBytes = limits.maxTotalBytes ?? MAX_TOTAL_BYTES;
  }

  /** The entry file for a kind of result and its input paths (not their content). */
  entryPath(kind: string, inputs: readonly CacheInput[]): string {
    const id = createHash('sha1')
      .update(`${kind}\u0000${inputs.map((i) => `${i.file}\u0000${i.abs}`).join('\u0001')}`)
      .digest('hex');
    return join(this.dir, `${kind}-${id}.json`);
  }

  /** The cached value for exactly these inputs, or undefined. */
  get<T>(kind: string, inputs: CacheInput[]): T | undefined {
    let text: string;
    try {
      const path = this.entryPath(kind, inputs);
      const st = statSync(path);
      if (!st.isFile() || st.size > this.maxEntryBytes) return undefined;
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const nl = text.indexOf('\n');
      if (nl < 0) return undefined;
      const header = JSON.parse(text.slice(0, nl)) as Partial<EntryHeader> | null;
      if (
        !header ||
        header.schema !== CACHE_SCHEMA ||
        header.code !== codeFingerprint() ||
        header.kind !== kind ||
        !Array.isArray(header.inputs) ||
        !sameInputs(header.inputs, inputs) ||
        header.length !== text.length - nl - 1
      ) {
        return undefined;
      }
      return JSON.parse(text.slice(nl + 1)) as T;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` (plain JSON data) for these inputs; written atomically, errors ignored. */
  put(kind: string, inputs: CacheInput[], value: unknown): void {
    try {
      const body = JSON.stringify(value);
      // length is a lower bound of the UTF-8 size: most entries are judged without measuring
      if (body.length > this.maxEntryBytes || Buffer.byteLength(body) > this.maxEntryBytes) return;
      const header: EntryHeader = {
        schema: CACHE_SCHEMA,
        code: codeFingerprint(),
        kind,
        inputs,
        length: body.length,
      };
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const target = this.entryPath(kind, inputs);
      const temp = join(this.dir, `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      try {
        writeFileSync(temp, `${JSON.stringify(header)}\n${body}`, { mode: 0o600 });
        renameSync(temp, target);
      } catch {
        try {
          unlinkSync(temp);
        } catch {
          // never written
        }
        return;
      }
      this.prune();
    } catch {
      // a cache that cannot be written is no cache
    }
  }

  /**
   * Keeps the folder small: past MAX_ENTRIES entries or MAX_TOTAL_BYTES bytes, the least recently
   * written entries go (down to KEEP_AFTER_PRUNE entries, and under MAX_TOTAL_BYTES).
   */
  private prune(): void {
    const names = readdirSync(this.dir);
    const entries: { path: string; mtimeMs: number; size: number }[] = [];
    let total = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        const st = statSync(path);
        entries.push({ path, mtimeMs: st.mtimeMs, size: st.size });
        total += st.size;
      } catch {
        // removed meanwhile
      }
    }
    if (entries.length <= MAX_ENTRIES && total <= this.maxTotalBytes) return;
    entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
    let count = entries.length;
    for (const e of entries) {
      const keep = entries.length > MAX_ENTRIES ? KEEP_AFTER_PRUNE : MAX_ENTRIES;
      if (count <= keep && total <= this.maxTotalBytes) break;
      try {
        unlinkSync(e.path);
        count--;
        total -= e.size;
      } catch {
        // removed meanwhile
      }
    }
  }
}

function enabled(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}

/** The platform's cache folder for diaodu. */
function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'diaodu');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'diaodu', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'diaodu');
  return join(homedir(), '.cache', 'diaodu');
}

/** The cache the loaders use when none is passed: from the environment, or undefined (off). */
export function defaultLoadCache(env: NodeJS.ProcessEnv = process.env): LoadCache | undefined {
  if (enabled(env.DIAODU_NO_CACHE)) return undefined;
  if (env.DIAODU_CACHE_DIR) return new LoadCache(env.DIAODU_CACHE_DIR);
  if (env.VITEST) return undefined;
  return new LoadCache(defaultCacheDir(env));
}

/** What a loader's `cache` option means: an explicit cache, false (none), or the default. */
export function resolveLoadCache(option: LoadCache | false | undefined): LoadCache | undefined {
  if (option === false) return undefined;
  return option ?? defaultLoadCache();
}

/**
 * Chart images (briefing/chart-image.ts ChartImageCache) kept in the load cache (default: the one the
 * loaders use; undefined when it is off): one entry per chart, named by the SHA-1 of what it is drawn
 * from, its PNG as base64. Errors are swallowed as elsewhere.
 */
export function chartImageCache(
  cache: LoadCache | undefined = defaultLoadCache(),
): { get(key: string): Buffer | undefined; put(key: string, png: Buffer): void } | undefined {
  if (!cache) return undefined;
  const inputs = (key: string): CacheInput[] => [{ file: 'chart', abs: key, size: 0, mtimeMs: 0, sha1: key }];
  return {
    get: (key) => {
      const entry = cache.get<{ png?: unknown }>('chart', inputs(key));
      return typeof entry?.png === 'string' ? Buffer.from(entry.png, 'base64') : undefined;
    },
    put: (key, png) => cache.put('chart', inputs(key), { png: png.toString('base64') }),
  };
}
