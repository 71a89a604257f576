// How a decision's state reads on screen: 已落实 / 推进中 / 未到期 / 逾期N天 / 撤销, with a colour.
import { formatMonthDay } from '../../briefing/wording.js';
import type { DecisionState, LedgerEntry } from '../../domain/types.js';

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
