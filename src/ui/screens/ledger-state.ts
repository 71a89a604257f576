// 督办 screen state: which decisions are shown, in what order. Pure; the ledger itself comes from
// the domain (buildLedger), its order from compareLedgerEntries (overdue first).
import { compareLedgerEntries, decisionInvolves } from '../../domain/ledger.js';
import type { DecisionState, LedgerEntry, Project } from '../../domain/types.js';
import type { SearchAction } from '../components/text-input/index.js';

export type StateFilter = 'all' | 'unfinished' | DecisionState;

/** The order `o` walks through: 逾期 first, as the secretary asks for it most. */
export const STATE_FILTERS: readonly StateFilter[] = [
  'all',
  'overdue',
  'unfinished',
  'open',
  'done',
  'dropped',
];

export const STATE_FILTER_LABEL: Record<StateFilter, string> = {
  all: '全部',
  overdue: '逾期',
  unfinished: '未办结',
  open: '推进中/未到期',
  done: '已落实',
  dropped: '撤销',
};

export type LedgerSort = 'urgency' | 'due' | 'unit' | 'meeting';

export const LEDGER_SORTS: readonly LedgerSort[] = ['urgency', 'due', 'unit', 'meeting'];

export const LEDGER_SORT_LABEL: Record<LedgerSort, string> = {
  urgency: '逾期在前',
  due: '完成时限',
  unit: '责任单位',
  meeting: '会议日期',
};

export interface LedgerState {
  unit?: string;
  state: StateFilter;
  query: string;
  searching: boolean;
  sort: LedgerSort;
}

export const initialLedgerState: LedgerState = { state: 'all', query: '', searching: false, sort: 'urgency' };

export type LedgerAction =
  | { type: 'cycleUnit'; units: readonly string[] }
  | { type: 'cycleState' }
  | { type: 'cycleSort' }
  | { type: 'clear' }
  | { type: 'startSearch' }
  /** the search line's (searchHandlers) */
  | SearchAction;

export function reduceLedger(s: LedgerState, a: LedgerAction): LedgerState {
  switch (a.type) {
    case 'cycleUnit': {
      if (a.units.length === 0) return s;
      const at = s.unit === undefined ? -1 : a.units.indexOf(s.unit);
      const unit = at + 1 < a.units.length ? a.units[at + 1] : undefined;
      return { ...s, unit };
    }
    case 'cycleState':
      return { ...s, state: STATE_FILTERS[(STATE_FILTERS.indexOf(s.state) + 1) % STATE_FILTERS.length]! };
    case 'cycleSort':
      return { ...s, sort: LEDGER_SORTS[(LEDGER_SORTS.indexOf(s.sort) + 1) % LEDGER_SORTS.length]! };
    case 'clear':
      return { ...initialLedgerState, sort: s.sort };
    case 'startSearch':
      return { ...s, searching: true };
    case 'setQuery':
      return s.query === a.query ? s : { ...s, query: a.query };
    case 'endSearch':
      return { ...s, searching: false, query: a.keep ? s.query : '' };
  }
}

/** 责任单位 named in the ledger (lead units, then 配合单位), in order of first appearance. */
export function ledgerUnits(ledger: readonly LedgerEntry[]): string[] {
  return [...new Set(ledger.flatMap((e) => [e.decision.unit, ...(e.decision.coUnits ?? [])]))];
}

function stateMatches(filter: StateFilter, state: DecisionState): boolean {
  if (filter === 'all') return true;
  if (filter === 'unfinished') return state === 'open' || state === 'overdue';
  return filter === state;
}

/** The entries shown: filtered by unit, state and search (project id or name, decision text or id). */
export function ledgerRows(
  ledger: readonly LedgerEntry[],
  s: LedgerState,
  projectOf: (id: string) => Project | undefined,
): LedgerEntry[] {
  const q = s.query.trim().toLowerCase();
  const rows = ledger.filter((e) => {
    if (s.unit !== undefined && !decisionInvolves(e.decision, s.unit)) return false;
    if (!stateMatches(s.state, e.state)) return false;
    if (!q) return true;
    const p = projectOf(e.project);
    return [e.project, p?.name ?? '', e.decision.text, e.decision.id, e.decision.owner ?? '']
      .join('\u0000')
      .toLowerCase()
      .includes(q);
  });
  const byId = (a: LedgerEntry, b: LedgerEntry) =>
    a.decision.id < b.decision.id ? -1 : a.decision.id > b.decision.id ? 1 : 0;
  switch (s.sort) {
    case 'urgency':
      return rows.sort(compareLedgerEntries);
    case 'due':
      return rows.sort((a, b) =>
        a.decision.due < b.decision.due ? -1 : a.decision.due > b.decision.due ? 1 : byId(a, b),
      );
    case 'unit':
      return rows.sort(
        (a, b) => a.decision.unit.localeCompare(b.decision.unit, 'zh-Hans-CN') || compareLedgerEntries(a, b),
      );
    case 'meeting':
      return rows.sort((a, b) =>
        a.meetingDate < b.meetingDate ? 1 : a.meetingDate > b.meetingDate ? -1 : byId(a, b),
      );
  }
}

export function describeLedgerFilter(s: LedgerState): string {
  const parts = [`状态：${STATE_FILTER_LABEL[s.state]}`];
  if (s.unit !== undefined) parts.push(`责任单位：${s.unit}`);
  if (s.query.trim()) parts.push(`搜索：${s.query.trim()}`);
  parts.push(`排序：${LEDGER_SORT_LABEL[s.sort]}`);
  return parts.join(' · ');
}
