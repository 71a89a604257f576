// 调度会: opens the unfinished meeting if there is one (resuming where it was left), else the set-up
// form — date (today), kind, chair, place, present / absent / attending remembered from last time —
// then the meeting room.
import * as path from 'node:path';
import { Box, Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildAgenda, followupsToHear } from '../../../domain/agenda.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { buildLedger, meetingDecisions } from '../../../domain/ledger.js';
import { commandFor, hintLine, keyHint } from '../../key-bindings.js';
import { TextInput } from '../../components/text-input/index.js';
import { useLatest } from '../../components/use-latest.js';
import { useSyncReducer } from '../../components/use-sync-reducer.js';
import { fitToWidth, truncateToWidth } from '../../../text/width.js';
import type { LoadedData, Session } from '../../../app/session.js';
import { useSessionState } from '../../hooks/use-session.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { Screen, bodyHeight } from '../chrome.js';
import { attendanceSummary } from '../../../app/meeting/attendance.js';
import type { AttendanceMark } from '../../../app/meeting/attendance.js';
import { windowStart } from './views.js';
import type { StatusMessage } from '../chrome.js';
import type { Navigator, ScreenProps } from '../types.js';
import { SETUP_FIELDS, SETUP_FIELD_LABELS, reduceSetup } from './forms.js';
import type { SetupDraft, SetupField } from './forms.js';
import {
  MeetingClosedError,
  MeetingRecorder,
  describeError,
  issueNumberFor,
  setupDefaults,
  unfinishedMeeting,
} from '../../../app/meeting/recorder.js';
import type { UnfinishedMeeting } from '../../../app/meeting/recorder.js';
import { MeetingRoom } from './room.js';
import { NotReady } from '../not-ready.js';

const LABEL_WIDTH = 12;

/** The key that takes a read-only meeting over, for the recorder's read-only notice ("按 T 接管记录"). */
const TAKE_OVER_KEYS = keyHint('agenda', 'meeting.takeOver')?.keys;

/** The kind field is chosen with ←→, the attendance checklist marked with ←→, the others are typed. */
function setupContext(field: SetupField): 'setup' | 'setupKind' | 'setupAttendance' {
  return field === 'kind' ? 'setupKind' : field === 'attendance' ? 'setupAttendance' : 'setup';
}

const MARK_COLOR: Record<AttendanceMark, string | undefined> = {
  出席: undefined,
  请假: 'yellow',
  列席: 'cyan',
  迟到: 'magenta',
};

const markKeys = hintLine([
  keyHint('setupAttendance', ['setup.markPrev', 'setup.markNext'], { first: true, label: '改出席情况' }),
]);

const kindKeys = hintLine([keyHint('setupKind', ['setup.kindPrev', 'setup.kindNext'], { label: '切换' })]);

const formKeys = hintLine([
  keyHint('setup', ['form.nextField', 'form.down'], { first: true, label: '下一栏' }),
  keyHint('setup', 'input.submit', { label: '下一栏（最后一栏：开会）' }),
  keyHint('setup', 'setup.start', { label: '开会' }),
  keyHint('setup', 'input.cancel', { short: true }),
]);

