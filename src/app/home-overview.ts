// Everything the home screen (总览) draws, kept in the load cache (store/load-cache.ts) so that the
// app's first frame can be drawn after the register and meeting files are read and hashed, before
// the (large) cached register is parsed (issue 13 item 10). The register is loaded right after.
//
// The entry is keyed like the home lights (home-lights.ts: every register file and every meeting
// file as read — path, size, mtime, SHA-1 — and the program's fingerprint) plus the day, which the
// ledger summary is counted on. A changed, added or removed file, or another day, is a miss; a missing
// or odd entry is a miss; the app then loads everything before its first frame, as before.
// The values are the screen's text (ui/screens/home-overview.ts makes them from the loaded data).
import type { CacheInput, LoadCache } from '../store/load-cache.js';
import { homeLightsKey } from './home-lights.js';
import type { IsoDate } from '../domain/types.js';

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

/** The key of the overview of these files on `today`. */
export function homeOverviewKey(
  register: readonly CacheInput[],
  meetings: readonly CacheInput[],
  today: IsoDate,
): CacheInput[] {
  const day: CacheInput = { file: '\u0000today', abs: '', size: 0, mtimeMs: 0, sha1: today };
  return [...homeLightsKey(register, meetings), day];
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function valid(v: unknown): v is HomeOverview {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (![o.title, o.asOfLine, o.start, o.completion, o.money].every(isText)) return false;
  const l = o.lights as Record<string, unknown> | null;
  if (typeof l !== 'object' || l === null || ![l.红, l.黄, l.绿].every(isCount)) return false;
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

/** The cached overview for `key`, if it is there and well formed. */
export function cachedHomeOverview(cache: LoadCache, key: CacheInput[]): HomeOverview | undefined {
  const v = cache.get<unknown>(KIND, key);
  return valid(v) ? v : undefined;
}

/** Keeps the overview for `key`. */
export function keepHomeOverview(cache: LoadCache, key: CacheInput[], overview: HomeOverview): void {
  cache.put(KIND, key, overview);
}
