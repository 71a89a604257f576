// 设置: the secretary's own settings (kept with conf by store/settings.ts): issuing office, default
// chair and attendance, meetings and output folders, 简体/繁體; and the lag thresholds in force,
// the register's own beside the defaults (they are the register's to change, not the app's).
import { Box, Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_RULES } from '../../domain/types.js';
import type { LagRules } from '../../domain/types.js';
import { SETTING_KEYS, SETTING_LABELS } from '../../store/settings.js';
import type { SettingKey, Settings } from '../../store/settings.js';
import { commandFor } from '../key-bindings.js';
import { TextInput } from '../components/text-input/index.js';
import { ChoiceList } from '../components/choice-list.js';
import type { Choice } from '../components/choice-list.js';
import { useLatest } from '../components/use-latest.js';
import { safeToEcho } from '../../text/sanitize.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../../text/width.js';
import { useSessionState } from '../hooks/use-session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { Screen } from './chrome.js';
import type { StatusMessage } from './chrome.js';
import { joinNames, splitNames } from './meeting/forms.js';
import { describeError } from '../../app/meeting/recorder.js';
import type { ScreenProps } from './types.js';

const LIST_KEYS: readonly SettingKey[] = ['present', 'absent', 'attending'];

export function settingText(settings: Settings, key: SettingKey): string {
  const value = settings[key];
  if (key === 'script') return value === 'traditional' ? '繁体' : '简体';
  if (Array.isArray(value)) return joinNames(value);
  return typeof value === 'string' ? value : '';
}

/** 字形: a choice of two, picked from a list (ink-select-input). */
const SCRIPT_CHOICES: readonly Choice<Settings['script']>[] = [
  { label: '简体', value: 'simplified' },
  { label: '繁体', value: 'traditional' },
];

const TIME_PROGRESS_LABEL: Record<LagRules['timeProgress'], string> = {
  month: '按月（已过整月÷12）',
  half_month: '按半月',
  day: '按日',
};

export function rulesLines(rules: LagRules): string[] {
  const row = (label: string, own: string, def: string) =>
    `  ${fitToWidth(label, 26)}${fitToWidth(own, 20)}${own === def ? '' : `（默认 ${def}）`}`;
  return [
    row('序时进度', TIME_PROGRESS_LABEL[rules.timeProgress], TIME_PROGRESS_LABEL[DEFAULT_RULES.timeProgress]),
    row('黄灯：落后序时进度', `${rules.yellowGap}个百分点起`, `${DEFAULT_RULES.yellowGap}个百分点起`),
    row('红灯：落后序时进度', `超过${rules.redGap}个百分点`, `超过${DEFAULT_RULES.redGap}个百分点`),
    row('新建项目逾期未开工转红', `超过${rules.startRedDays}天`, `超过${DEFAULT_RULES.startRedDays}天`),
    row('节点逾期转红', `超过${rules.milestoneRedDays}天`, `超过${DEFAULT_RULES.milestoneRedDays}天`),
  ];
}

