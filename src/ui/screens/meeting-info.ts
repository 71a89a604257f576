// How a meeting is named on screen: "2021年11月15日 周调度会 第38期（已结束）".
import { formatDate } from '../../briefing/wording.js';
import type { Meeting } from '../../domain/types.js';
import { meetingNumbers } from '../../store/meetings-dir.js';
import { meetingDecisions } from '../../domain/ledger.js';

/** 期数 of each meeting, in the order given. */
export function numbersOf(meetings: readonly Meeting[]): number[] {
  return meetingNumbers(
    meetings.map((m) => ({
      date: m.meeting.date,
      kind: m.meeting.kind,
      ...(m.meeting.number !== undefined ? { number: m.meeting.number } : {}),
    })),
  );
}

export function meetingLabel(m: Meeting, number?: number): string {
  const n = number ?? m.meeting.number;
  return `${formatDate(m.meeting.date)} ${m.meeting.kind}会${n !== undefined ? ` 第${n}期` : ''}`;
}

/** The latest meeting by date, described; undefined when there is none. */
export function lastMeeting(meetings: readonly Meeting[]): string | undefined {
  if (meetings.length === 0) return undefined;
  const numbers = numbersOf(meetings);
  let at = 0;
  meetings.forEach((m, i) => {
    if (m.meeting.date >= meetings[at]!.meeting.date) at = i;
  });
  const m = meetings[at]!;
  const decisions = meetingDecisions(m).length;
  return `${meetingLabel(m, numbers[at])}，议定事项${decisions}项${m.meeting.closed ? '（已结束）' : '（未结束）'}`;
}
