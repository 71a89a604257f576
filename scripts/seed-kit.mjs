// Shared helpers for the sample-data generators in scripts/: a seeded random source, calendar dates,
// a YAML writer that lays registers and meetings out the way docs/formats.md shows them, and the lag rules
// of docs/domain.md#lights re-stated just far enough to tell which sample projects will light up (the app's
// own rules live in src/domain/; these only aim the sample figures and write meeting snapshots).
/* global console */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';

/** mulberry32: small deterministic PRNG so regenerating gives byte-identical files. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    pick: (list) => list[Math.floor(list.length * next())],
  };
}

// ---- dates (YYYY-MM-DD, UTC arithmetic) ----
const DAY = 86400000;
export const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
export const fromDate = (d) => d.toISOString().slice(0, 10);
export const addDays = (iso, n) => fromDate(new Date(toDate(iso).getTime() + n * DAY));
export const daysBetween = (from, to) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);
export function dateExists(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  return fromDate(toDate(iso)) === iso;
}
/** 2021年8月15日 */
export const cnDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** docs/domain.md#time-progress: 序时进度 in month / half_month / day mode, as a fraction. */
export function timeProgress(asOf, mode = 'month') {
  const [y, m, d] = asOf.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (mode === 'month') return (m - 1 + (d === last ? 1 : 0)) / 12;
  if (mode === 'half_month') return (m - 1 + (d === last ? 1 : d >= 15 ? 0.5 : 0)) / 12;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return (daysBetween(`${y}-01-01`, asOf) + 1) / (leap ? 366 : 365);
}

const pct = (x) => (x * 100).toFixed(1);

const TRAD = {
  續建: '续建',
  投產: '投产',
  萬元: '万元',
  億元: '亿元',
  停工: '停工',
  竣工: '竣工',
  在建: '在建',
  前期: '前期',
  新建: '新建',
};
export const simp = (v) => TRAD[v] ?? v;
const STARTED = new Set(['在建', '竣工', '投产']);
export const isStarted = (stage) => STARTED.has(simp(stage));

/**
 * Flags of one project on `day` (docs/domain.md#lights). `opts.completedYear` overrides the figure (meeting
 * snapshots taken before the register's as_of); `opts.openDecisions` are decisions {id, text, unit, due}
 * still open, late when due < `opts.decisionDay` (default `day`: a meeting judges them on its own date).
 */
export function assess(p, day, opts = {}) {
  const rules = { mode: 'month', yellow: 10, red: 30, startRed: 60, milestoneRed: 30, ...opts.rules };
  const flags = [];
  const tp = timeProgress(day, rules.mode);
  const cy = opts.completedYear ?? p.completed_year;
  if (p.annual_plan > 0) {
    const rate = cy / p.annual_plan;
    const gap = (tp - rate) * 100;
    if (gap >= rules.yellow) {
      flags.push({
        light: gap > rules.red ? '红' : '黄',
        kind: 'investment',
        reason: `年度投资完成率${pct(rate)}%，低于序时进度（${pct(tp)}%）${gap.toFixed(1)}个百分点`,
      });
    }
  }
  const started = isStarted(p.stage) && (!p.actual_start || p.actual_start <= day);
  if (
    simp(p.nature) === '新建' &&
    !started &&
    simp(p.stage) !== '停工' &&
    p.planned_start &&
    p.planned_start < day
  ) {
    const late = daysBetween(p.planned_start, day);
    flags.push({
      light: late > rules.startRed ? '红' : '黄',
      kind: 'start',
      reason: `计划${cnDate(p.planned_start)}开工，已逾期${late}天仍未开工`,
    });
  }
  if (simp(p.stage) === '停工') flags.push({ light: '红', kind: 'stopped', reason: '项目处于停工状态' });
  for (const m of p.milestones ?? []) {
    if (m.planned < day && !(m.done && m.done <= day)) {
      const late = daysBetween(m.planned, day);
      flags.push({
        light: late > rules.milestoneRed ? '红' : '黄',
        kind: 'milestone',
        reason: `节点“${m.name}”计划${cnDate(m.planned)}完成，已逾期${late}天`,
      });
    }
  }
  for (const q of p.problems ?? []) {
    if (q.raised && q.raised > day) continue;
    if (q.due && q.due < day && !(q.resolved && q.resolved <= day)) {
      flags.push({
        light: '红',
        kind: 'problem',
        reason: `问题“${q.text}”逾期未解决（解决时限${cnDate(q.due)}${q.unit ? `，责任单位${q.unit}` : ''}）`,
      });
    }
  }
  for (const d of opts.openDecisions ?? []) {
    if (d.due < (opts.decisionDay ?? day)) {
      flags.push({
        light: '红',
        kind: 'decision',
        reason: `议定事项“${d.text}”逾期未落实（完成时限${cnDate(d.due)}，责任单位${d.unit}）`,
      });
    }
  }
  const light = flags.some((f) => f.light === '红') ? '红' : flags.length ? '黄' : '绿';
  return { light, flags, tp, rate: p.annual_plan > 0 ? cy / p.annual_plan : null };
}

