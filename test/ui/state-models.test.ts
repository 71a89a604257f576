// The screens' pure state models: hand-computed expectations.
import { describe, expect, it } from 'vitest';
import type { Light, ProjectStatus } from '../../src/domain/types.js';
import {
  buildProjectIndex,
  initialProjectsState,
  reduceProjects,
  sortedOrder,
  visibleRows,
} from '../../src/ui/screens/projects-state.js';
import {
  checkDecision,
  coUnitList,
  decisionWarnings,
  describeDueParse,
  lastCoUnit,
  ownersOf,
  cycleQuickPick,
  newDecisionDraft,
  parseDue,
  reduceDecisionForm,
  splitNames,
  unitSuggestions,
  unitsFor,
} from '../../src/ui/screens/meeting/forms.js';
import type { DecisionDraft } from '../../src/ui/screens/meeting/forms.js';
import {
  clampMeetingUi,
  initialMeetingUi,
  parseDraftUi,
  reduceMeetingUi,
  whereLabel,
} from '../../src/ui/screens/meeting/state.js';
import { initialNav, reduceNav, topRoute } from '../../src/ui/screens/navigation.js';
import { initialLedgerState, reduceLedger } from '../../src/ui/screens/ledger-state.js';

function status(
  id: string,
  name: string,
  unit: string,
  light: Light,
  plan: number,
  done: number,
  area?: string,
): ProjectStatus {
  return {
    project: {
      id,
      name,
      nature: '续建',
      stage: '在建',
      unit,
      ...(area ? { area } : {}),
      totalInvestment: plan * 2,
      annualPlan: plan,
      completedYear: done,
      milestones: [],
      problems: [],
    },
    completionRate: plan > 0 ? done / plan : null,
    gap: null,
    flags: [],
    light,
  };
}

const statuses = [
  status('A-1', '光伏组件', '区发改局', '红', 100, 20, '北坪'),
  status('A-2', '供热改造', '区住建局', '黄', 80, 50, '城区'),
  status('A-3', '煤矸石利用', '区发改局', '绿', 120, 110, '北坪'),
  status('A-4', '道路提质', '区交通局', '红', 0, 0),
];

describe('project list state', () => {
  const index = buildProjectIndex(statuses);
  const ids = (rows: number[]) => rows.map((i) => statuses[i]!.project.id);

  it('keeps register order, then sorts by light (red first) and by rate (none first)', () => {
    expect(ids(visibleRows(index, initialProjectsState))).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
    const byLight = reduceProjects(index, initialProjectsState, { type: 'cycleSort' });
    expect(byLight).toMatchObject({ sortKey: 'light', descending: true });
    // red (A-1, A-4: equal lights keep register order) then yellow then green
    expect(ids(visibleRows(index, byLight))).toEqual(['A-1', 'A-4', 'A-2', 'A-3']);
    const byRate = reduceProjects(index, byLight, { type: 'cycleSort' });
    expect(byRate).toMatchObject({ sortKey: 'rate', descending: false });
    // A-4 has no rate (plan 0), then 20%, 62.5%, 91.7%
    expect(ids(visibleRows(index, byRate))).toEqual(['A-4', 'A-1', 'A-2', 'A-3']);
    expect(ids(visibleRows(index, reduceProjects(index, byRate, { type: 'reverse' })))).toEqual([
      'A-3',
      'A-2',
      'A-1',
      'A-4',
    ]);
  });

  it('filters by unit, area and light in turn, and searches', () => {
    let s = reduceProjects(index, initialProjectsState, { type: 'cycleUnit' });
    expect(s.filter.unit).toBe('区发改局');
    expect(ids(visibleRows(index, s))).toEqual(['A-1', 'A-3']);
    s = reduceProjects(index, s, { type: 'cycleLight' });
    expect(ids(visibleRows(index, s))).toEqual(['A-1']);
    s = reduceProjects(index, s, { type: 'clearFilters' });
    s = reduceProjects(index, s, { type: 'cycleArea' });
    expect(ids(visibleRows(index, s))).toEqual(['A-1', 'A-3']);
    s = reduceProjects(index, { ...initialProjectsState }, { type: 'setQuery', query: '供热' });
    expect(ids(visibleRows(index, s))).toEqual(['A-2']);
    s = reduceProjects(index, s, { type: 'setQuery', query: 'a-4' });
    expect(ids(visibleRows(index, s))).toEqual(['A-4']);
    // the unit cycle ends with "all units"
    let u = initialProjectsState;
    for (let i = 0; i < 4; i++) u = reduceProjects(index, u, { type: 'cycleUnit' });
    expect(u.filter.unit).toBeUndefined();
  });

  it('computes each order once and memoises the visible list', () => {
    expect(sortedOrder(index, 'name')).toBe(sortedOrder(index, 'name'));
    const s = { ...initialProjectsState, query: '北' };
    expect(visibleRows(index, s)).toBe(visibleRows(index, { ...s }));
  });
});

