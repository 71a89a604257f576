// 总览: the register at a glance and the menu to every other screen.
import * as path from 'node:path';
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { commandFor } from '../key-bindings.js';
import type { Command } from '../key-bindings.js';
import { useLatest } from '../components/use-latest.js';
import { useSelectInputMirror } from '../components/select-input-mirror.js';
import type { MirroredKey } from '../components/select-input-mirror.js';
import { useSessionState } from '../hooks/use-session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { safeLinesToEcho, safeToEcho } from '../../text/sanitize.js';
import { fitToWidth } from '../../text/width.js';
import { LightText, Screen, bodyHeight } from './chrome.js';
import type { StatusMessage } from './chrome.js';
import { wrapText } from './lines.js';
import type { Route } from './navigation.js';
import type { ScreenProps } from './types.js';
import { homeOverviewOf } from './home-overview.js';
import type { HomeOverview } from '../../app/home-overview.js';

interface MenuEntry {
  command: Command;
  digit: string;
  label: string;
  note: string;
  route: Route;
}

export const HOME_MENU: readonly MenuEntry[] = [
  {
    command: 'goto.projects',
    digit: '1',
    label: '项目',
    note: '全部项目：排序、筛选、搜索',
    route: { screen: 'projects' },
  },
  {
    command: 'goto.meeting',
    digit: '2',
    label: '调度会',
    note: '开会：先听落实情况，再逐个过滞后项目',
    route: { screen: 'meeting' },
  },
  {
    command: 'goto.ledger',
    digit: '3',
    label: '督办',
    note: '全部议定事项，逾期在前',
    route: { screen: 'ledger' },
  },
  {
    command: 'goto.briefings',
    digit: '4',
    label: '简报',
    note: '调度会纪要、月通报',
    route: { screen: 'briefings' },
  },
  {
    command: 'goto.settings',
    digit: '5',
    label: '设置',
    note: '发文机关、默认主持与出席、文件夹',
    route: { screen: 'settings' },
  },
  {
    command: 'goto.leaders',
    digit: '6',
    label: '包联领导',
    note: '按包联领导：项目数、红黄灯、逾期议定事项',
    route: { screen: 'leaders' },
  },
];

/**
 * The commands whose keys ink-select-input answers itself on the home menu (its keys are fixed in
 * the component: ↑/k, ↓/j, Enter, and 1–9, which select at once). They are declared in the binding
 * table so that help and footers list them; the screen's own handler leaves them alone, so a key
 * acts once.
 */
export const MENU_OWNED_BY_SELECT_INPUT: readonly Command[] = [
  'nav.up',
  'nav.down',
  'nav.open',
  ...HOME_MENU.map((m) => m.command),
];

/** What an owned command is to SelectInput. */
function mirroredKey(command: Command): MirroredKey {
  if (command === 'nav.up') return 'up';
  if (command === 'nav.down') return 'down';
  if (command === 'nav.open') return 'select';
  return { digit: HOME_MENU.findIndex((m) => m.command === command) + 1 };
}

interface MenuItem {
  key?: string;
  label: string;
  value: number;
}

const MENU_ITEMS: readonly MenuItem[] = HOME_MENU.map((m, i) => ({ key: m.digit, label: m.label, value: i }));

/** The menu's first column: the ▶ of the selected row, on the row's inverse bar. */
function MenuIndicator({ isSelected = false }: { isSelected?: boolean }) {
  return <Text inverse={isSelected}>{` ${isSelected ? '▶' : ' '} `}</Text>;
}

/** One menu row after the indicator: digit, name, and what the screen is for (dim unless selected). */
function MenuRow({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  const { columns } = useTerminalSize();
  const entry = HOME_MENU.find((m) => m.label === label)!;
  return (
    <Text inverse={isSelected} wrap="truncate">
      {fitToWidth(`${entry.digit} ${entry.label}`, 11)}
      <Text dimColor={!isSelected}>{fitToWidth(entry.note, Math.max(0, columns - 14))}</Text>
    </Text>
  );
}

/** A label column of fixed width (it never gives way to a long value) and the value, cut at the edge. */
export function HomeRow(props: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Box width={16} flexShrink={0}>
        <Text>{fitToWidth(` ${props.label}`, 16)}</Text>
      </Box>
      <Text wrap="truncate-end">{props.children}</Text>
    </Box>
  );
}

