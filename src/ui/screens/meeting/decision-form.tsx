// The decision form: 议定事项, 责任单位 (picked from the register's units or typed), 责任人 and
// 完成时限 (typed, or a quick pick with ↑↓). Six lines, whatever field has focus.
import { Box, Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback } from 'react';
import type { IsoDate } from '../../../domain/types.js';
import { commandFor, hintLine, keyHint } from '../../key-bindings.js';
import type { Context } from '../../key-bindings.js';
import { TextInput } from '../../components/text-input/index.js';
import { useLatest } from '../../components/use-latest.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../../../text/width.js';
import {
  DECISION_FIELDS,
  DECISION_FIELD_LABELS,
  QUICK_PICK_LABELS,
  describeDue,
  parseDue,
  unitSuggestions,
} from './forms.js';
import type { DecisionDraft, DecisionField, DecisionFormAction } from './forms.js';

/** The key context of the form: ↑↓ pick on the fields with choices (责任单位, 完成时限). */
export function decisionFormContext(draft: Pick<DecisionDraft, 'field'>): Context {
  return draft.field === 'unit' || draft.field === 'due' ? 'decisionPick' : 'decisionForm';
}

/** Lines the form takes on screen. */
export const DECISION_FORM_LINES = 6;

const LABEL_WIDTH = 11;

export interface DecisionFormProps {
  draft: DecisionDraft;
  /** the draft as it stands now, including keys not yet rendered */
  current: () => DecisionDraft;
  /** applies a form action to the current draft */
  dispatch: (action: DecisionFormAction) => void;
  /** 责任单位 to pick from */
  units: readonly string[];
  /** the day quick picks count from (the meeting's date) */
  today: IsoDate;
  width: number;
  active: boolean;
  title: string;
  onSave: (draft: DecisionDraft) => void;
  onCancel: () => void;
  /** `?` in an empty field: the form's help */
  onHelp?: () => void;
}

/**
 * The unit suggestions after `prefix`, the highlighted one in 【】, as many as fit in `width`: the
 * window slides so the highlighted one is always shown, "…" says more are hidden on that side.
 * With nothing highlighted (-1), "〔按输入〕": the unit is saved as typed.
 */
export function suggestionLine(
  prefix: string,
  suggestions: readonly string[],
  pick: number,
  width: number,
): string {
  const label = (i: number) => (i === pick ? `【${suggestions[i]!}】` : suggestions[i]!);
  const tail = pick < 0 ? '  〔按输入〕' : '';
  const room = width - displayWidth(prefix) - displayWidth(tail);
  const fits = (from: number, to: number) => {
    const parts = suggestions.slice(from, to).map((_, k) => label(from + k));
    const more = (from > 0 ? 2 : 0) + (to < suggestions.length ? 2 : 0);
    return displayWidth(parts.join(' ')) + more <= room;
  };
  let from = 0;
  let to = 0;
  while (to < suggestions.length && fits(from, to + 1)) to++;
  while (pick >= to && to < suggestions.length) {
    to++;
    while (from < pick && !fits(from, to)) from++;
  }
  const shown = suggestions.slice(from, to).map((_, k) => label(from + k));
  return `${prefix}${from > 0 ? '… ' : ''}${shown.join(' ')}${to < suggestions.length ? ' …' : ''}${tail}`;
}

/** The suggestions offered for the unit field: none when the text already names a unit exactly. */
export function suggestionsFor(units: readonly string[], text: string): string[] {
  if (units.includes(text.trim())) return [];
  return unitSuggestions(units, text);
}