// ---- YAML writing ----
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n)$/i;
const NUMBERISH =
  /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i;
function plainOk(s, inFlow) {
  if (s === '' || s !== s.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (/[\n\t\\]/.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  if (RESERVED.test(s)) return false;
  // dates stay plain (docs/formats.md writes them so); other number-like strings are quoted
  if (/^\d{4}-\d{2}-\d{2}(?:-\d+)?$/.test(s)) return true; // dates and decision ids (2021-09-06-01)
  if (NUMBERISH.test(s)) return false;
  return true;
}
export function scalar(v, inFlow = false) {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`bad number ${v}`);
    return String(Math.round(v * 100) / 100);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v !== 'string') throw new Error(`not a scalar: ${JSON.stringify(v)}`);
  return plainOk(v, inFlow) ? v : JSON.stringify(v);
}
// numbers in a flow map keep 4 decimals (fractions such as time_progress: 0.6667)
const flowMap = (o) =>
  `{${Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) => `${k}: ${typeof v === 'number' ? String(Math.round(v * 10000) / 10000) : scalar(v, true)}`,
    )
    .join(', ')}}`;
const flowSeq = (a) => `[${a.map((v) => scalar(v, true)).join(', ')}]`;

/**
 * Writes a mapping in block style. Arrays of scalars and arrays of small maps listed in `flowKeys` go in
 * flow style; other arrays of maps go in block style. `comments` maps a key to a line comment.
 */
export function block(obj, indent, opts = {}) {
  const { flowKeys = new Set(), blockSeqKeys = new Set(), flowMapKeys = new Set(), comments = {} } = opts;
  const inner = { flowKeys, blockSeqKeys, flowMapKeys };
  const pad = ' '.repeat(indent);
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const c = comments[k] ? `   # ${comments[k]}` : '';
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(`${pad}${k}: []${c}`);
      else if (v.every((x) => typeof x !== 'object') && blockSeqKeys.has(k)) {
        out.push(`${pad}${k}:${c}`);
        for (const x of v) out.push(`${pad}  - ${scalar(x)}`);
      } else if (v.every((x) => typeof x !== 'object')) out.push(`${pad}${k}: ${flowSeq(v)}${c}`);
      else if (flowKeys.has(k)) {
        out.push(`${pad}${k}:${c}`);
        for (const x of v) out.push(`${pad}  - ${flowMap(x)}`);
      } else {
        out.push(`${pad}${k}:${c}`);
        for (const x of v) out.push(listItem(x, indent + 2, inner));
      }
    } else if (v !== null && typeof v === 'object' && flowMapKeys.has(k)) {
      out.push(`${pad}${k}: ${flowMap(v)}${c}`);
    } else if (v !== null && typeof v === 'object') {
      out.push(`${pad}${k}:${c}`);
      out.push(block(v, indent + 2, inner));
    } else out.push(`${pad}${k}: ${scalar(v)}${c}`);
  }
  return out.join('\n');
}
export function listItem(obj, indent, opts) {
  const inner = block(obj, indent + 2, opts);
  return `${' '.repeat(indent)}- ${inner.slice(indent + 2)}`;
}

/** Writes `text`, then parses it back and insists it reads as `data` (so quoting mistakes cannot ship). */
export function writeChecked(file, text, data) {
  const back = YAML.parse(text);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(back)), JSON.parse(JSON.stringify(data)))) {
    for (const k of Object.keys(data)) {
      if (!isDeepStrictEqual(back[k], data[k])) console.error('differs at', k);
    }
    throw new Error(`${file}: YAML does not read back as the data it was written from`);
  }
  writeFileSync(file, text);
}

/** Drops undefined fields so objects read back equal. */
export function clean(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A register file: header comment lines, then `register:` and `projects:`. */
export function registerText(headerLines, register, projects) {
  const head = headerLines.map((l) => (l ? `# ${l}` : '#')).join('\n');
  const reg = block({ register }, 0);
  const projs = projects.map((p) => listItem(p, 2, { flowKeys: new Set(['milestones']) })).join('\n');
  return `${head}\n${reg}\nprojects:\n${projs}\n`;
}

export const readYaml = (file) => YAML.parse(readFileSync(file, 'utf8'));
export const round1 = (x) => Math.round(x * 10) / 10;
export { pct };