function SetupForm(props: {
  session: Session;
  data: LoadedData;
  active: boolean;
  error: string | null;
  /** a question asked over the form (reopen a closed meeting?): its keys are the screen's */
  question: string | null;
  onStart: (setup: SetupDraft) => void;
  onCancel: () => void;
  onHelp: (context: 'setup' | 'setupKind' | 'setupAttendance') => void;
}) {
  const { data, session, active } = props;
  const { columns, rows } = useTerminalSize();
  const {
    state: setup,
    dispatch,
    current,
  } = useSyncReducer(
    reduceSetup,
    (): SetupDraft => ({
      ...setupDefaults(session, data),
      attendeeCursor: 0,
      others: '',
      field: 'date',
    }),
  );
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const latest = useLatest(props);

  const start = useCallback(() => {
    // names still in 增加人员 join the checklist: nothing typed is lost
    dispatch({ type: 'addOthers' });
    const s = current();
    if (!isValidIsoDate(s.date.trim())) {
      setMessage({ kind: 'error', text: `会议日期“${s.date}”不是有效日期（应为 YYYY-MM-DD）` });
      return;
    }
    latest.current.onStart(s);
  }, [current, dispatch, latest]);

  const next = useCallback(() => {
    if (current().field === SETUP_FIELDS[SETUP_FIELDS.length - 1]) return start();
    dispatch({ type: 'next' });
  }, [current, dispatch, start]);

  const onKey = useCallback(
    (input: string, key: Key) => {
      switch (commandFor(setupContext(current().field), input, key)) {
        case 'setup.kindNext':
          return dispatch({ type: 'cycleKind', delta: 1 });
        case 'setup.kindPrev':
          return dispatch({ type: 'cycleKind', delta: -1 });
        case 'setup.markNext':
          return dispatch({ type: 'mark', delta: 1 });
        case 'setup.markPrev':
          return dispatch({ type: 'mark', delta: -1 });
        case 'setup.enterNext':
          return next();
        case 'app.back':
          return latest.current.onCancel();
        case 'app.help':
          return latest.current.onHelp(setupContext(current().field));
        case 'form.nextField':
          return dispatch({ type: 'next' });
        case 'form.down':
          return dispatch({ type: 'down' });
        case 'form.prevField':
          return dispatch({ type: 'prev' });
        case 'form.up':
          return dispatch({ type: 'up' });
        case 'setup.start':
          return start();
        default:
          return;
      }
    },
    [current, dispatch, next, start, latest],
  );
  useInput(onKey, { isActive: active });

  const date = setup.date.trim();
  const preview = useMemo(() => {
    if (!isValidIsoDate(date)) return null;
    const ledger = buildLedger(data.meetings, date);
    const existing = data.meetings.find((m) => m.meeting.date === date && m.meeting.kind === setup.kind);
    return {
      existing,
      agenda: buildAgenda(data.assessment, ledger, date).length,
      followups: followupsToHear(ledger, date).length,
      number: issueNumberFor(session.meetingsDir, setup.kind, date, data),
    };
  }, [data, date, setup.kind, session.meetingsDir]);

  const fieldWidth = Math.max(10, columns - LABEL_WIDTH - 2);
  const row = (field: SetupField) => {
    const focused = setup.field === field;
    const label = (
      <Text bold={focused} color={focused ? 'cyan' : undefined}>
        {fitToWidth(` ${focused ? '▶' : ' '}${SETUP_FIELD_LABELS[field]}`, LABEL_WIDTH)}
      </Text>
    );
    if (field === 'attendance') {
      const height = Math.max(3, bodyHeight(rows) - 12);
      const at = focused ? setup.attendeeCursor : 0;
      const top = windowStart(setup.attendees.length, height, at);
      const nameWidth = Math.max(8, columns - LABEL_WIDTH - 10);
      return (
        <Box key={field} flexDirection="column">
          <Box>
            {label}
            <Text>{attendanceSummary(setup.attendees)}</Text>
            <Text dimColor>{focused ? `  ${markKeys}` : ''}</Text>
          </Box>
          {setup.attendees.slice(top, top + height).map((a, i) => {
            const selected = focused && top + i === at;
            return (
              <Box key={a.name}>
                <Text>{fitToWidth(selected ? '           ▶' : '', LABEL_WIDTH)}</Text>
                <Text inverse={selected}>{fitToWidth(a.name, nameWidth)}</Text>
                <Text color={MARK_COLOR[a.mark]} inverse={selected}>{` 〔${a.mark}〕`}</Text>
              </Box>
            );
          })}
          {setup.attendees.length > height ? (
            <Text dimColor>
              {fitToWidth('', LABEL_WIDTH)}
              {`共${setup.attendees.length}人，${focused ? '↑↓ 查看其余' : '进入本栏查看全部'}`}
            </Text>
          ) : null}
        </Box>
      );
    }
    if (field === 'kind') {
      return (
        <Box key={field}>
          {label}
          <Text inverse={focused}>{`◀ ${setup.kind} ▶`}</Text>
          <Text dimColor>{focused ? `  ${kindKeys}` : ''}</Text>
        </Box>
      );
    }
    return (
      <Box key={field}>
        {label}
        <TextInput
          value={setup[field]}
          onChange={(value) => dispatch({ type: 'set', field, value })}
          onSubmit={() => {
            if (field === 'others' && current().others.trim() !== '') return dispatch({ type: 'addOthers' });
            next();
          }}
          onCancel={() => latest.current.onCancel()}
          onHelp={() => latest.current.onHelp('setup')}
          isActive={active && focused}
          width={fieldWidth}
          inverseCursor
          {...(field === 'others' ? { placeholder: '名单外的人员，用顿号分隔，Enter 加入上面的名单' } : {})}
        />
      </Box>
    );
  };
  const error = props.question
    ? { kind: 'info' as const, text: props.question }
    : props.error
      ? { kind: 'error' as const, text: props.error }
      : message;
  const context = props.question ? 'reopenMeeting' : setupContext(setup.field);
  return (
    <Screen
      title="调度会 · 开会"
      context={context}
      hints={
        props.question
          ? ['meeting.reopen', 'confirm.no', 'app.quit']
          : setup.field === 'kind'
            ? ['setup.kindNext', 'form.nextField', 'setup.start', 'app.back', 'app.quit']
            : setup.field === 'attendance'
              ? ['setup.markNext', 'form.nextField', 'setup.start', 'app.back', 'app.help', 'app.quit']
              : ['form.nextField', 'setup.start', 'input.cancel', 'app.quit']
      }
      status={error}
    >
      <Text bold wrap="truncate">
        {truncateToWidth(` ${data.register.meta.title} · 数据截至 ${data.register.meta.asOf}`, columns)}
      </Text>
      <Text> </Text>
      {SETUP_FIELDS.map(row)}
      <Text> </Text>
      <Text wrap="truncate">
        {truncateToWidth(
          preview?.existing
            ? ` 这天已有${setup.kind}会记录（${preview.existing.meeting.closed ? '已结束，开会时先问是否重新打开' : '未结束，开会即接着记录'}）`
            : preview
              ? ` 第${preview.number ?? '?'}期 · 先听取以往议定事项${preview.followups}项 · 议程${preview.agenda}个项目（红灯、黄灯、有到期事项的）`
              : ' 请填写有效的会议日期',
          columns,
        )}
      </Text>
      <Text dimColor wrap="truncate">
        {truncateToWidth(` ${formKeys}`, columns)}
      </Text>
    </Screen>
  );
}