describe('decision form', () => {
  const today = '2021-10-08'; // a Friday

  it('reads 完成时限 as dates, month-days, +N days and quick picks', () => {
    expect(parseDue('2021-11-30', today)).toEqual({ ok: true, date: '2021-11-30' });
    expect(parseDue('2021年11月5日', today)).toEqual({ ok: true, date: '2021-11-05' });
    expect(parseDue('11-30', today)).toEqual({ ok: true, date: '2021-11-30' });
    // passed this year; a Saturday typed as a date stays, and the form says so
    expect(parseDue('1月15日', today)).toEqual({ ok: true, date: '2022-01-15', dayOff: '星期六' });
    expect(parseDue('+10', today)).toEqual({ ok: true, date: '2021-10-18' });
    expect(parseDue('7天', today)).toEqual({ ok: true, date: '2021-10-15' });
    expect(parseDue('本周五', today)).toEqual({ ok: true, date: '2021-10-08' });
    expect(parseDue('下周五', today)).toEqual({ ok: true, date: '2021-10-15' });
    // full-width digits and signs
    expect(parseDue('２０２１－１０－２０', today)).toEqual({ ok: true, date: '2021-10-20' });
    expect(parseDue('１０月２０日', today)).toEqual({ ok: true, date: '2021-10-20' });
    expect(parseDue('＋１０', today)).toEqual({ ok: true, date: '2021-10-18' });
  });

  it('moves quick picks off weekends and public holidays to the working day before, and says so', () => {
    // 月底 2021-10-31 is a Sunday; +15天 2021-10-23 a Saturday
    const monthEnd = parseDue('月底', today);
    expect(monthEnd).toEqual({
      ok: true,
      date: '2021-10-29',
      moved: { from: '2021-10-31', reason: '星期日', later: false },
    });
    expect(describeDueParse(monthEnd as Extract<typeof monthEnd, { ok: true }>)).toBe(
      '2021年10月29日（星期五；10月31日星期日，已提前）',
    );
    expect(parseDue('+15天', today)).toMatchObject({ date: '2021-10-22', moved: { reason: '星期六' } });
    // +1 from the meeting is 2021-10-09, a Saturday worked in lieu of 国庆节: it stays
    expect(parseDue('+1', today)).toEqual({ ok: true, date: '2021-10-09' });
    // from 2021-09-27, +7 is 2021-10-04 (国庆节): back to Thursday 30 September
    expect(parseDue('+7天', '2021-09-27')).toMatchObject({
      date: '2021-09-30',
      moved: { from: '2021-10-04', reason: '国庆节' },
    });
    // a year the calendar has no data for: weekends only, and the form says so
    const far = parseDue('月底', '2099-10-08');
    expect(far).toMatchObject({ date: '2099-10-30', uncovered: 2099 });
    expect(describeDueParse(far as Extract<typeof far, { ok: true }>)).toBe(
      '2099年10月30日（星期五；10月31日星期六，已提前；2099年节假日未收录，只避开周末）',
    );
  });

  it('reads the rest the same', () => {
    expect(parseDue('2-30', today)).toMatchObject({ ok: false });
    expect(parseDue('明天', today)).toMatchObject({ ok: false });
    expect(cycleQuickPick('下周五', 1)).toBe('月底');
    expect(cycleQuickPick('本周五', -1)).toBe('+30天');
    expect(cycleQuickPick('11-30', 1)).toBe('本周五');
  });

  it('offers the project unit first, narrows by what is typed, and takes the highlighted one', () => {
    const units = unitsFor(['区发改局', '区住建局', '区自然资源局'], '区住建局');
    expect(units).toEqual(['区住建局', '区发改局', '区自然资源局']);
    expect(unitSuggestions(units, '')).toEqual(units);
    expect(unitSuggestions(units, '自然')).toEqual(['区自然资源局']);
    let d = newDecisionDraft('A-1');
    d = reduceDecisionForm(d, { type: 'set', field: 'text', value: '协调用地' });
    d = reduceDecisionForm(d, { type: 'advance', delta: 1, suggestions: [] });
    expect(d.field).toBe('unit');
    // Tab on the empty unit field takes the first suggestion: the project's own unit
    const taken = reduceDecisionForm(d, {
      type: 'advance',
      delta: 1,
      suggestions: unitSuggestions(units, ''),
    });
    expect(taken).toMatchObject({ unit: '区住建局', field: 'coUnits', pick: -1 });
    // ↑ to "keep what was typed"
    d = reduceDecisionForm(d, { type: 'set', field: 'unit', value: '区自然' });
    d = reduceDecisionForm(d, { type: 'pickUnit', delta: -1, count: 1 });
    expect(d.pick).toBe(-1);
    expect(reduceDecisionForm(d, { type: 'advance', delta: 1, suggestions: ['区自然资源局'] }).unit).toBe(
      '区自然',
    );
    expect(checkDecision({ ...d, due: '下周五' }, today)).toEqual({
      ok: true,
      value: { text: '协调用地', unit: '区自然', due: '2021-10-15' },
    });
    expect(checkDecision({ ...d, text: ' ' }, today)).toMatchObject({ ok: false, field: 'text' });
    // 配合单位: several, each once, never the lead unit
    expect(
      checkDecision({ ...d, due: '下周五', coUnits: '区能源局、区自然,区能源局 ' }, today),
    ).toMatchObject({ ok: true, value: { unit: '区自然', coUnits: ['区能源局'] } });
    expect(checkDecision({ ...d, due: '后天' }, today)).toMatchObject({ ok: false, field: 'due' });
  });

  it('suggests 责任人 the unit sent before, the latest first, and takes one with Tab', () => {
    const earlier = [
      { unit: '区自然资源局', owner: '王强', date: '2021-09-06' },
      { unit: '区能源局', owner: '杨国栋', date: '2021-09-13' },
      { unit: '区自然资源局', owner: '韩志刚', date: '2021-09-20' },
      { unit: '区自然资源局', date: '2021-09-27' },
      { unit: '区自然资源局', owner: '王强', date: '2021-09-01' },
    ];
    expect(ownersOf(earlier, '区自然资源局')).toEqual(['韩志刚', '王强']);
    expect(ownersOf(earlier, '区交通局')).toEqual([]);
    let d: DecisionDraft = { ...newDecisionDraft('A-1'), unit: '区自然资源局', field: 'coUnits' };
    d = reduceDecisionForm(d, { type: 'advance', delta: 1, suggestions: [] });
    expect(d).toMatchObject({ field: 'owner', pick: 0 });
    // Shift+Tab back out of it leaves it empty; Tab on it takes the latest person
    const back = reduceDecisionForm(d, { type: 'advance', delta: -1, suggestions: ['韩志刚'] });
    expect(back).toMatchObject({ owner: '', field: 'coUnits' });
    d = reduceDecisionForm(d, { type: 'advance', delta: 1, suggestions: ownersOf(earlier, d.unit) });
    expect(d).toMatchObject({ owner: '韩志刚', field: 'due' });
  });

  it('takes a 配合单位 suggestion when 、 is typed after it, and the last one with Tab', () => {
    let d: DecisionDraft = { ...newDecisionDraft('A-1'), unit: '区自然资源局', field: 'coUnits', pick: -1 };
    d = reduceDecisionForm(d, { type: 'set', field: 'coUnits', value: '能源' });
    expect(d.pick).toBe(0);
    d = reduceDecisionForm(d, { type: 'set', field: 'coUnits', value: '能源、', suggestions: ['区能源局'] });
    expect(d).toMatchObject({ coUnits: '区能源局、', pick: -1 });
    d = reduceDecisionForm(d, { type: 'set', field: 'coUnits', value: '区能源局、阻虎' });
    d = reduceDecisionForm(d, { type: 'advance', delta: 1, suggestions: ['阻虎乡'] });
    expect(d).toMatchObject({ coUnits: '区能源局、阻虎乡', field: 'owner' });
    expect(lastCoUnit('区能源局、阻虎')).toBe('阻虎');
    expect(coUnitList('区能源局、阻虎乡，区能源局、区自然资源局', '区自然资源局')).toEqual([
      '区能源局',
      '阻虎乡',
    ]);
  });

  it('warns before saving: a time limit before the meeting, no 责任人, a unit nobody has used', () => {
    const known = new Set(['区自然资源局', '区能源局']);
    expect(
      decisionWarnings(
        { text: '协调', unit: '区自然资源局', owner: '王强', due: '2021-10-15' },
        today,
        known,
      ),
    ).toEqual([]);
    expect(
      decisionWarnings(
        { text: '协调', unit: '区自然资源局😀', coUnits: ['区能源局', '区能原局'], due: '2021-10-01' },
        today,
        known,
      ),
    ).toEqual([
      { field: 'unit', message: '“区自然资源局😀”不是已有单位' },
      { field: 'coUnits', message: '配合单位“区能原局”不是已有单位' },
      { field: 'owner', message: '未填责任人' },
      { field: 'due', message: '完成时限早于会议日期' },
    ]);
  });

  it('splits attendance lists on 、，, and spaces', () => {
    expect(splitNames('区发改局、区住建局, 区水利局，区交通局  ')).toEqual([
      '区发改局',
      '区住建局',
      '区水利局',
      '区交通局',
    ]);
  });
});

