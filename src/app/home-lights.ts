// The home screen's light counts (红/黄/绿), kept in the load cache (store/load-cache.ts) so that the
// app's first frame does not wait for the assessment of every project (issue 13 item 10: 0.55 s at
// 10,000 projects). They are the only figure on the home screen that needs the assessment; the
// others come from the register alone (registerFiguresWithLights).
//
// The entry is keyed by exactly what the lights are computed from: every register file and every
// meeting file as read (path, size, mtime, SHA-1 of the bytes, as the loaders report them) and the
// program (the cache's code fingerprint covers the assessment's modules). The as_of day is in the
// register's bytes, and the assessment does not depend on today. A changed, added or removed file
// gives another key, so stale lights are never served; a missing or odd entry is a miss.
import type { LightCounts } from '../domain/figures.js';
import type { CacheInput, LoadCache } from '../store/load-cache.js';

const KIND = 'home-lights';

/** The key for the lights of these register files with these meeting files. */
export function homeLightsKey(
  register: readonly CacheInput[],
  meetings: readonly CacheInput[],
): CacheInput[] {
  // the marker tells register files from meeting files, so no two lists give the same key
  const marker: CacheInput = { file: '\u0000meetings', abs: '', size: meetings.length, mtimeMs: 0, sha1: '' };
  return [...register, marker, ...meetings];
}

function count(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The cached lights for `key`, if they are there and add up to `projectCount`. */
export function cachedHomeLights(
  cache: LoadCache,
  key: CacheInput[],
  projectCount: number,
): LightCounts | undefined {
  const v = cache.get<unknown>(KIND, key) as Partial<Record<keyof LightCounts, unknown>> | null | undefined;
  if (typeof v !== 'object' || v === null) return undefined;
  const { 红: red, 黄: yellow, 绿: green } = v;
  if (!count(red) || !count(yellow) || !count(green) || red + yellow + green !== projectCount)
    return undefined;
  return { 红: red, 黄: yellow, 绿: green };
}

/** Keeps the lights for `key`. */
export function keepHomeLights(cache: LoadCache, key: CacheInput[], lights: LightCounts): void {
  cache.put(KIND, key, { 红: lights.红, 黄: lights.黄, 绿: lights.绿 });
}