/** An earlier meeting was left unfinished: go on recording it, or start today's. */
function ResumeChoice(props: {
  data: LoadedData;
  open: UnfinishedMeeting;
  active: boolean;
  onResume: () => void;
  onNew: () => void;
  nav: Navigator;
}) {
  const { columns } = useTerminalSize();
  const latest = useLatest(props);
  useInput(
    (input, key) => {
      const p = latest.current;
      switch (commandFor('resumeChoice', input, key)) {
        case 'meeting.resumeOld':
          return p.onResume();
        case 'meeting.startNew':
          return p.onNew();
        case 'app.back':
          return p.nav.pop();
        case 'app.help':
          return p.nav.push({ screen: 'help', context: 'resumeChoice' });
        default:
          return;
      }
    },
    { isActive: props.active },
  );
  const { open } = props;
  const m = props.data.meetings.find(
    (x) => x.file !== undefined && path.resolve(x.file) === path.resolve(open.file),
  );
  const decisions = m ? meetingDecisions(m).length : 0;
  const line = (text: string, bold = false) => (
    <Text bold={bold} wrap="truncate">
      {truncateToWidth(text, columns)}
    </Text>
  );
  const resumeKey = keyHint('resumeChoice', 'meeting.resumeOld');
  const newKey = keyHint('resumeChoice', 'meeting.startNew');
  return (
    <Screen
      title="调度会"
      context="resumeChoice"
      hints={['meeting.resumeOld', 'meeting.startNew', 'app.back', 'app.help']}
    >
      {line(
        ` 有一次调度会尚未结束：${open.date} ${open.kind}会${m ? `，已记议定事项${decisions}项` : ''}`,
        true,
      )}
      <Text> </Text>
      {resumeKey ? line(`   ${resumeKey.keys}  ${resumeKey.label}`) : null}
      {newKey ? line(`   ${newKey.keys}      ${newKey.label}`) : null}
    </Screen>
  );
}

