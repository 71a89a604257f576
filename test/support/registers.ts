// Projects, registers and meetings made in a line for the rule tests: what a test does not give is the usual
// case — a 续建 project under construction (在建) with no milestones or problems, a register of 2021
// in 万元 with the default lag rules, a meeting closed with nobody listed. Pure: no files.
import {
  DEFAULT_RULES,
  type Decision,
  type Followup,
  type LagRules,
  type Meeting,
  type MeetingItem,
  type MeetingKind,
  type Project,
  type Register,
} from '../../src/domain/types.js';

/** The fields a test always gives a project (its name and figures matter to what is computed). */
type Given = Pick<Project, 'id' | 'name' | 'unit' | 'totalInvestment' | 'annualPlan' | 'completedYear'>;

/** A project: 续建, 在建, no milestones or problems, unless `fields` says otherwise. */
export function makeProject(fields: Given & Partial<Project>): Project {
  return { nature: '续建', stage: '在建', milestones: [], problems: [], ...fields };
}

/** 测试项目 (P-1) of 区发改局: total 3000, plan 1000, done 1000 (green on its figures), unless `over` says otherwise. */
export const testProject = (over: Partial<Project> = {}): Project =>
  makeProject({
    id: 'P-1',
    name: '测试项目',
    unit: '区发改局',
    totalInvestment: 3000,
    annualPlan: 1000,
    completedYear: 1000,
    ...over,
  });

/**
 * A maker of numbered projects P-1, P-2, … named 项目1, 项目2, … (one count per maker): each made
 * from `defaults`, then from what the call gives.
 */
export function numberedProjects(defaults: Omit<Given, 'id' | 'name'>): (over?: Partial<Project>) => Project {
  let seq = 0;
  return (over = {}) => {
    seq++;
    return makeProject({ id: `P-${seq}`, name: `项目${seq}`, ...defaults, ...over });
  };
}

/** A maker of projects by id, named 项目 and the id: each made from `defaults`, then from what the call gives. */
export function projectsById(
  defaults: Omit<Given, 'id' | 'name'>,
): (id: string, over?: Partial<Project>) => Project {
  return (id, over = {}) => makeProject({ id, name: `项目${id}`, ...defaults, ...over });
}

/** A register titled 台账 of these projects, in 万元, as of a day; region 平鲁区, year 2021, default rules unless given. */
export function makeRegister(
  projects: Project[],
  meta: { asOf: string; region?: string; year?: number; rules?: Partial<LagRules> },
): Register {
  return {
    meta: {
      title: '台账',
      region: meta.region ?? '平鲁区',
      year: meta.year ?? 2021,
      asOf: meta.asOf,
      moneyUnit: '万元',
      rules: { ...DEFAULT_RULES, ...meta.rules },
    },
    projects,
    files: [],
  };
}

/** A closed meeting of a day (周调度 unless given), nobody listed as present or absent. */
export function closedMeeting(
  date: string,
  items: MeetingItem[],
  followups: Followup[] = [],
  kind: MeetingKind = '周调度',
): Meeting {
  return { meeting: { date, kind, present: [], absent: [], attending: [], closed: true }, items, followups };
}

/** A meeting's agenda item on a project: these decisions, no lag reasons recorded. */
export const itemOf = (project: string, decisions: Decision[] = []): MeetingItem => ({
  project,
  reasons: [],
  decisions,
});
