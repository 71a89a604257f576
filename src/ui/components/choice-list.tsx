// A short list of fixed choices (a setting's values, the output formats) on ink-select-input:
// ↑/k ↓/j move (wrapping around), Enter or the row's digit picks, Esc cancels, ? opens help. The
// keys are the binding table's `choice` context; SelectInput answers ↑↓kj, Enter and the digits
// itself, this component's handler follows them (useSelectInputMirror) and answers Esc and ?.
import { Text, useInput } from 'ink';
import type { Key } from 'ink';
import SelectInput from 'ink-select-input';
import { useCallback, useMemo } from 'react';
import { commandFor } from '../key-bindings.js';
import { fitToWidth } from '../../text/width.js';
import { useLatest } from './use-latest.js';
import { useSelectInputMirror } from './select-input-mirror.js';

export interface Choice<V> {
  label: string;
  value: V;
  /** said after the label, dim: （当前） */
  note?: string;
}

export interface ChoiceListProps<V> {
  choices: readonly Choice<V>[];
  /** the row selected at first (the current value) */
  initial?: number;
  isActive: boolean;
  onPick: (value: V) => void;
  onCancel: () => void;
  onHelp?: () => void;
  /** width of the label column (display columns) */
  labelWidth?: number;
}

function Indicator({ isSelected = false }: { isSelected?: boolean }) {
  return <Text inverse={isSelected}>{` ${isSelected ? '▶' : ' '} `}</Text>;
}

export function ChoiceList<V>(props: ChoiceListProps<V>) {
  const { choices, isActive } = props;
  const latest = useLatest(props);
  const mirror = useSelectInputMirror(
    choices.length,
    useCallback(
      (row: number) => {
        const choice = latest.current.choices[row];
        if (choice) latest.current.onPick(choice.value);
      },
      [latest],
    ),
    { initial: Math.max(0, Math.min(choices.length - 1, props.initial ?? 0)) },
  );
  const { follow } = mirror;
  const onKey = useCallback(
    (input: string, key: Key) => {
      const command = commandFor('choice', input, key);
      switch (command) {
        case 'nav.up':
          return follow('up');
        case 'nav.down':
          return follow('down');
        case 'choice.pick':
          return follow('select');
        case 'choice.number':
          return follow({ digit: Number(input) });
        case 'app.back':
          return latest.current.onCancel();
        case 'app.help':
          return latest.current.onHelp?.();
        default:
          return;
      }
    },
    [follow, latest],
  );
  useInput(onKey, { isActive });
  const labelWidth = props.labelWidth ?? 12;
  const items = useMemo(
    () => choices.map((c, i) => ({ key: String(i), label: c.label, value: i })),
    [choices],
  );
  const Row = useMemo(
    () =>
      function ChoiceRow({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
        const i = items.findIndex((it) => it.label === label);
        const note = choices[i]?.note;
        return (
          <Text inverse={isSelected} wrap="truncate">
            {fitToWidth(`${i + 1} ${label}`, labelWidth)}
            {note ? <Text dimColor={!isSelected}>{note}</Text> : null}
          </Text>
        );
      },
    [items, choices, labelWidth],
  );
  return (
    <SelectInput
      key={mirror.epoch}
      items={items}
      initialIndex={mirror.cursor}
      isFocused={isActive}
      indicatorComponent={Indicator}
      itemComponent={Row}
      onSelect={mirror.onSelect}
      onHighlight={mirror.onHighlight}
    />
  );
}