export function MeetingScreen({ session, active, nav }: ScreenProps) {
  const state = useSessionState(session);
  const [recorder, setRecorder] = useState<MeetingRecorder | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [initialStatus, setInitialStatus] = useState<StatusMessage | null>(null);
  const data = state.phase === 'ready' ? state.data : null;

  const resume = useCallback(
    (open: UnfinishedMeeting) => {
      if (!data) return;
      try {
        const r = MeetingRecorder.start(
          session,
          data,
          {
            date: open.date,
            kind: open.kind,
            chair: '',
            place: '',
            attendees: [],
          },
          { takeOverKey: TAKE_OVER_KEYS },
        );
        setRecorder(r);
        setInitialStatus(
          r.readOnly
            ? null
            : { kind: 'ok', text: `已恢复未结束的调度会（${open.date} ${open.kind}），继续记录` },
        );
      } catch (e) {
        setError(describeError(e));
      }
    },
    [data, session],
  );

  // An unfinished meeting of today is resumed without asking (after Ctrl+C, a crash or a kill); one
  // of an earlier day may have been left open by mistake, so the secretary chooses.
  const [pending, setPending] = useState<UnfinishedMeeting | null>(null);
  useEffect(() => {
    if (!data || checked) return;
    setChecked(true);
    const open = unfinishedMeeting(session.meetingsDir, data);
    if (!open) return;
    if (open.date === session.today) resume(open);
    else setPending(open);
  }, [data, checked, session, resume]);

  // Leaving the screen (or the app) lets go of the lock; the file is already saved.
  useEffect(() => () => recorder?.release(), [recorder]);

  // A closed meeting of the form's date and kind: reopening it is asked for (issue 9), never silent.
  const [reopenAsk, setReopenAsk] = useState<SetupDraft | null>(null);

  const start = useCallback(
    (setup: SetupDraft, reopen = false) => {
      if (!data) return;
      setReopenAsk(null);
      try {
        const r = MeetingRecorder.start(session, data, setup, { reopen, takeOverKey: TAKE_OVER_KEYS });
        setError(null);
        setInitialStatus(
          r.readOnly
            ? null
            : {
                kind: 'ok',
                text: reopen
                  ? `已重新打开 ${setup.date} 的${setup.kind}会（原已结束），继续记录`
                  : r.resumed
                    ? `已打开 ${setup.date} 的${setup.kind}会记录，继续记录`
                    : `已建立会议记录 ${path.basename(r.file)}（保存在 ${session.meetingsDir}）`,
              },
        );
        setRecorder(r);
      } catch (e) {
        if (e instanceof MeetingClosedError && !reopen) {
          setError(null);
          setReopenAsk(setup);
          return;
        }
        setError(describeError(e));
      }
    },
    [data, session],
  );

  const latestStart = useLatest({ start, reopenAsk });
  useInput(
    (input, key) => {
      const { start, reopenAsk } = latestStart.current;
      if (!reopenAsk) return;
      const command = commandFor('reopenMeeting', input, key);
      if (command === 'meeting.reopen') start(reopenAsk, true);
      else if (command === 'confirm.no') setReopenAsk(null);
    },
    { isActive: active && reopenAsk !== null && recorder === null },
  );

  const number = useMemo(
    () =>
      recorder
        ? issueNumberFor(
            session.meetingsDir,
            recorder.meeting.meeting.kind,
            recorder.meeting.meeting.date,
            data ?? undefined,
            recorder.meeting,
          )
        : undefined,
    [recorder, session.meetingsDir, data],
  );

  const leave = useCallback(() => {
    recorder?.release();
    session.reloadMeetings();
    nav.pop();
  }, [recorder, session, nav]);

  if (state.phase === 'error')
    return <NotReady title="调度会" text={state.message} error active={active} nav={nav} />;
  if (!data || !checked)
    return <NotReady title="调度会" text=" 正在打开调度会 …" active={active} nav={nav} />;
  if (!recorder && pending) {
    return (
      <ResumeChoice
        data={data}
        open={pending}
        active={active}
        onResume={() => {
          setPending(null);
          resume(pending);
        }}
        onNew={() => setPending(null)}
        nav={nav}
      />
    );
  }
  if (!recorder) {
    return (
      <SetupForm
        session={session}
        data={data}
        active={active && reopenAsk === null}
        error={error}
        question={
          reopenAsk
            ? `${reopenAsk.date.trim()} 的${reopenAsk.kind}会已结束。重新打开，继续记录？ ${hintLine([
                keyHint('reopenMeeting', 'meeting.reopen', { first: true, short: true }),
                keyHint('reopenMeeting', 'confirm.no', { first: true }),
              ])}`
            : null
        }
        onStart={start}
        onCancel={nav.pop}
        onHelp={(context) => nav.push({ screen: 'help', context })}
      />
    );
  }
  return (
    <MeetingRoom
      session={session}
      data={data}
      recorder={recorder}
      number={recorder.meeting.meeting.number ?? number}
      active={active}
      nav={nav}
      onLeave={leave}
      initialStatus={initialStatus}
    />
  );
}
