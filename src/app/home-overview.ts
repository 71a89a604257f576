// What the home screen (总览) shows, kept in the load cache (store/load-cache.ts) in one small
// `home-overview-…` entry, so that the app's first frame does not wait for the data (issue 13 item 10):
//
// - the light counts (红/黄/绿), the only home figure that needs the assessment of every project
//   (0.55 s at 10,000 projects); with them the loaded home screen is drawn without assessing, and the
//   assessment is left for later (Session.prepare);
// - the home screen's text (HomeOverview, made by ui/screens/home-overview.ts from the loaded data),
//   with which the first frame is drawn right after the files are read and hashed, before the
//   (large) cached register is parsed; the register is loaded right after.
//
// The entry is keyed by exactly what both are computed from: every register file and every meeting
// file as read (path, size, mtime, SHA-1 of the bytes, as the loaders report them) and the program
// (the cache's code fingerprint; in a build the build id, which covers the screen's code). The as_of
// day is in the register's bytes and the assessment does not depend on today, so the lights hold on
// any day; the overview counts the decisions on the day it names (decisions.day) and is shown on that
// day only. A changed, added or removed file gives another key, so nothing stale is ever served; a
// missing or odd entry (or part of one) is a miss, and the app then loads before its first frame.
import { formatDate } from '../briefing/wording.js';
import type { LightCounts } from '../domain/figures.js';
import type { IsoDate } from '../domain/types.js';
import type { CacheInput, LoadCache } from '../store/load-cache.js';

const KIND = 'home-overview';

export interface HomeOverview {
  title: string;
  /** 数据截至 … · 共…个项目 · 序时进度 … */
  asOfLine: string;
  start: string;
  completion: string;
  money: string;
  lights: { 红: number; 黄: number; 绿: number };
  /** 未办结, 逾期, 已落实 decisions, and the day they are counted on (as shown) */
  decisions: { open: number; overdue: number; done: number; day: string };
  /** 上次调度会, or null when there is none */
  last: string | null;
  /** the first problem with the meetings folder, or the first warning of the register */
  problem: { kind: 'meetings' | 'warnings'; count: number; message: string } | null;
}

/** What the entry holds: the lights, and the screen's text once the home screen was drawn. */
export interface HomeEntry {
  lights: LightCounts;
  overview?: HomeOverview;
}

/** The key of the home entry for these register files with these meeting files. */
export function homeKey(register: readonly CacheInput[], meetings: readonly CacheInput[]): CacheInput[] {
  // the marker tells register files from meeting files, so no two lists give the same key
  const marker: CacheInput = { file: '\u0000meetings', abs: '', size: meetings.length, mtimeMs: 0, sha1: '' };
  return [...register, marker, ...meetings];
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function validLights(v: unknown): v is LightCounts {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return [l.红, l.黄, l.绿].every(isCount);
}

function validOverview(v: unknown): v is HomeOverview {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (![o.title, o.asOfLine, o.start, o.completion, o.money].every(isText)) return false;
  if (!validLights(o.lights)) return false;
  const d = o.decisions as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || ![d.open, d.overdue, d.done].every(isCount) || !isText(d.day))
    return false;
  if (o.last !== null && !isText(o.last)) return false;
  if (o.problem !== null) {
    const p = o.problem as Record<string, unknown> | undefined;
    if (typeof p !== 'object' || (p.kind !== 'meetings' && p.kind !== 'warnings')) return false;
    if (!isCount(p.count) || !isText(p.message)) return false;
  }
  return true;
}

/** The entry for `key` as read (each part checked on its own), or undefined when there is none. */
export function cachedHome(cache: LoadCache, key: CacheInput[]): Partial<HomeEntry> | undefined {
  const v = cache.get<unknown>(KIND, key);
  if (typeof v !== 'object' || v === null) return undefined;
  const { lights, overview } = v as Record<string, unknown>;
  return {
    ...(validLights(lights) ? { lights: { 红: lights.红, 黄: lights.黄, 绿: lights.绿 } } : {}),
    ...(validOverview(overview) ? { overview } : {}),
  };
}

/** The entry's lights, if they add up to `projectCount` (the register's projects). */
export function homeLights(
  entry: Partial<HomeEntry> | undefined,
  projectCount: number,
): LightCounts | undefined {
  const l = entry?.lights;
  return l && l.红 + l.黄 + l.绿 === projectCount ? l : undefined;
}

/** The entry's overview, if it is the one of `today` (its decisions are counted on that day). */
export function homeOverview(
  entry: Partial<HomeEntry> | undefined,
  today: IsoDate,
): HomeOverview | undefined {
  const o = entry?.overview;
  return o && o.decisions.day === formatDate(today) ? o : undefined;
}

/** Keeps the lights for `key` (a new entry: an overview kept before was drawn from other lights). */
export function keepHomeLights(cache: LoadCache, key: CacheInput[], lights: LightCounts): void {
  const entry: HomeEntry = { lights: { 红: lights.红, 黄: lights.黄, 绿: lights.绿 } };
  cache.put(KIND, key, entry);
}

/**
 * Keeps the overview for `key` with `lights`, the lights of the data it was made from (default: the
 * lights already kept for `key`, else the overview's).
 */
export function keepHomeOverview(
  cache: LoadCache,
  key: CacheInput[],
  overview: HomeOverview,
  lights: LightCounts | undefined = cachedHome(cache, key)?.lights,
): void {
  const l = lights ?? overview.lights;
  const entry: HomeEntry = { lights: { 红: l.红, 黄: l.黄, 绿: l.绿 }, overview };
  cache.put(KIND, key, entry);
}
