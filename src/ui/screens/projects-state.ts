// 项目 screen state: sort, filter, search and the cursor over the register's projects.
// Pure: the index is built once per assessment; sorted orders are computed lazily once per key and
// the visible list is memoised, so a keypress that only moves the cursor does no work over the rows
// (issue 3: smooth with 10,000 rows).
import { lightRank } from '../../domain/lag-rules.js';
import type { Light, ProjectStatus } from '../../domain/types.js';
import type { SearchAction } from '../components/text-input/index.js';

export type SortKey =
  | 'register'
  | 'id'
  | 'name'
  | 'unit'
  | 'leader'
  | 'annualPlan'
  | 'completedYear'
  | 'rate'
  | 'light';

/** The order `s` cycles through, and the title each key sorts. */
export const SORT_KEYS: readonly SortKey[] = [
  'register',
  'light',
  'rate',
  'annualPlan',
  'completedYear',
  'id',
  'name',
  'unit',
  'leader',
];

export const SORT_LABEL: Record<SortKey, string> = {
  register: '台账顺序',
  id: '编号',
  name: '名称',
  unit: '责任单位',
  leader: '包联领导',
  annualPlan: '年度计划',
  completedYear: '已完成',
  rate: '完成率',
  light: '灯',
};

export interface ProjectFilter {
  unit?: string;
  area?: string;
  light?: Light;
}

export interface ProjectIndex {
  statuses: readonly ProjectStatus[];
  /** distinct 责任单位 / 片区 in order of first appearance */
  units: readonly string[];
  areas: readonly string[];
  /** lower-cased text searched by `/`: 编号 名称 责任单位 包联领导 片区 业主 */
  haystack: readonly string[];
  /** lazily computed ascending orders, by key */
  orders: Map<string, Uint32Array>;
  /** one-entry memo of the last visible list */
  memo: { key: string; rows: number[] } | null;
}

export function buildProjectIndex(statuses: readonly ProjectStatus[]): ProjectIndex {
  const units: string[] = [];
  const areas: string[] = [];
  const seenUnits = new Set<string>();
  const seenAreas = new Set<string>();
  const haystack: string[] = new Array<string>(statuses.length);
  for (let i = 0; i < statuses.length; i++) {
    const p = statuses[i]!.project;
    if (!seenUnits.has(p.unit)) {
      seenUnits.add(p.unit);
      units.push(p.unit);
    }
    if (p.area !== undefined && !seenAreas.has(p.area)) {
      seenAreas.add(p.area);
      areas.push(p.area);
    }
    haystack[i] = [p.id, p.name, p.unit, p.leader ?? '', p.area ?? '', p.owner ?? '']
      .join('\u0000')
      .toLowerCase();
  }
  return { statuses, units, areas, haystack, orders: new Map(), memo: null };
}

const indexes = new WeakMap<readonly ProjectStatus[], ProjectIndex>();

/** The index of one load's rows, built once per load (the project list asks on every frame). */
export function projectIndexFor(statuses: readonly ProjectStatus[]): ProjectIndex {
  let index = indexes.get(statuses);
  if (!index) {
    index = buildProjectIndex(statuses);
    indexes.set(statuses, index);
  }
  return index;
}

// Built on first use: constructing it loads ICU's Chinese collation (~9 ms), which the app's
// first frame does not need (issue 5).
let zh: Intl.Collator | undefined;
const collator = (): Intl.Collator => (zh ??= new Intl.Collator('zh-Hans-CN', { numeric: true }));

/** Compares rows by `key` (negated when descending); equal keys keep register order either way. */
function compareBy(
  key: SortKey,
  statuses: readonly ProjectStatus[],
  sign: 1 | -1,
): (a: number, b: number) => number {
  const s = (i: number) => statuses[i]!;
  if (key === 'register') return (a, b) => sign * (a - b);
  const by = compareKey(key, s);
  return (a, b) => sign * by(a, b) || a - b;
}

function compareKey(
  key: Exclude<SortKey, 'register'>,
  s: (i: number) => ProjectStatus,
): (a: number, b: number) => number {
  switch (key) {
    case 'id':
      return (a, b) => collator().compare(s(a).project.id, s(b).project.id);
    case 'name':
      return (a, b) => collator().compare(s(a).project.name, s(b).project.name);
    case 'unit':
      return (a, b) => collator().compare(s(a).project.unit, s(b).project.unit);
    case 'leader':
      return (a, b) => collator().compare(s(a).project.leader ?? '', s(b).project.leader ?? '');
    case 'annualPlan':
      return (a, b) => s(a).project.annualPlan - s(b).project.annualPlan;
    case 'completedYear':
      return (a, b) => s(a).project.completedYear - s(b).project.completedYear;
    case 'rate':
      // no rate (年度计划 0) sorts first ascending, last descending
      return (a, b) => (s(a).completionRate ?? -1) - (s(b).completionRate ?? -1);
    case 'light':
      return (a, b) => lightRank(s(a).light) - lightRank(s(b).light);
  }
}

