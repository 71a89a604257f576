// Assess the register on a day, with the meetings held by then (docs/domain.md#lights: overdue
// decisions count when meetings are loaded; docs/minutes-rules.md "State at the meeting"). The one
// place that decides which meetings count: those held on or before the day. A meeting after the day
// did not exist yet, so neither its decisions nor what it heard count (ledger.ts: figures for a day
// leave out decisions taken after it). Pure: no I/O.
//
// Callers: check / lagging / assess (the register's as_of), the TUI (as_of), the bulletin (as_of,
// and last month's snapshot on its own as_of for 环比), the quarterly assessment (as_of), and the
// state at a meeting (the meeting day, the meeting itself left out by the caller).
import { assessRegister, type RegisterAssessment } from './lag-rules.js';
import { buildLedger } from './ledger.js';
import type { IsoDate, LedgerEntry, Meeting, Register } from './types.js';

export interface DayAssessment {
  /** the day decisions are judged on */
  day: IsoDate;
  /** the meetings held on or before the day, in the order given; undefined when none were given */
  meetings: Meeting[] | undefined;
  /** the decision ledger on the day, from those meetings; undefined when no meetings were given */
  ledger: LedgerEntry[] | undefined;
  /** lights and flags: decisions judged on `day`, everything else on the register's as_of */
  assessment: RegisterAssessment;
}

/**
 * The register assessed on `day` with the meetings held by then. `meetings` undefined: no meeting
 * history (decisions do not count). `day` is the register's as_of for lights and briefings, or a
 * meeting's date for the state at that meeting (decisions judged on it, docs/minutes-rules.md).
 */
export function assessOnDay(
  register: Register,
  day: IsoDate,
  meetings: readonly Meeting[] | undefined,
): DayAssessment {
  const held = meetings?.filter((m) => m.meeting.date <= day);
  const ledger = held ? buildLedger(held, day) : undefined;
  return { day, meetings: held, ledger, assessment: assessRegister(register, ledger, day) };
}
