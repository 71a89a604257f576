// 项目: every project of the register in one table — sortable, filterable by 责任单位 / 片区 / 灯,
// searchable by typing Chinese after `/`. Only the rows on screen are drawn; sorted orders and the
// filtered list are computed once and memoised (projects-state.ts), so 10,000 rows stay smooth.
import { Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useMemo } from 'react';
import { formatPercent } from '../../domain/figures.js';
import { formatMoneyNumber } from '../../briefing/wording.js';
import type { MoneyUnit, ProjectStatus } from '../../domain/types.js';
import { commandFor } from '../key-bindings.js';
import { Table, useTable } from '../components/table/index.js';
import type { Column } from '../components/table/index.js';
import { SearchInput, searchHandlers } from '../components/text-input/index.js';
import { useLatest } from '../components/use-latest.js';
import { useSyncReducer } from '../components/use-sync-reducer.js';
import { truncateToWidth } from '../../text/width.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { LoadedData, Session } from '../../app/session.js';
import { LIGHT_COLOR, LIGHT_MARK, Screen, bodyHeight } from './chrome.js';
import {
  SORT_LABEL,
  describeFilter,
  initialProjectsState,
  projectIndexFor,
  reduceProjects,
  visibleRows,
} from './projects-state.js';
import type { ProjectIndex, ProjectsAction, ProjectsState } from './projects-state.js';
import { repeatRed } from '../../domain/repeat-offenders.js';
import { WithRegister } from './not-ready.js';
import type { Navigator, ScreenProps } from './types.js';

/**
 * The project list's columns. In a window narrower than 80 columns the least needed go first
 * (`keep`): 包联领导, 已完成, 年度计划, 完成率, 责任单位; the name and the light stay longest.
 */
export function projectColumns(
  statuses: readonly ProjectStatus[],
  unit: MoneyUnit,
  /** 连续调度仍为红灯 (domain/repeat-offenders.ts): the name is tagged 【连红N】 */
  redStreaks: ReadonlyMap<string, number> = new Map(),
): Column<number>[] {
  const s = (i: number) => statuses[i]!;
  const name = (i: number) => {
    const n = redStreaks.get(s(i).project.id);
    return n === undefined ? s(i).project.name : `【连红${n}】${s(i).project.name}`;
  };
  return [
    { key: 'id', title: '编号', width: 8, keep: 7, value: (i) => s(i).project.id },
    { key: 'name', title: '名称', flex: 1, minWidth: 12, keep: 9, value: name },
    { key: 'unit', title: '责任单位', width: 12, keep: 6, value: (i) => s(i).project.unit },
    { key: 'leader', title: '包联领导', width: 8, keep: 1, value: (i) => s(i).project.leader ?? '' },
    {
      key: 'annualPlan',
      title: '年度计划',
      width: 8,
      keep: 3,
      align: 'right',
      value: (i) => formatMoneyNumber(s(i).project.annualPlan, unit),
    },
    {
      key: 'completedYear',
      title: '已完成',
      width: 8,
      keep: 2,
      align: 'right',
      value: (i) => formatMoneyNumber(s(i).project.completedYear, unit),
    },
    {
      key: 'rate',
      title: '完成率',
      width: 6,
      keep: 5,
      align: 'right',
      value: (i) => {
        const r = s(i).completionRate;
        return r === null ? '—' : formatPercent(r);
      },
    },
    {
      key: 'light',
      title: '灯',
      width: 4,
      keep: 8,
      value: (i) => `${LIGHT_MARK[s(i).light]}${s(i).light}`,
      color: (i) => LIGHT_COLOR[s(i).light],
      bold: (i) => s(i).light === '红',
    },
  ];
}