/**
 * The register's figures, one line each, in at most `maxLines` lines. In a window too short for them
 * and the menu (which must stay visible below), the least needed lines give way first (`rank`: the
 * blank line, then the last meeting, the money totals …; a problem with the files stays), order is
 * kept, and a last line says how many are hidden.
 */
function Overview({ overview: o, maxLines }: { overview: HomeOverview; maxLines: number }) {
  const problem =
    o.problem?.kind === 'meetings' ? (
      <Text color="red" bold wrap="truncate">
        {' '}
        会议记录有误，未计入（{o.problem.count}处）：{o.problem.message}
      </Text>
    ) : o.problem ? (
      <Text color="yellow" wrap="truncate">
        {' '}
        台账有{o.problem.count}条警告（diaodu check 可查看）：{o.problem.message}
      </Text>
    ) : null;
  const lines: { key: string; rank: number; line: ReactNode }[] = [
    {
      key: 'title',
      rank: 0,
      line: (
        <Text bold wrap="truncate">
          {' '}
          {o.title}
        </Text>
      ),
    },
    {
      key: 'asOf',
      rank: 1,
      line: <Text wrap="truncate"> {o.asOfLine}</Text>,
    },
    { key: 'gap', rank: 9, line: <Text> </Text> },
    { key: 'start', rank: 5, line: <HomeRow label="开复工率">{o.start}</HomeRow> },
    { key: 'completion', rank: 3, line: <HomeRow label="年度投资完成率">{o.completion}</HomeRow> },
    { key: 'money', rank: 7, line: <HomeRow label="年度计划投资">{o.money}</HomeRow> },
    {
      key: 'lights',
      rank: 2,
      line: (
        <HomeRow label="红黄绿灯">
          <LightText light="红" /> {o.lights.红}个 <LightText light="黄" /> {o.lights.黄}个{' '}
          <LightText light="绿" /> {o.lights.绿}个
        </HomeRow>
      ),
    },
    {
      key: 'decisions',
      rank: 4,
      line: (
        <HomeRow label="议定事项">
          未办结 {o.decisions.open} 项，其中
          <Text color={o.decisions.overdue > 0 ? 'red' : undefined} bold={o.decisions.overdue > 0}>
            逾期 {o.decisions.overdue} 项
          </Text>
          ；已落实 {o.decisions.done} 项（截至{o.decisions.day}）
        </HomeRow>
      ),
    },
    { key: 'last', rank: 8, line: <HomeRow label="上次调度会">{o.last ?? '尚无会议记录'}</HomeRow> },
    ...(problem ? [{ key: 'problem', rank: 1, line: problem }] : []),
  ];
  const fits = lines.length <= maxLines;
  const room = fits ? lines.length : Math.max(0, maxLines - 1);
  const kept = new Set(
    [...lines]
      .sort((x, y) => x.rank - y.rank)
      .slice(0, room)
      .map((l) => l.key),
  );
  return (
    <Box flexDirection="column">
      {lines
        .filter((l) => kept.has(l.key))
        .map((l) => (
          <Box key={l.key}>{l.line}</Box>
        ))}
      {!fits && maxLines > 0 ? (
        <Text dimColor wrap="truncate">
          {' '}
          …（窗口较小，另有{lines.length - room}行概况未显示）
        </Text>
      ) : null}
    </Box>
  );
}

/**
 * Why the register cannot be opened, in at most `maxLines` lines: each problem wrapped by display
 * width with a hanging indent, the register's folder left out of its name (the title says which
 * file), and what to do next.
 */
function RegisterProblems(props: { message: string; registerPath: string; width: number; maxLines: number }) {
  const file = path.resolve(props.registerPath);
  const shortened = safeLinesToEcho(props.message.split(file).join(path.basename(file)));
  const lines = shortened
    .split('\n')
    .flatMap((problem) => wrapText(` ${problem}`, Math.max(10, props.width - 1), '   '));
  const hint = ' 在编辑器里改好后按 r 重新读取；diaodu check 可列出全部问题。';
  const room = Math.max(0, props.maxLines - 2);
  const shown = lines.length <= room ? lines : lines.slice(0, Math.max(0, room - 1));
  const hidden = lines.length - shown.length;
  return (
    <Box flexDirection="column">
      <Text color="red" bold wrap="truncate">
        {' '}
        台账无法打开：{safeToEcho(path.basename(file))}
      </Text>
      {shown.map((line, i) => (
        <Text key={i} color="red">
          {line}
        </Text>
      ))}
      {hidden > 0 ? <Text color="red"> …（另有{hidden}行）</Text> : null}
      {props.maxLines > 1 ? (
        <Text dimColor wrap="truncate">
          {hint}
        </Text>
      ) : null}
    </Box>
  );
}