export function SettingsScreen({ session, active, nav }: ScreenProps) {
  const state = useSessionState(session);
  const { columns } = useTerminalSize();
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  /** 字形's list of choices is open */
  const [choosing, setChoosing] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [settings, setSettings] = useState<Settings | null>(() => {
    try {
      return session.settings.all();
    } catch {
      return null;
    }
  });

  const save = useCallback(
    (key: SettingKey, text: string) => {
      try {
        const value = LIST_KEYS.includes(key) ? splitNames(text) : text.trim() || undefined;
        session.settings.set(key, value as never);
        setSettings(session.settings.all());
        setStatus({
          kind: 'ok',
          text: `已保存：${SETTING_LABELS[key]}${key === 'meetingsDir' ? '（下次启动 diaodu 时生效）' : ''}`,
        });
      } catch (error) {
        setStatus({ kind: 'error', text: describeError(error) });
      }
    },
    [session],
  );

  const latest = useLatest({ cursor, settings, nav, editing });
  const onKey = useCallback(
    (input: string, key: Key) => {
      const { cursor, settings, nav } = latest.current;
      switch (commandFor('settings', input, key)) {
        case 'app.back':
          return nav.pop();
        case 'app.help':
          return nav.push({ screen: 'help', context: 'settings' });
        case 'nav.up':
          return setCursor((c) => Math.max(0, c - 1));
        case 'nav.down':
          return setCursor((c) => Math.min(SETTING_KEYS.length - 1, c + 1));
        case 'nav.home':
          return setCursor(0);
        case 'nav.end':
          return setCursor(SETTING_KEYS.length - 1);
        case 'settings.edit': {
          const k = SETTING_KEYS[cursor]!;
          if (!settings) return;
          if (k === 'script') return setChoosing(true);
          return setEditing(settingText(settings, k));
        }
        default:
          return;
      }
    },
    [latest],
  );
  useInput(onKey, { isActive: active && editing === null && !choosing });

  const current = settings?.script;
  const scriptChoices = useMemo(
    () => SCRIPT_CHOICES.map((c) => (c.value === current ? { ...c, note: '（当前）' } : c)),
    [current],
  );

  const labelWidth = 18;
  const rules = state.phase === 'ready' ? state.data.register.meta.rules : null;
  const key = SETTING_KEYS[cursor]!;
  const prompt = ` ${SETTING_LABELS[key]}：`;
  return (
    <Screen
      title="设置"
      context={editing !== null ? 'input' : choosing ? 'choice' : 'settings'}
      hints={
        editing !== null
          ? undefined
          : choosing
            ? ['nav.down', 'choice.pick', 'app.back', 'app.help']
            : ['nav.down', 'settings.edit', 'app.back', 'app.help']
      }
      status={status}
    >
      <Text bold wrap="truncate">
        {truncateToWidth(' 我的设置（Enter 修改；出席等名单用顿号分隔）', columns)}
      </Text>
      {settings === null ? (
        <Text color="red"> 设置文件无法读取，请检查后重试</Text>
      ) : (
        SETTING_KEYS.map((k, i) => (
          <Text key={k} inverse={i === cursor && editing === null && !choosing} wrap="truncate">
            {truncateToWidth(
              ` ${i === cursor ? '▶' : ' '} ${fitToWidth(SETTING_LABELS[k], labelWidth)}${safeToEcho(settingText(settings, k) || (k === 'outputDir' ? `（未设置，写到当前文件夹 ${process.cwd()}）` : k === 'meetingsDir' ? `（未设置，本次用 ${session.meetingsDir}）` : '（未设置）'))}`,
              columns,
            )}
          </Text>
        ))
      )}
      <Text dimColor wrap="truncate">
        {truncateToWidth(` 设置文件：${settings ? session.settings.path : ''}`, columns)}
      </Text>
      <Text> </Text>
      <Text bold wrap="truncate">
        {truncateToWidth(' 滞后判定规则（由台账 rules 决定，本台账 / 默认）', columns)}
      </Text>
      {rules ? (
        rulesLines(rules).map((l, i) => (
          <Text key={i} wrap="truncate">
            {truncateToWidth(l, columns)}
          </Text>
        ))
      ) : (
        <Text dimColor> 台账尚未读取</Text>
      )}
      {choosing && settings ? (
        <Box flexDirection="column">
          <Text bold color="cyan">
            {' '}
            {SETTING_LABELS.script}：
          </Text>
          <ChoiceList
            choices={scriptChoices}
            initial={SCRIPT_CHOICES.findIndex((c) => c.value === settings.script)}
            isActive={active}
            onPick={(value) => {
              setChoosing(false);
              save('script', value);
            }}
            onCancel={() => setChoosing(false)}
            onHelp={() => nav.push({ screen: 'help', context: 'choice' })}
          />
        </Box>
      ) : null}
      {editing !== null ? (
        <Box>
          <Text bold color="cyan">
            {prompt}
          </Text>
          <TextInput
            value={editing}
            onChange={setEditing}
            onSubmit={(value) => {
              setEditing(null);
              save(key, value);
            }}
            onCancel={() => setEditing(null)}
            isActive={active}
            width={Math.max(1, columns - displayWidth(prompt))}
            inverseCursor
          />
        </Box>
      ) : null}
    </Screen>
  );
}