export function DecisionForm(props: DecisionFormProps) {
  const { draft, width, active } = props;
  const latest = useLatest(props);

  /**
   * Save what is in the form now. On the unit field, or with no unit typed at all, the highlighted
   * suggestion is taken first (so Ctrl+S right after the text gives the project's own unit).
   */
  const save = useCallback(() => {
    const p = latest.current;
    const d = p.current();
    if (d.field === 'unit' || !d.unit.trim())
      p.dispatch({ type: 'acceptUnit', suggestions: suggestionsFor(p.units, d.unit) });
    p.onSave(p.current());
  }, [latest]);

  const advance = useCallback(
    (delta: 1 | -1) => {
      const p = latest.current;
      p.dispatch({ type: 'advance', delta, suggestions: suggestionsFor(p.units, p.current().unit) });
    },
    [latest],
  );

  const submitField = useCallback(() => {
    if (latest.current.current().field === 'due') return save();
    advance(1);
  }, [latest, save, advance]);

  const onKey = useCallback(
    (input: string, key: Key) => {
      const p = latest.current;
      const d = p.current();
      const command = commandFor(decisionFormContext(d), input, key);
      switch (command) {
        case 'form.pickNext':
        case 'form.pickPrev': {
          const delta = command === 'form.pickNext' ? 1 : -1;
          if (d.field === 'due') return p.dispatch({ type: 'cycleDue', delta });
          const count = suggestionsFor(p.units, d.unit).length;
          if (count > 0) return p.dispatch({ type: 'pickUnit', delta, count });
          return;
        }
        case 'form.nextField':
        case 'form.down':
          return advance(1);
        case 'form.prevField':
        case 'form.up':
          return advance(-1);
        case 'form.save':
          return save();
        default:
          return;
      }
    },
    [latest, advance, save],
  );
  useInput(onKey, { isActive: active });

  const fieldWidth = Math.max(8, width - LABEL_WIDTH - 1);
  const due = parseDue(draft.due, props.today);
  const suggestions = suggestionsFor(props.units, draft.unit);
  const dueWidth = 12;

  const field = (name: DecisionField, w: number) => (
    <TextInput
      key={name}
      value={draft[name]}
      onChange={(value) => latest.current.dispatch({ type: 'set', field: name, value })}
      onSubmit={submitField}
      onCancel={() => latest.current.onCancel()}
      onHelp={() => latest.current.onHelp?.()}
      isActive={active && draft.field === name}
      width={w}
      inverseCursor
    />
  );
  const label = (name: DecisionField) => (
    <Text bold={draft.field === name} color={draft.field === name ? 'cyan' : undefined}>
      {fitToWidth(`${draft.field === name ? '▶' : ' '}${DECISION_FIELD_LABELS[name]}`, LABEL_WIDTH)}
    </Text>
  );

  const pickKeys = keyHint('decisionPick', ['form.pickPrev', 'form.pickNext'])?.keys ?? '';
  const takeKeys = [
    keyHint('decisionPick', 'form.nextField', { first: true }),
    keyHint('decisionPick', 'input.submit', { first: true }),
  ]
    .map((h) => h?.keys)
    .filter(Boolean)
    .join('/');
  let helpLine: string;
  if (draft.field === 'unit') {
    helpLine =
      suggestions.length === 0
        ? '  候选：无（按输入的单位保存）'
        : suggestionLine(`  候选（${pickKeys} 选，${takeKeys} 确定）：`, suggestions, draft.pick, width);
  } else if (draft.field === 'due') {
    const at = QUICK_PICK_LABELS.indexOf(draft.due.trim());
    helpLine = `  ${pickKeys} 快选：${QUICK_PICK_LABELS.map((l, i) => (i === at ? `【${l}】` : l)).join(' ')}；也可写 11-30、+10`;
  } else {
    helpLine = `  ${hintLine([
      keyHint('decisionForm', 'form.nextField', { first: true }),
      keyHint('decisionForm', 'input.submit', { label: '下一栏（最后一栏：保存）' }),
      keyHint('decisionForm', 'form.save'),
      keyHint('decisionForm', 'input.cancel', { label: '取消' }),
    ])}`;
  }

  return (
    <Box flexDirection="column" width={width} height={DECISION_FORM_LINES}>
      <Text bold color="cyan">
        {truncateToWidth(`── ${props.title} ${'─'.repeat(Math.max(0, width))}`, width, '')}
      </Text>
      {DECISION_FIELDS.map((name) =>
        name === 'due' ? (
          <Box key={name}>
            {label(name)}
            {field(name, dueWidth)}
            <Text color={due.ok ? undefined : 'red'} wrap="truncate">
              {truncateToWidth(
                due.ok ? ` → ${describeDue(due.date)}` : draft.due.trim() ? ' → 无法识别' : '',
                Math.max(0, width - LABEL_WIDTH - dueWidth),
              )}
            </Text>
          </Box>
        ) : (
          <Box key={name}>
            {label(name)}
            {field(name, name === 'text' ? fieldWidth : Math.min(fieldWidth, 24))}
          </Box>
        ),
      )}
      <Text dimColor wrap="truncate">
        {truncateToWidth(helpLine, width)}
      </Text>
    </Box>
  );
}
