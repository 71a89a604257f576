// The decision form: 议定事项 (growing to three lines while it is long), 牵头单位 (picked from the
// register's units or typed), 配合单位 (several, separated by 、), 责任人 (the people the unit sent
// before, or typed) and 完成时限 (a quick pick with ↑↓ — typing replaces it — or a date).
import { Box, Text, useInput } from 'ink';
import type { DOMElement, Key } from 'ink';
import { useCallback, useRef } from 'react';
import type { IsoDate } from '../../../domain/types.js';
import { commandFor, hintLine, keyHint } from '../../key-bindings.js';
import type { Context } from '../../key-bindings.js';
import { TextInput, useTextInput } from '../../components/text-input/index.js';
import { TerminalCursor } from '../../components/terminal-cursor.js';
import { useLatest } from '../../components/use-latest.js';
import { displayWidth, fitToWidth, graphemes, graphemeWidth, truncateToWidth } from '../../../text/width.js';
import {
  DECISION_FIELDS,
  DECISION_FIELD_LABELS,
  QUICK_PICK_LABELS,
  describeDueParse,
  isSuggestField,
  lastCoUnit,
  nameSuggestions,
  parseDue,
  splitNames,
  unitSuggestions,
} from './forms.js';
import type { DecisionDraft, DecisionField, DecisionFormAction, SuggestField } from './forms.js';

/** The key context of the form: ↑↓ pick on the fields with choices (units, 责任人, 完成时限). */
export function decisionFormContext(draft: Pick<DecisionDraft, 'field'>): Context {
  return isSuggestField(draft.field) || draft.field === 'due' ? 'decisionPick' : 'decisionForm';
}

const LABEL_WIDTH = 11;
/** The decision text grows to this many lines; beyond, it scrolls (and is cut with "…" when left). */
export const TEXT_MAX_LINES = 3;

function textWidth(width: number): number {
  return Math.max(8, width - LABEL_WIDTH - 1);
}

export interface WrappedInput {
  /** the lines, each as graphemes */
  lines: string[][];
  /** line and grapheme index of the cursor (may be one past the last grapheme of its line) */
  cursorLine: number;
  cursorIndex: number;
  /** display column of the cursor in its line */
  cursorColumn: number;
}

// Punctuation that must not start a line (避头点): it takes the character before it along.
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’…—·,.;:?!)\]]/u;

/**
 * A value wrapped into lines of `width` columns (a wide character never split, a closing
 * punctuation mark never at the start of a line), with the cursor (a code-point index) placed: at
 * the end of a full line it goes to the start of a new one.
 */
export function wrapInput(value: string, cursor: number, width: number): WrappedInput {
  const w = Math.max(2, width);
  type Cell = { g: string; start: number; width: number };
  const rows: Cell[][] = [[]];
  let used = 0;
  let at = 0;
  for (const g of graphemes(value)) {
    const cell = { g, start: at, width: graphemeWidth(g) };
    at += Array.from(g).length;
    let row = rows[rows.length - 1]!;
    if (used + cell.width > w) {
      const carried: Cell[] = [];
      if (NO_LINE_START.test(g) && row.length >= 2) carried.push(row.pop()!);
      row = [...carried];
      rows.push(row);
      used = carried.reduce((n, c) => n + c.width, 0);
    }
    row.push(cell);
    used += cell.width;
  }
  // the cursor: on the cell that starts there, or after the last one (a new line when it is full)
  let cursorLine = -1;
  let cursorIndex = 0;
  rows.forEach((row, r) => {
    const k = row.findIndex((c) => c.start >= cursor);
    if (cursorLine < 0 && k >= 0) {
      cursorLine = r;
      cursorIndex = k;
    }
  });
  if (cursorLine < 0) {
    if (used + 1 > w) rows.push([]);
    cursorLine = rows.length - 1;
    cursorIndex = rows[cursorLine]!.length;
  }
  const line = rows[cursorLine]!;
  const cursorColumn = line.slice(0, cursorIndex).reduce((n, c) => n + c.width, 0);
  return { lines: rows.map((row) => row.map((c) => c.g)), cursorLine, cursorIndex, cursorColumn };
}

/** Lines the decision text takes in a form `width` wide: as many as it needs, 1 to TEXT_MAX_LINES. */
export function decisionTextLines(text: string, width: number): number {
  const wrapped = wrapInput(text, Array.from(text).length, textWidth(width));
  return Math.max(1, Math.min(TEXT_MAX_LINES, wrapped.lines.length));
}

/** Lines the form takes on screen: the title, the text, four more fields and the help line. */
export function decisionFormLines(draft: Pick<DecisionDraft, 'text'>, width: number): number {
  return 1 + decisionTextLines(draft.text, width) + 4 + 1;
}