/** Row numbers in the order of `key` (descending when asked), computed once per index and direction. */
export function sortedOrder(index: ProjectIndex, key: SortKey, descending = false): Uint32Array {
  const name = `${key}:${descending ? 'd' : 'a'}`;
  let order = index.orders.get(name);
  if (!order) {
    const n = index.statuses.length;
    const plain = new Array<number>(n);
    for (let i = 0; i < n; i++) plain[i] = i;
    plain.sort(compareBy(key, index.statuses, descending ? -1 : 1));
    order = Uint32Array.from(plain);
    index.orders.set(name, order);
  }
  return order;
}

export interface ProjectsState {
  sortKey: SortKey;
  /** descending order; the default for 灯 (red first) */
  descending: boolean;
  filter: ProjectFilter;
  /** the search text (after `/`) */
  query: string;
  /** typing into the search line */
  searching: boolean;
}

export const initialProjectsState: ProjectsState = {
  sortKey: 'register',
  descending: false,
  filter: {},
  query: '',
  searching: false,
};

function memoKey(state: ProjectsState): string {
  const f = state.filter;
  return [
    state.sortKey,
    state.descending ? 'd' : 'a',
    f.unit ?? '',
    f.area ?? '',
    f.light ?? '',
    state.query,
  ].join('\u0001');
}

/** The rows shown, in order, after filter and search. Memoised: same inputs give the same array. */
export function visibleRows(index: ProjectIndex, state: ProjectsState): number[] {
  const key = memoKey(state);
  if (index.memo && index.memo.key === key) return index.memo.rows;
  const order = sortedOrder(index, state.sortKey, state.descending);
  const q = state.query.trim().toLowerCase();
  const { unit, area, light } = state.filter;
  const rows: number[] = [];
  const len = order.length;
  for (let k = 0; k < len; k++) {
    const i = order[k]!;
    const s = index.statuses[i]!;
    if (unit !== undefined && s.project.unit !== unit) continue;
    if (area !== undefined && s.project.area !== area) continue;
    if (light !== undefined && s.light !== light) continue;
    if (q && !index.haystack[i]!.includes(q)) continue;
    rows.push(i);
  }
  index.memo = { key, rows };
  return rows;
}

export type ProjectsAction =
  | { type: 'sortBy'; key: SortKey }
  | { type: 'cycleSort' }
  | { type: 'reverse' }
  | { type: 'filterUnit'; unit: string | undefined }
  | { type: 'filterArea'; area: string | undefined }
  | { type: 'filterLight'; light: Light | undefined }
  | { type: 'cycleUnit' }
  | { type: 'cycleArea' }
  | { type: 'cycleLight' }
  | { type: 'clearFilters' }
  | { type: 'startSearch' }
  /** the search line's (searchHandlers) */
  | SearchAction;

const LIGHT_CYCLE: Array<Light | undefined> = [undefined, '红', '黄', '绿'];

function cycle<T>(list: readonly T[], current: T | undefined): T | undefined {
  if (list.length === 0) return undefined;
  if (current === undefined) return list[0];
  const i = list.indexOf(current);
  return i < 0 || i === list.length - 1 ? undefined : list[i + 1];
}

export function reduceProjects(
  index: ProjectIndex,
  state: ProjectsState,
  action: ProjectsAction,
): ProjectsState {
  switch (action.type) {
    case 'sortBy': {
      const descending = action.key === state.sortKey ? !state.descending : action.key === 'light';
      return { ...state, sortKey: action.key, descending };
    }
    case 'cycleSort': {
      const key = SORT_KEYS[(SORT_KEYS.indexOf(state.sortKey) + 1) % SORT_KEYS.length]!;
      return { ...state, sortKey: key, descending: key === 'light' };
    }
    case 'reverse':
      return { ...state, descending: !state.descending };
    case 'filterUnit':
      return { ...state, filter: { ...state.filter, unit: action.unit } };
    case 'filterArea':
      return { ...state, filter: { ...state.filter, area: action.area } };
    case 'filterLight':
      return { ...state, filter: { ...state.filter, light: action.light } };
    case 'cycleUnit':
      return { ...state, filter: { ...state.filter, unit: cycle(index.units, state.filter.unit) } };
    case 'cycleArea':
      return { ...state, filter: { ...state.filter, area: cycle(index.areas, state.filter.area) } };
    case 'cycleLight': {
      const i = LIGHT_CYCLE.indexOf(state.filter.light);
      const light = LIGHT_CYCLE[(i + 1) % LIGHT_CYCLE.length];
      return { ...state, filter: { ...state.filter, light } };
    }
    case 'clearFilters':
      return { ...state, filter: {}, query: '' };
    case 'startSearch':
      return { ...state, searching: true };
    case 'setQuery':
      return { ...state, query: action.query };
    case 'endSearch':
      return { ...state, searching: false, query: action.keep ? state.query : '' };
  }
}

/** "责任单位：区发改局 · 灯：红 · 搜索：光伏" — what narrows the list, for the header line. */
export function describeFilter(state: ProjectsState): string {
  const parts: string[] = [];
  if (state.filter.unit !== undefined) parts.push(`责任单位：${state.filter.unit}`);
  if (state.filter.area !== undefined) parts.push(`片区：${state.filter.area}`);
  if (state.filter.light !== undefined) parts.push(`灯：${state.filter.light}`);
  if (state.query.trim()) parts.push(`搜索：${state.query.trim()}`);
  return parts.join(' · ');
}
