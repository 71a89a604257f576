// How a decision's state reads on screen: 已落实 / 推进中 / 未到期 / 逾期N天 / 撤销, with a colour.
import { formatMonthDay } from '../../briefing/wording.js';
import type { DecisionState, Followup, FollowupStatus, LedgerEntry } from '../../domain/types.js';

export const STATE_LABEL: Record<DecisionState, string> = {
  done: '已落实',
  open: '推进中',
  overdue: '逾期',
  dropped: '撤销',
};

export const STATE_COLOR: Partial<Record<DecisionState, string>> = {
  done: 'green',
  overdue: 'red',
};

/** "逾期12天", "已落实（9月13日）", "推进中", "未听取" (open, nothing heard yet). */
export function stateText(e: LedgerEntry): string {
  switch (e.state) {
    case 'overdue':
      return `逾期${e.daysOverdue}天`;
    case 'done':
      return e.latest ? `已落实（${formatMonthDay(e.latest.heardOn)}）` : '已落实';
    case 'dropped':
      return '撤销';
    case 'open':
      return e.latest ? '推进中' : '未到期';
  }
}

/** Colours of what a meeting heard about a decision. */
export const HEARD_COLOR: Record<FollowupStatus, string | undefined> = {
  已落实: 'green',
  推进中: 'yellow',
  撤销: undefined,
};

/**
 * The label of an earlier decision in a meeting that hears it: what this meeting heard
 * ("本次：已落实"), or, not yet heard, its state on the meeting's day: "逾期23天", "未到期", or what
 * an earlier meeting heard of it when it is not overdue ("上次：推进中").
 */
export function followupLabel(e: LedgerEntry, heard: Followup | undefined): string {
  if (heard) return `本次：${heard.status}`;
  if (e.state === 'open' && e.latest) return `上次：${e.latest.status}`;
  return stateText(e);
}

/** The colour for followupLabel: the heard status's, else red for an overdue one. */
export function followupColor(e: LedgerEntry, heard: Followup | undefined): string | undefined {
  if (heard) return HEARD_COLOR[heard.status];
  return e.state === 'overdue' ? 'red' : undefined;
}