export interface DecisionFormProps {
  draft: DecisionDraft;
  /** the draft as it stands now, including keys not yet rendered */
  current: () => DecisionDraft;
  /** applies a form action to the current draft */
  dispatch: (action: DecisionFormAction) => void;
  /** 责任单位 to pick from (the project's own first) */
  units: readonly string[];
  /** 责任人 named for a unit in earlier decisions, the latest first */
  ownersFor: (unit: string) => readonly string[];
  /** the day quick picks count from (the meeting's date) */
  today: IsoDate;
  width: number;
  active: boolean;
  title: string;
  /** what the secretary is asked to confirm before saving, shown in full on the help line */
  warnings?: readonly string[];
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

/**
 * The suggestions of a field: units for 牵头单位; for 配合单位 the units matching the name being
 * typed (after the last 、), leaving out the lead unit and those listed; for 责任人 the people of
 * the lead unit in earlier decisions.
 */
export function fieldSuggestions(
  field: SuggestField,
  d: DecisionDraft,
  units: readonly string[],
  ownersFor: (unit: string) => readonly string[],
): string[] {
  switch (field) {
    case 'unit':
      return suggestionsFor(units, d.unit);
    case 'coUnits': {
      const typed = lastCoUnit(d.coUnits).trim();
      if (!typed) return [];
      const listed = new Set([d.unit.trim(), ...splitNames(d.coUnits.slice(0, -typed.length))]);
      return suggestionsFor(
        units.filter((u) => !listed.has(u)),
        typed,
      );
    }
    case 'owner': {
      const names = ownersFor(d.unit.trim());
      if (names.includes(d.owner.trim())) return [];
      return nameSuggestions(names, d.owner);
    }
  }
}

export function DecisionForm(props: DecisionFormProps) {
  const { draft, width, active } = props;
  const latest = useLatest(props);

  const suggestionsOf = useCallback(
    (field: SuggestField, d: DecisionDraft) => {
      const p = latest.current;
      return fieldSuggestions(field, d, p.units, p.ownersFor);
    },
    [latest],
  );

  /**
   * Save what is in the form now. On a field with suggestions the highlighted one is taken first;
   * with no 牵头单位 typed at all, the highlighted unit (so Ctrl+S right after the text gives the
   * project's own unit).
   */
  const save = useCallback(() => {
    const p = latest.current;
    const d = p.current();
    if (d.field === 'unit' || !d.unit.trim())
      p.dispatch({ type: 'acceptUnit', suggestions: suggestionsOf('unit', d) });
    const now = p.current();
    if (now.field === 'coUnits' || now.field === 'owner')
      p.dispatch({ type: 'acceptUnit', field: now.field, suggestions: suggestionsOf(now.field, now) });
    p.onSave(p.current());
  }, [latest, suggestionsOf]);

  const advance = useCallback(
    (delta: 1 | -1) => {
      const p = latest.current;
      const d = p.current();
      const suggestions = isSuggestField(d.field) ? suggestionsOf(d.field, d) : [];
      p.dispatch({ type: 'advance', delta, suggestions });
    },
    [latest, suggestionsOf],
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
          if (!isSuggestField(d.field)) return;
          const count = suggestionsOf(d.field, d).length;
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
    [latest, advance, save, suggestionsOf],
  );
  useInput(onKey, { isActive: active });

  const fieldWidth = textWidth(width);
  const due = parseDue(draft.due, props.today);
  const dueWidth = 12;

  const setField = (name: DecisionField) => (value: string) => {
    const p = latest.current;
    const d = p.current();
    p.dispatch({
      type: 'set',
      field: name,
      value,
      ...(name === 'coUnits' ? { suggestions: suggestionsOf('coUnits', d) } : {}),
    });
  };
  const field = (name: DecisionField, w: number) => (
    <TextInput
      key={name}
      value={draft[name]}
      onChange={setField(name)}
      onSubmit={submitField}
      onCancel={() => latest.current.onCancel()}
      onHelp={() => latest.current.onHelp?.()}
      isActive={active && draft.field === name}
      width={w}
      inverseCursor
      {...(name === 'due' ? { selectOnFocus: true } : {})}
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
  if (isSuggestField(draft.field)) {
    const suggestions = fieldSuggestions(draft.field, draft, props.units, props.ownersFor);
    const unit = draft.unit.trim();
    if (draft.field === 'unit') {
      helpLine =
        suggestions.length === 0
          ? '  候选：无（按输入的单位保存）'
          : suggestionLine(`  候选（${pickKeys} 选，${takeKeys} 确定）：`, suggestions, draft.pick, width);
    } else if (draft.field === 'coUnits') {
      const typed = lastCoUnit(draft.coUnits).trim();
      helpLine =
        !typed || props.units.includes(typed)
          ? '  可不填；几个单位用“、”分隔，输入几个字给出候选'
          : suggestions.length === 0
            ? '  候选：无（按输入的单位保存）'
            : suggestionLine(
                `  候选（${pickKeys} 选，${takeKeys} 确定，“、”再加一个）：`,
                suggestions,
                draft.pick,
                width,
              );
    } else {
      helpLine =
        suggestions.length > 0
          ? suggestionLine(
              `  ${unit}以往责任人（${pickKeys} 选，${takeKeys} 确定）：`,
              suggestions,
              draft.pick,
              width,
            )
          : props.ownersFor(unit).includes(draft.owner.trim()) && draft.owner.trim()
            ? `  ${unit}以往的责任人`
            : unit
              ? `  ${unit}以往议定事项中没有这位责任人，按输入保存`
              : '  请输入责任人';
    }
  } else if (draft.field === 'due') {
    const at = QUICK_PICK_LABELS.indexOf(draft.due.trim());
    helpLine = `  ${pickKeys} 快选：${QUICK_PICK_LABELS.map((l, i) => (i === at ? `【${l}】` : l)).join(' ')}；直接写 11-30 即替换`;
  } else {
    helpLine = `  ${hintLine([
      keyHint('decisionForm', 'form.nextField', { first: true }),
      keyHint('decisionForm', 'input.submit', { label: '下一栏（最后一栏：保存）' }),
      keyHint('decisionForm', 'form.save'),
      keyHint('decisionForm', 'input.cancel', { label: '取消' }),
    ])}`;
  }

  if (props.warnings?.length) helpLine = `  请确认：${props.warnings.join('；')}`;

  const textLines = decisionTextLines(draft.text, width);
  return (
    <Box flexDirection="column" width={width} height={decisionFormLines(draft, width)}>
      <Text bold color="cyan">
        {truncateToWidth(`── ${props.title} ${'─'.repeat(Math.max(0, width))}`, width, '')}
      </Text>
      {DECISION_FIELDS.map((name) =>
        name === 'text' ? (
          <Box key={name}>
            {label(name)}
            <WrappedField
              value={draft.text}
              onChange={setField('text')}
              onSubmit={submitField}
              onCancel={() => latest.current.onCancel()}
              onHelp={() => latest.current.onHelp?.()}
              isActive={active && draft.field === 'text'}
              width={fieldWidth}
              lines={textLines}
            />
          </Box>
        ) : name === 'due' ? (
          <Box key={name}>
            {label(name)}
            {field(name, dueWidth)}
            <Text color={due.ok ? undefined : 'red'} wrap="truncate">
              {truncateToWidth(
                due.ok ? ` → ${describeDueParse(due)}` : draft.due.trim() ? ' → 无法识别' : '',
                Math.max(0, width - LABEL_WIDTH - dueWidth),
              )}
            </Text>
          </Box>
        ) : (
          <Box key={name}>
            {label(name)}
            {field(name, name === 'coUnits' ? fieldWidth : Math.min(fieldWidth, 24))}
          </Box>
        ),
      )}
      {props.warnings?.length ? (
        <Text color="yellow" wrap="truncate">
          {truncateToWidth(helpLine, width)}
        </Text>
      ) : (
        <Text dimColor wrap="truncate">
          {truncateToWidth(helpLine, width)}
        </Text>
      )}
    </Box>
  );
}

/**
 * The decision text over `lines` lines: wrapped at the field's width, the cursor's line kept in
 * view while typing; without focus the start, cut with "…" when it does not fit.
 */
function WrappedField(props: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** `?` in the empty field: the form's help */
  onHelp?: () => void;
  isActive: boolean;
  width: number;
  lines: number;
}) {
  const { state } = useTextInput({
    value: props.value,
    onChange: props.onChange,
    onSubmit: props.onSubmit,
    onCancel: props.onCancel,
    ...(props.onHelp ? { onHelp: props.onHelp } : {}),
    isActive: props.isActive,
    width: props.width,
  });
  const anchor = useRef<DOMElement>(null);
  const focused = props.isActive;
  const wrapped = wrapInput(state.value, focused ? state.cursor : 0, props.width);
  const all = wrapped.lines;
  const first = focused ? Math.max(0, Math.min(wrapped.cursorLine, all.length - props.lines)) : 0;
  const shown = all.slice(first, first + props.lines);
  while (shown.length < props.lines) shown.push([]);
  const cut = !focused && all.length > props.lines;
  return (
    <Box flexDirection="column" width={props.width} flexShrink={0}>
      {shown.map((line, i) => {
        const at = first + i;
        const isCursorLine = focused && at === wrapped.cursorLine;
        let body: React.ReactNode;
        if (isCursorLine) {
          const k = wrapped.cursorIndex;
          body = (
            <Text>
              {line.slice(0, k).join('')}
              <Text inverse>{line[k] ?? ' '}</Text>
              {line.slice(k + 1).join('')}
            </Text>
          );
        } else {
          const text = line.join('');
          body = (
            <Text>
              {cut && i === shown.length - 1 ? `${truncateToWidth(text, props.width - 2, '')}…` : text}
            </Text>
          );
        }
        return (
          <Box
            key={i}
            height={1}
            width={props.width}
            overflow="hidden"
            {...(isCursorLine ? { ref: anchor } : {})}
          >
            {body}
          </Box>
        );
      })}
      {focused ? <TerminalCursor anchor={anchor} x={wrapped.cursorColumn} /> : null}
    </Box>
  );
}
