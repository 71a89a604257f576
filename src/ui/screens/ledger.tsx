// 督办: every decision of every meeting, overdue first; filter by 责任单位, state and search (project or
// text); mark one done (or in progress) with a note between meetings.
import { Box, Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useMemo, useState } from 'react';
import type { FollowupStatus, LedgerEntry } from '../../domain/types.js';
import { commandFor } from '../key-bindings.js';
import { Table, useTable } from '../components/table/index.js';
import type { Column } from '../components/table/index.js';
import { PromptedInput, SearchInput, searchHandlers } from '../components/text-input/index.js';
import { useLatest } from '../components/use-latest.js';
import { useSyncReducer } from '../components/use-sync-reducer.js';
import { truncateToWidth } from '../../text/width.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { LoadedData, Session } from '../../app/session.js';
import { Screen, bodyHeight } from './chrome.js';
import type { StatusMessage } from './chrome.js';
import { STATE_COLOR, stateText } from './decision-labels.js';
import { wrapText } from './lines.js';
import {
  describeLedgerFilter,
  initialLedgerState,
  ledgerRows,
  ledgerUnits,
  reduceLedger,
} from './ledger-state.js';
import type { LedgerAction } from './ledger-state.js';
import { WithRegister } from './not-ready.js';
import { writeBriefing } from '../../app/briefing-output.js';
import { noticeForUnit } from './ledger-notice.js';
import type { Navigator, ScreenProps } from './types.js';

/**
 * The table's columns; 编号 only where there is room (the line under the table names it anyway).
 * In a narrow window the least needed go first (`keep`): 完成时限, 项目, 责任单位; 议定事项 and its
 * state stay longest.
 */
export function ledgerColumns(data: LoadedData, width: number): Column<LedgerEntry>[] {
  const columns: Column<LedgerEntry>[] = [
    {
      key: 'state',
      title: '状态',
      width: 10,
      keep: 8,
      value: (e) => stateText(e).replace(/（.*）$/, ''),
      color: (e) => STATE_COLOR[e.state],
      bold: (e) => e.state === 'overdue',
    },
    { key: 'id', title: '编号', width: 13, keep: 1, value: (e) => e.decision.id },
    {
      key: 'project',
      title: '项目',
      flex: 1,
      minWidth: 8,
      keep: 6,
      value: (e) => data.statusById.get(e.project)?.project.name ?? e.project,
    },
    { key: 'text', title: '议定事项', flex: 2, minWidth: 12, keep: 9, value: (e) => e.decision.text },
    { key: 'unit', title: '责任单位', width: 12, keep: 7, value: (e) => e.decision.unit },
    { key: 'due', title: '完成时限', width: 10, keep: 5, value: (e) => e.decision.due },
  ];
  return width >= 100 ? columns : columns.filter((c) => c.key !== 'id');
}

interface MarkForm {
  status: FollowupStatus;
  note: string;
}

const DETAIL_LINES = 3;