function ProjectsTable(props: {
  session: Session;
  data: LoadedData;
  index: ProjectIndex;
  active: boolean;
  nav: Navigator;
}) {
  const { data, index, active, nav } = props;
  const { columns, rows: screenRows } = useTerminalSize();
  const reducer = useCallback(
    (state: ProjectsState, action: ProjectsAction) => reduceProjects(index, state, action),
    [index],
  );
  const { state, dispatch, current } = useSyncReducer(reducer, () => initialProjectsState);
  const rows = visibleRows(index, state);
  // body: a summary line, the table header, the rows, and the search line while searching
  const height = Math.max(1, bodyHeight(screenRows) - 2 - (state.searching ? 1 : 0));
  const cols = useMemo(
    () => projectColumns(data.assessment.statuses, data.register.meta.moneyUnit, repeatRed(data.meetings)),
    [data.assessment.statuses, data.register.meta.moneyUnit, data.meetings],
  );
  const open = useCallback(
    (at: number) => {
      const row = rows[at];
      if (row === undefined) return;
      const statuses = index.statuses;
      nav.push({
        screen: 'project',
        projectId: statuses[row]!.project.id,
        siblings: rows.map((r) => statuses[r]!.project.id),
      });
    },
    [rows, index, nav],
  );
  const table = useTable({
    rowCount: rows.length,
    height,
    isActive: active && !state.searching,
    context: 'projects',
    onOpen: open,
  });

  // Filters and searches keep the selected project selected when it is still shown.
  const latest = useLatest({ table, index, nav });
  const change = useCallback(
    (action: ProjectsAction) => {
      const { table, index } = latest.current;
      const selected = visibleRows(index, current())[table.state.selected];
      dispatch(action);
      const next = visibleRows(index, current());
      const at = selected === undefined ? -1 : next.indexOf(selected);
      table.dispatch({ type: 'resize', count: next.length, height: table.state.height });
      table.dispatch({ type: 'select', index: at >= 0 ? at : 0 });
    },
    [latest, dispatch, current],
  );

  const onKey = useCallback(
    (input: string, key: Key) => {
      const { nav } = latest.current;
      switch (commandFor('projects', input, key)) {
        case 'app.back':
          return nav.pop();
        case 'app.help':
          return nav.push({ screen: 'help', context: 'projects' });
        case 'list.search':
          return dispatch({ type: 'startSearch' });
        case 'list.sortNext':
          return change({ type: 'cycleSort' });
        case 'list.sortReverse':
          return change({ type: 'reverse' });
        case 'list.filterUnit':
          return change({ type: 'cycleUnit' });
        case 'list.filterArea':
          return change({ type: 'cycleArea' });
        case 'list.filterLight':
          return change({ type: 'cycleLight' });
        case 'list.clearFilters':
          return change({ type: 'clearFilters' });
        default:
          return;
      }
    },
    [latest, dispatch, change],
  );
  useInput(onKey, { isActive: active && !state.searching });

  const filter = describeFilter(state);
  const sortText =
    state.sortKey === 'register' ? '台账顺序' : `${SORT_LABEL[state.sortKey]}${state.descending ? '↓' : '↑'}`;
  const summary = ` 共${index.statuses.length}个项目，显示${rows.length}个 · 排序：${sortText}${filter ? ` · ${filter}` : ''} · 金额：${data.register.meta.moneyUnit}`;
  const sort =
    state.sortKey === 'register'
      ? undefined
      : { column: state.sortKey, direction: state.descending ? ('desc' as const) : ('asc' as const) };
  const prompt = ' 搜索：';
  return (
    <Screen
      title="项目"
      context={state.searching ? 'search' : 'projects'}
      status={
        state.searching ? { kind: 'info', text: '输入名称、编号、单位或领导；Enter 确定，Esc 清除' } : null
      }
    >
      <Text wrap="truncate">{truncateToWidth(summary, columns)}</Text>
      <Table
        columns={cols}
        rows={rows}
        selectedIndex={table.state.selected}
        scrollOffset={table.state.offset}
        height={height}
        width={columns}
        {...(sort ? { sort } : {})}
        emptyText="  没有符合条件的项目（按 c 清除筛选）"
      />
      {state.searching ? (
        <SearchInput
          prompt={prompt}
          query={state.query}
          {...searchHandlers(dispatch, change)}
          isActive={active}
          width={columns}
          placeholder="例如：光伏、PL-0、发改"
        />
      ) : null}
    </Screen>
  );
}

export function ProjectsScreen(props: ScreenProps) {
  const { session, active, nav } = props;
  return (
    <WithRegister {...props} title="项目" loadingText=" 正在读取台账 …">
      {(data) => (
        <ProjectsTable
          session={session}
          data={data}
          index={projectIndexFor(data.assessment.statuses)}
          active={active}
          nav={nav}
        />
      )}
    </WithRegister>
  );
}
