// The state of the register at a meeting, as the meeting file records it (docs/minutes-rules.md,
// "State at the meeting"): the 总体 figures for the minutes' 一、总体进展, and for each project its
// light, reasons and the figures quoted. Decisions are judged on the meeting day; everything else on
// the register's as_of. Pure: no I/O.
import { registerFigures } from './figures.js';
import { assessOnDay } from './assess-on-day.js';
import type { RegisterAssessment } from './lag-rules.js';
import type {
  IsoDate,
  ItemFigures,
  Light,
  Meeting,
  MeetingSnapshot,
  ProjectStatus,
  Register,
} from './types.js';

export interface ItemState {
  light: Light;
  reasons: string[];
  figures: ItemFigures;
}

export interface MeetingState {
  snapshot: MeetingSnapshot;
  assessment: RegisterAssessment;
  /** an agenda item's light, reasons and figures, by project id */
  item(projectId: string): ItemState | undefined;
}

export function itemState(s: ProjectStatus, timeProgress: number): ItemState {
  return {
    light: s.light,
    reasons: s.flags.map((f) => f.reason),
    figures: {
      annualPlan: s.project.annualPlan,
      completedYear: s.project.completedYear,
      completionRate: s.completionRate,
      timeProgress,
    },
  };
}

/** The figures as `MeetingSnapshot`, from an assessment of the register. */
export function snapshotOf(register: Register, assessment: RegisterAssessment): MeetingSnapshot {
  const f = registerFigures(register, assessment.statuses);
  const snap: MeetingSnapshot = {
    projects: f.projectCount,
    totalInvestment: f.totals.totalInvestment,
    started: f.started,
    newProjects: f.newTotal,
    newStarted: f.newStarted,
    annualPlan: f.totals.annualPlan,
    completedYear: f.totals.completedYear,
    timeProgress: f.timeProgress,
    red: f.lights.红,
    yellow: f.lights.黄,
    green: f.lights.绿,
  };
  if (register.projects.some((p) => p.completedMonth !== undefined)) {
    snap.completedMonth = f.totals.completedMonth;
  }
  return snap;
}

/**
 * The register as it stands at a meeting held on `day`, given the meetings before it (the meeting
 * itself left out): overdue decisions count on `day`.
 */
export function meetingState(register: Register, earlier: readonly Meeting[], day: IsoDate): MeetingState {
  const { assessment } = assessOnDay(register, day, earlier);
  const byId = new Map(assessment.statuses.map((s) => [s.project.id, s]));
  return {
    snapshot: snapshotOf(register, assessment),
    assessment,
    item: (id) => {
      const s = byId.get(id);
      return s ? itemState(s, assessment.timeProgress) : undefined;
    },
  };
}