describe('meeting navigation state', () => {
  const counts = { items: 3, followups: 2, decisions: 1 };

  it('walks agenda, items and rows within their sizes', () => {
    let ui = reduceMeetingUi(initialMeetingUi, { type: 'moveCursor', delta: 5 }, counts);
    expect(ui.agendaCursor).toBe(4); // row 0 is the follow-ups, then 3 items, then 综合事项
    ui = reduceMeetingUi(ui, { type: 'openItem', index: 2 }, counts);
    expect(ui).toMatchObject({ view: 'item', itemIndex: 2, agendaCursor: 3, rowCursor: 0 });
    expect(whereLabel(ui, counts)).toBe('第3/3项');
    expect(reduceMeetingUi(ui, { type: 'stepItem', delta: 1 }, counts)).toBe(ui); // no item after the last
    ui = reduceMeetingUi(ui, { type: 'stepItem', delta: -1 }, counts);
    expect(ui.itemIndex).toBe(1);
    ui = reduceMeetingUi(ui, { type: 'moveCursor', delta: 9 }, counts);
    expect(ui.rowCursor).toBe(1); // the notes row after the one decision
    expect(clampMeetingUi({ ...ui, rowCursor: 7 }, { ...counts, decisions: 0 }).rowCursor).toBe(0);
  });

  it('opens the 综合事项 page from the agenda row after the projects, with its own rows', () => {
    let ui = reduceMeetingUi(initialMeetingUi, { type: 'cursorTo', at: 'last' }, counts);
    expect(ui.agendaCursor).toBe(4);
    ui = reduceMeetingUi(ui, { type: 'openGeneral' }, counts);
    expect(ui).toMatchObject({ view: 'general', agendaCursor: 4, rowCursor: 0 });
    expect(whereLabel(ui, { ...counts, decisions: 2 })).toBe('综合事项 2项');
    ui = reduceMeetingUi(ui, { type: 'moveCursor', delta: 9 }, { ...counts, decisions: 2 });
    expect(ui.rowCursor).toBe(2); // the 新增 row after the two decisions
    expect(parseDraftUi(ui)).toMatchObject({ view: 'general', rowCursor: 2 });
    const position = { type: 'position', purpose: 'move', project: 'A-1', text: '2' };
    expect(parseDraftUi({ ...ui, form: position })?.form).toEqual(position);
  });

  it('edits the open decision form and reads a draft back loosely', () => {
    const form = { type: 'decision' as const, draft: newDecisionDraft('A-1') };
    let ui = reduceMeetingUi(initialMeetingUi, { type: 'openForm', form }, counts);
    ui = reduceMeetingUi(
      ui,
      { type: 'decisionForm', action: { type: 'set', field: 'text', value: '尽快复工' } },
      counts,
    );
    expect(ui.form).toMatchObject({ type: 'decision', draft: { text: '尽快复工' } });
    const back = parseDraftUi(
      JSON.parse(JSON.stringify({ ...ui, view: 'item', confirm: { type: 'close' } })),
    );
    expect(back).toEqual({ ...ui, view: 'item', confirm: null });
    expect(parseDraftUi({ view: 'elsewhere' })).toBeNull();
    expect(parseDraftUi('garbage')).toBeNull();
  });
});

describe('screen stack and ledger filters', () => {
  it('pushes, pops (never the last) and goes home', () => {
    let nav = initialNav([{ screen: 'home' }]);
    nav = reduceNav(nav, { type: 'push', route: { screen: 'projects' } });
    nav = reduceNav(nav, { type: 'push', route: { screen: 'project', projectId: 'A-1' } });
    expect(topRoute(nav)).toEqual({ screen: 'project', projectId: 'A-1' });
    expect(topRoute(reduceNav(nav, { type: 'home' }))).toEqual({ screen: 'home' });
    nav = reduceNav(reduceNav(reduceNav(nav, { type: 'pop' }), { type: 'pop' }), { type: 'pop' });
    expect(nav.stack).toHaveLength(1);
  });

  it('cycles the ledger state filter starting with 逾期', () => {
    const s = reduceLedger(initialLedgerState, { type: 'cycleState' });
    expect(s.state).toBe('overdue');
    expect(reduceLedger(s, { type: 'cycleUnit', units: ['甲', '乙'] }).unit).toBe('甲');
  });
});
