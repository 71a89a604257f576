// 简报: pick a meeting's minutes or the month's bulletin, preview it scrollably, write it out in any
// format the engine has (Word, Excel for the bulletin, Markdown, text, JSON) into the output folder.
import * as path from 'node:path';
import { Box, Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildBulletin } from '../../briefing/bulletin.js';
import { buildMinutes } from '../../briefing/minutes.js';
import { buildAssessmentDocument } from '../../briefing/assessment.js';
import { DEFAULT_ASSESSMENT_RULES, quarterName, quarterOfDate } from '../../domain/assessment.js';
import { renderText } from '../../briefing/text.js';
import { formatDate } from '../../briefing/wording.js';
import type { BriefingDocument } from '../../briefing/document.js';
import type { Meeting, Register } from '../../domain/types.js';
import { commandFor } from '../key-bindings.js';
import { useTable } from '../components/table/index.js';
import { ChoiceList } from '../components/choice-list.js';
import { useLatest } from '../components/use-latest.js';
import { safeToEcho } from '../../text/sanitize.js';
import { truncateToWidth } from '../../text/width.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { LoadedData, Session } from '../../app/session.js';
import { writeBriefing } from '../../app/briefing-output.js';
import type { OutputFormat } from '../../app/briefing-output.js';
import { Screen, bodyHeight } from './chrome.js';
import type { StatusMessage } from './chrome.js';
import { LinesView, useScroll, wrapped } from './lines.js';
import type { Line } from './lines.js';
import { meetingLabel, numbersOf } from './meeting-info.js';
import { WithRegister } from './not-ready.js';
import type { Navigator, ScreenProps } from './types.js';
import { errorText } from '../../store/system-error.js';
import { meetingDecisions } from '../../domain/ledger.js';

export type BriefingChoice =
  | { kind: 'bulletin' }
  | { kind: 'minutes'; meeting: Meeting; number: number }
  /** 季考核 of the quarter of the register's as_of, on the default rules */
  | { kind: 'assessment' };

const FORMAT_LABEL: Record<OutputFormat, string> = {
  docx: 'Word',
  xlsx: 'Excel',
  md: 'Markdown',
  txt: '纯文本',
  json: 'JSON',
};

export function formatsFor(choice: BriefingChoice): OutputFormat[] {
  return choice.kind !== 'minutes' ? ['docx', 'xlsx', 'md', 'txt', 'json'] : ['docx', 'md', 'txt', 'json'];
}

/** The choices, bulletin first, then the meetings' minutes, latest first, then the 季考核. */
export function briefingChoices(data: LoadedData): BriefingChoice[] {
  const numbers = numbersOf(data.meetings);
  const minutes = data.meetings
    .map((meeting, i) => ({ kind: 'minutes' as const, meeting, number: numbers[i]! }))
    .sort((a, b) =>
      a.meeting.meeting.date < b.meeting.meeting.date
        ? 1
        : a.meeting.meeting.date > b.meeting.meeting.date
          ? -1
          : 0,
    );
  return [{ kind: 'bulletin' }, ...minutes, { kind: 'assessment' }];
}

export function choiceLabel(c: BriefingChoice, data: LoadedData): string {
  if (c.kind === 'bulletin') {
    const asOf = data.register.meta.asOf;
    return `月通报 ${asOf.slice(0, 4)}年${Number(asOf.slice(5, 7))}月份（数据截至${formatDate(asOf)}）`;
  }
  if (c.kind === 'assessment') {
    const asOf = data.register.meta.asOf;
    return `季考核 ${quarterName(quarterOfDate(asOf))}（数据截至${formatDate(asOf)}，默认考核规则）`;
  }
  const decisions = meetingDecisions(c.meeting).length;
  return `会议纪要 ${meetingLabel(c.meeting, c.number)}，议定事项${decisions}项${c.meeting.meeting.closed ? '' : '（未结束，草稿）'}`;
}

/**
 * The document; the settings' issuing office (发文机关) stands in when the register names none. A
 * bulletin is dated `today` (its issue date), or its data date when today is earlier.
 */
export function buildChoice(
  c: BriefingChoice,
  data: LoadedData,
  issuer?: string,
  today?: string,
  /** last month's snapshot (环比) */
  previous?: Register,
  /** minutes: the time spent on each item (the `m` toggle, as `minutes --times`) */
  times?: boolean,
): BriefingDocument {
  const register =
    !data.register.meta.issuer && issuer
      ? { ...data.register, meta: { ...data.register.meta, issuer } }
      : data.register;
  const issued = today !== undefined && today > register.meta.asOf ? { issued: today } : {};
  if (c.kind === 'assessment') {
    return buildAssessmentDocument({
      register,
      meetings: data.meetings,
      quarter: quarterOfDate(register.meta.asOf),
      rules: DEFAULT_ASSESSMENT_RULES,
      ...issued,
    });
  }
  return c.kind === 'bulletin'
    ? buildBulletin({
        register,
        meetings: data.meetings,
        ...(today !== undefined && today > register.meta.asOf ? { issued: today } : {}),
        ...(previous ? { previous } : {}),
      })
    : buildMinutes({ meeting: c.meeting, register, meetings: data.meetings, ...(times ? { times } : {}) });
}

