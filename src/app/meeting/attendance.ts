// Attendance at the meeting (issue 11, item 8): a checklist of the people expected — the last
// meeting's 出席, 请假 and 列席 plus the defaults in 设置 — each marked 出席 / 请假 / 列席 / 迟到.
// Nobody's 请假 is copied forward: who was on leave last time is expected this time (出席).
// In the meeting file 迟到 people are listed under `present` (they attended; the minutes name them
// there, as an office would) and again under `late`, which only the app shows.
import type { MeetingHeader } from '../../domain/types.js';

export const ATTENDANCE_MARKS = ['出席', '请假', '列席', '迟到'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export interface Attendee {
  name: string;
  mark: AttendanceMark;
}

export interface AttendanceLists {
  present: string[];
  absent: string[];
  attending: string[];
  late: string[];
}

/** The people expected, in order (last meeting first, then the settings' defaults), each once. */
export function expectedAttendees(
  last: Pick<MeetingHeader, 'present' | 'absent' | 'attending' | 'late'> | undefined,
  defaults: { present?: readonly string[]; absent?: readonly string[]; attending?: readonly string[] },
): Attendee[] {
  const out: Attendee[] = [];
  const add = (names: readonly string[] | undefined, mark: AttendanceMark) => {
    for (const raw of names ?? []) {
      const name = raw.trim();
      if (name && !out.some((a) => a.name === name)) out.push({ name, mark });
    }
  };
  add(last?.present, '出席');
  add(last?.absent, '出席');
  add(last?.attending, '列席');
  add(defaults.present, '出席');
  add(defaults.absent, '出席');
  add(defaults.attending, '列席');
  return out;
}

export function cycleMark(mark: AttendanceMark, delta: 1 | -1): AttendanceMark {
  const n = ATTENDANCE_MARKS.length;
  return ATTENDANCE_MARKS[(ATTENDANCE_MARKS.indexOf(mark) + delta + n) % n]!;
}

/** The lists the meeting file keeps; 迟到 people are also 出席. */
export function attendanceLists(attendees: readonly Attendee[]): AttendanceLists {
  const of = (...marks: AttendanceMark[]) =>
    attendees.filter((a) => marks.includes(a.mark)).map((a) => a.name);
  return { present: of('出席', '迟到'), absent: of('请假'), attending: of('列席'), late: of('迟到') };
}

/** The checklist again from a meeting file's lists (a resumed or reopened meeting). */
export function attendeesOf(lists: Partial<AttendanceLists>): Attendee[] {
  const late = new Set(lists.late ?? []);
  return [
    ...(lists.present ?? []).map((name) => ({ name, mark: late.has(name) ? '迟到' : '出席' }) as Attendee),
    ...(lists.absent ?? []).map((name) => ({ name, mark: '请假' }) as Attendee),
    ...(lists.attending ?? []).map((name) => ({ name, mark: '列席' }) as Attendee),
  ];
}

/** "出席9人（迟到1人） · 请假1人 · 列席4人" */
export function attendanceSummary(attendees: readonly Attendee[]): string {
  const count = (mark: AttendanceMark) => attendees.filter((a) => a.mark === mark).length;
  const late = count('迟到');
  return `出席${count('出席') + late}人${late > 0 ? `（迟到${late}人）` : ''} · 请假${count('请假')}人 · 列席${count('列席')}人`;
}