function LedgerTable(props: { session: Session; data: LoadedData; active: boolean; nav: Navigator }) {
  const { session, data, active } = props;
  const { columns, rows: screenRows } = useTerminalSize();
  const { state, dispatch } = useSyncReducer(reduceLedger, () => initialLedgerState);
  const [form, setForm] = useState<MarkForm | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const units = useMemo(() => ledgerUnits(data.ledgerToday), [data.ledgerToday]);
  const rows = useMemo(
    () => ledgerRows(data.ledgerToday, state, (id) => data.statusById.get(id)?.project),
    [data, state],
  );
  const cols = useMemo(() => ledgerColumns(data, columns), [data, columns]);
  const typing = state.searching || form !== null;
  const height = Math.max(1, bodyHeight(screenRows) - 2 - DETAIL_LINES - (typing ? 1 : 0));
  const table = useTable({
    rowCount: rows.length,
    height,
    isActive: active && !typing,
    context: 'ledger',
    // Enter: the project the decision is about, with every decision ever taken on it
    onOpen: (at) => {
      const entry = rows[at];
      if (entry && data.statusById.has(entry.project))
        props.nav.push({ screen: 'project', projectId: entry.project });
    },
  });
  const selected = rows[table.state.selected];

  const latest = useLatest({ props, rows, table, units, selected, state });
  const change = useCallback(
    (action: LedgerAction) => {
      dispatch(action);
      latest.current.table.dispatch({ type: 'select', index: 0 });
    },
    [dispatch, latest],
  );
  const onKey = useCallback(
    (input: string, key: Key) => {
      const { props, units, selected, state } = latest.current;
      switch (commandFor('ledger', input, key)) {
        case 'app.back':
          return props.nav.pop();
        case 'app.help':
          return props.nav.push({ screen: 'help', context: 'ledger' });
        case 'list.search':
          return dispatch({ type: 'startSearch' });
        case 'list.sortNext':
          return change({ type: 'cycleSort' });
        case 'list.filterUnit':
          return change({ type: 'cycleUnit', units });
        case 'ledger.cycleState':
          return change({ type: 'cycleState' });
        case 'list.clearFilters':
          return change({ type: 'clear' });
        case 'ledger.markDone':
          if (selected) setForm({ status: '已落实', note: '' });
          return;
        case 'ledger.markInProgress':
          if (selected) setForm({ status: '推进中', note: selected.latest?.note ?? '' });
          return;
        case 'ledger.writeNotice': {
          // the unit filtered on (u), else the selected decision's
          const unit = state.unit ?? selected?.decision.unit;
          if (!unit) return;
          const doc = noticeForUnit(data, unit, session.settingIssuer());
          if (!doc) {
            setStatus({
              kind: 'info',
              text: `${unit}没有逾期、即将到期的议定事项或未解决的问题，未写出督办通知单`,
            });
            return;
          }
          setStatus({ kind: 'info', text: '正在写出督办通知单 …' });
          void (async () => {
            const files = [
              await writeBriefing(session, doc, 'docx'),
              await writeBriefing(session, doc, 'md'),
            ];
            return files;
          })().then(
            (files) => setStatus({ kind: 'ok', text: `已写入 ${files.join('、')}` }),
            (error: unknown) =>
              setStatus({
                kind: 'error',
                text: `未能写出督办通知单：${error instanceof Error ? error.message : String(error)}`,
              }),
          );
          return;
        }
        default:
          return;
      }
    },
    [latest, dispatch, change, data, session],
  );
  useInput(onKey, { isActive: active && !typing });

  const submitMark = useCallback(
    (note: string) => {
      const entry = latest.current.selected;
      const f = form;
      setForm(null);
      if (!entry || !f) return;
      const error = session.recordFollowup(entry, f.status, note);
      setStatus(
        error
          ? { kind: 'error', text: error }
          : { kind: 'ok', text: `已记录：${entry.decision.id} ${f.status}（${session.today}）` },
      );
    },
    [latest, form, session],
  );

  const detail: string[] = [];
  if (selected) {
    const d = selected.decision;
    const p = data.statusById.get(selected.project)?.project;
    detail.push(
      ...wrapText(
        `${d.id}（${selected.meetingDate}会议）${p ? `${p.id} ${p.name}：` : selected.general ? `${selected.project}：` : ''}${d.text}；${d.coUnits?.length ? `牵头单位：${d.unit}，配合单位：${d.coUnits.join('、')}` : `责任单位：${d.unit}`}${d.owner ? `，责任人：${d.owner}` : ''}；完成时限：${d.due}；${stateText(selected)}${selected.latest?.note ? `：${selected.latest.note}` : ''}`,
        columns,
      ),
    );
  }
  const summary = ` 共${data.ledgerToday.length}项，显示${rows.length}项 · ${describeLedgerFilter(state)} · ${session.today}`;
  const prompt = form ? ` ${form.status}，说明（可空，Enter 保存）：` : ' 搜索：';
  return (
    <Screen
      title="督办"
      context={form ? 'input' : state.searching ? 'search' : 'ledger'}
      hints={
        typing
          ? undefined
          : [
              'ledger.markDone',
              'ledger.markInProgress',
              'ledger.cycleState',
              'list.filterUnit',
              'list.search',
              'list.sortNext',
              'nav.open',
              'nav.down',
              'app.back',
              'app.help',
            ]
      }
      status={status}
    >
      <Text wrap="truncate">{truncateToWidth(summary, columns)}</Text>
      <Table
        columns={cols}
        rows={rows}
        selectedIndex={table.state.selected}
        scrollOffset={table.state.offset}
        height={height}
        width={columns}
        emptyText="  没有符合条件的议定事项（按 c 清除筛选）"
        rowKey={(e) => e.decision.id}
      />
      <Box flexDirection="column" height={DETAIL_LINES}>
        {detail.slice(0, DETAIL_LINES).map((t, i) => (
          <Text key={i} dimColor={i > 0} wrap="truncate">
            {truncateToWidth(t, columns)}
          </Text>
        ))}
      </Box>
      {form ? (
        <PromptedInput
          prompt={prompt}
          promptColor="cyan"
          value={form.note}
          onChange={(note) => setForm((f) => (f ? { ...f, note } : f))}
          onSubmit={submitMark}
          onCancel={() => setForm(null)}
          isActive={active}
          width={columns}
          inverseCursor
        />
      ) : typing ? (
        <SearchInput
          prompt={prompt}
          promptColor="cyan"
          query={state.query}
          {...searchHandlers(dispatch, change)}
          isActive={active}
          width={columns}
          placeholder="项目名称或编号、事项内容"
        />
      ) : null}
    </Screen>
  );
}

export function LedgerScreen(props: ScreenProps) {
  return (
    <WithRegister {...props} title="督办" loadingText=" 正在读取 …">
      {(data) => <LedgerTable session={props.session} data={data} active={props.active} nav={props.nav} />}
    </WithRegister>
  );
}