function Preview(props: {
  session: Session;
  data: LoadedData;
  choice: BriefingChoice;
  active: boolean;
  onBack: () => void;
  /** t: from the minutes to the bulletin and back */
  onSwitchKind: () => void;
  nav: Navigator;
}) {
  const { session, data, choice, active } = props;
  const { columns, rows } = useTerminalSize();
  const formats = formatsFor(choice);
  const [format, setFormat] = useState<OutputFormat>(formats[0]!);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [times, setTimes] = useState(false);
  /** f: the list of formats is open (ink-select-input) */
  const [choosing, setChoosing] = useState(false);
  const formatChoices = useMemo(
    () =>
      formats.map((f) => ({
        label: FORMAT_LABEL[f],
        value: f,
        ...(f === format ? { note: '（当前）' } : {}),
      })),
    [formats, format],
  );
  const built = useMemo(() => {
    try {
      const previous = choice.kind === 'bulletin' ? session.previousSnapshot() : undefined;
      return { doc: buildChoice(choice, data, session.settingIssuer(), session.today, previous, times) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [choice, data, session, times]);
  const lines = useMemo<Line[]>(() => {
    if (!built.doc) return [{ text: built.error ?? '', color: 'red' }];
    // the bulletin's chart as Unicode bars (a line per unit) as wide as the screen, up to 80 columns
    return renderText(built.doc, { chartWidth: Math.min(columns, 80) })
      .split('\n')
      .flatMap((t) => wrapped(t, columns));
  }, [built, columns]);
  const listHeight = choosing ? formats.length + 1 : 0;
  const height = bodyHeight(rows) - 1 - listHeight;
  const latest = useLatest({ props, format, built, times });
  const { offset } = useScroll({
    context: 'briefings',
    lineCount: lines.length,
    height,
    isActive: active && !choosing,
    onCommand: (command) => {
      const { props, format, built, times } = latest.current;
      switch (command) {
        case 'app.back':
          return props.onBack();
        case 'app.help':
          return props.nav.push({ screen: 'help', context: 'briefings' });
        case 'briefing.nextFormat':
          return setChoosing(true);
        case 'briefing.switchKind':
          return props.onSwitchKind();
        case 'briefing.toggleTimes':
          if (props.choice.kind === 'bulletin') return;
          setStatus({
            kind: 'info',
            text: times ? '纪要不注明各项用时' : '纪要在各项目标题后注明会上研究用时',
          });
          return setTimes((t) => !t);
        case 'briefing.write': {
          if (!built.doc) return;
          setStatus({ kind: 'info', text: '正在写出 …' });
          // a chart left out of the Word bulletin (no CJK font; docs/office.md "Charts"): said with "已写入"
          let noChart = false;
          void writeBriefing(session, built.doc, format, () => (noChart = true)).then(
            (file) =>
              setStatus(
                noChart
                  ? {
                      kind: 'error',
                      text: `已写入 ${file}；未找到中文字体，未插入图表（可用环境变量 DIAODU_CHART_FONT 指定字体文件）`,
                    }
                  : { kind: 'ok', text: `已写入 ${file}` },
              ),
            (error: unknown) =>
              setStatus({
                kind: 'error',
                text: `未能写出：${errorText(error)}`,
              }),
          );
          return;
        }
        default:
          return;
      }
    },
  });
  const info = ` 格式：${FORMAT_LABEL[format]}（f 选择）· w 写出到 ${safeToEcho(session.outputDir())} · 第${Math.min(lines.length, offset + 1)}/${lines.length}行`;
  return (
    <Screen
      title={
        choice.kind === 'bulletin'
          ? '简报 · 月通报'
          : choice.kind === 'assessment'
            ? '简报 · 季考核'
            : '简报 · 会议纪要'
      }
      context={choosing ? 'choice' : 'briefings'}
      hints={
        choosing
          ? ['nav.down', 'choice.pick', 'app.back', 'app.help']
          : [
              'briefing.write',
              'briefing.nextFormat',
              'briefing.switchKind',
              'nav.down',
              'nav.pageDown',
              'app.back',
              'app.help',
            ]
      }
      status={status}
    >
      <Text bold wrap="truncate">
        {truncateToWidth(info, columns)}
      </Text>
      {choosing ? (
        <Box flexDirection="column">
          <Text bold color="cyan">
            {' '}
            选择格式（写出时用）：
          </Text>
          <ChoiceList
            choices={formatChoices}
            initial={formats.indexOf(format)}
            isActive={active}
            onPick={(f) => {
              setChoosing(false);
              setFormat(f);
            }}
            onCancel={() => setChoosing(false)}
            onHelp={() => props.nav.push({ screen: 'help', context: 'choice' })}
          />
        </Box>
      ) : null}
      <LinesView lines={lines} offset={offset} height={height} width={columns} />
    </Screen>
  );
}

function Chooser(props: {
  data: LoadedData;
  choices: readonly BriefingChoice[];
  active: boolean;
  nav: Navigator;
  onOpen: (c: BriefingChoice) => void;
}) {
  const { data, choices, active } = props;
  const { columns, rows } = useTerminalSize();
  const height = bodyHeight(rows) - 2;
  const table = useTable({
    rowCount: choices.length,
    height,
    isActive: active,
    context: 'list',
    onOpen: (i) => {
      const c = props.choices[i];
      if (c) props.onOpen(c);
    },
  });
  const latest = useLatest(props);
  const onKey = useCallback(
    (input: string, key: Key) => {
      const command = commandFor('briefingChoice', input, key);
      if (command === 'app.back') latest.current.nav.pop();
      if (command === 'app.help') latest.current.nav.push({ screen: 'help', context: 'briefingChoice' });
    },
    [latest],
  );
  useInput(onKey, { isActive: active });
  const start = table.state.offset;
  return (
    <Screen title="简报" context="briefingChoice" hints={['nav.down', 'nav.open', 'app.back', 'app.help']}>
      <Text bold> 选择要生成的文稿（Enter 预览，预览中可写出 Word 等格式）：</Text>
      <Text> </Text>
      {choices.slice(start, start + height).map((c, i) => (
        <Text key={start + i} inverse={start + i === table.state.selected} wrap="truncate">
          {truncateToWidth(
            ` ${start + i === table.state.selected ? '▶' : ' '} ${choiceLabel(c, data)}`,
            columns,
          )}
        </Text>
      ))}
    </Screen>
  );
}

function Briefings(props: {
  session: Session;
  data: LoadedData;
  active: boolean;
  nav: Navigator;
  meetingFile?: string | undefined;
}) {
  const { data } = props;
  const choices = useMemo(() => briefingChoices(data), [data]);
  const [open, setOpen] = useState<BriefingChoice | null>(() => {
    if (!props.meetingFile) return null;
    const target = path.resolve(props.meetingFile);
    return (
      choices.find(
        (c) =>
          c.kind === 'minutes' && c.meeting.file !== undefined && path.resolve(c.meeting.file) === target,
      ) ?? null
    );
  });
  useEffect(() => {
    // the meetings were reloaded (a meeting closed): keep the open choice pointing at current data
    if (open?.kind !== 'minutes') return;
    const again = choices.find((c) => c.kind === 'minutes' && c.meeting.file === open.meeting.file);
    if (again && again !== open) setOpen(again);
  }, [choices, open]);
  if (open) {
    return (
      <Preview
        key={open.kind !== 'minutes' ? open.kind : (open.meeting.file ?? open.meeting.meeting.date)}
        session={props.session}
        data={data}
        choice={open}
        active={props.active}
        nav={props.nav}
        onBack={() => (props.meetingFile ? props.nav.pop() : setOpen(null))}
        onSwitchKind={() => {
          // the bulletin ⇄ the latest meeting's minutes (or the one opened from the meeting)
          if (open.kind === 'minutes') return setOpen(choices[0] ?? open);
          const fromMeeting = props.meetingFile ? path.resolve(props.meetingFile) : undefined;
          const minutes =
            choices.find(
              (c) => c.kind === 'minutes' && fromMeeting !== undefined && c.meeting.file === fromMeeting,
            ) ?? choices.find((c) => c.kind === 'minutes');
          if (minutes) setOpen(minutes);
        }}
      />
    );
  }
  return <Chooser data={data} choices={choices} active={props.active} nav={props.nav} onOpen={setOpen} />;
}

export function BriefingsScreen(props: ScreenProps & { meetingFile?: string | undefined }) {
  const { session, active, nav } = props;
  return (
    <WithRegister {...props} title="简报" loadingText=" 正在读取 …">
      {(data) => (
        <Box flexDirection="column">
          <Briefings
            session={session}
            data={data}
            active={active}
            nav={nav}
            meetingFile={props.meetingFile}
          />
        </Box>
      )}
    </WithRegister>
  );
}