export function HomeScreen({ session, active, nav }: ScreenProps) {
  const state = useSessionState(session);
  const { columns, rows } = useTerminalSize();
  // drawn from the load cache until the register is loaded (app/home-overview.ts), then from the data
  const cached = session.cachedOverview;
  const data = state.phase === 'ready' ? state.data : undefined;
  const overview = useMemo(() => (data ? homeOverviewOf(data) : undefined), [data]);
  useEffect(() => {
    if (data && overview) session.keepOverview(data, overview);
  }, [session, data, overview]);
  // the menu and the blank line above it come first; the overview gets what is left
  const overviewLines = Math.max(0, bodyHeight(rows) - HOME_MENU.length - 1);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const latest = useLatest({ nav, session });
  // SelectInput picks (Enter, a digit); the mirror makes it the row the keys meant (see there)
  const menu = useSelectInputMirror(
    HOME_MENU.length,
    useCallback((row: number) => latest.current.nav.push(HOME_MENU[row]!.route), [latest]),
    { digitMoves: true },
  );
  const { follow, jump } = menu;
  const handler = useCallback(
    (input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
      const { session } = latest.current;
      const command = commandFor('home', input, key);
      if (!command) return;
      setStatus(null);
      // SelectInput acts on these; the mirror only follows (see useMenuMirror)
      if (MENU_OWNED_BY_SELECT_INPUT.includes(command)) return follow(mirroredKey(command));
      switch (command) {
        case 'nav.home':
        case 'nav.pageUp':
          return jump(0);
        case 'nav.end':
        case 'nav.pageDown':
          return jump(HOME_MENU.length - 1);
        case 'app.help':
          return latest.current.nav.push({ screen: 'help', context: 'home' });
        case 'home.reload': {
          // the secretary fixed the register (or a meeting file) in an editor: read both again
          session.load();
          const after = session.getSnapshot();
          return setStatus(
            after.phase === 'ready'
              ? {
                  kind: 'ok',
                  text: `已重新读取台账和会议记录（${after.data.register.projects.length}个项目）`,
                }
              : { kind: 'error', text: '台账仍有问题，见上方' },
          );
        }
        default:
          return;
      }
    },
    [latest, follow, jump],
  );
  useInput(handler, { isActive: active });
  // SelectInput's items are mutable by type; one copy per screen, never changing (a change of values
  // would send it back to the first row)
  const menuItems = useMemo(() => [...MENU_ITEMS], []);

  return (
    <Screen
      title="总览"
      context="home"
      hints={
        state.phase === 'error'
          ? ['home.reload', 'nav.down', 'nav.open', 'app.help', 'app.quit']
          : ['nav.down', 'nav.open', 'app.help', 'app.quit']
      }
      status={status}
    >
      {state.phase === 'loading' && cached ? (
        <Overview overview={cached} maxLines={overviewLines} />
      ) : state.phase === 'loading' ? (
        <Text> 正在读取台账 {safeToEcho(session.registerPath)} …</Text>
      ) : state.phase === 'error' ? (
        <RegisterProblems
          message={state.message}
          registerPath={session.registerPath}
          width={columns}
          maxLines={overviewLines}
        />
      ) : (
        <Overview overview={overview!} maxLines={overviewLines} />
      )}
      {overviewLines > 0 ? <Text> </Text> : null}
      <SelectInput
        key={menu.epoch}
        items={menuItems}
        initialIndex={menu.cursor}
        isFocused={active}
        indicatorComponent={MenuIndicator}
        itemComponent={MenuRow}
        onSelect={menu.onSelect}
        onHighlight={menu.onHighlight}
      />
    </Screen>
  );
}
