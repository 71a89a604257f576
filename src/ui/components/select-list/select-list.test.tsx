// Plain frames (chalk level 0): the selected item is marked by "▶ ".
import { vi } from 'vitest';
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '0';
});

import { render } from 'ink-testing-library';
import React from 'react';
import { describe, expect, it } from 'vitest';
import { SelectList, useSelectList, type SelectItem } from './index.js';

const ESC = '\u001b';
/** Lets Ink and React finish what a key set off (rounds of React's scheduler), without reading the clock. */
const tick = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

const items: SelectItem<string>[] = [
  { value: 'projects', label: '项目台账', hint: '171项' },
  { value: 'meeting', label: '周调度会', hint: '第12期' },
  { value: 'ledger', label: '督办台账', hint: '逾期3' },
  { value: 'briefings', label: '纪要与通报' },
  { value: 'settings', label: '设置', disabled: true },
];

function Menu(props: { filterable?: boolean; onSelect?: (v: string) => void; onCancel?: () => void }) {
  const { state, visible, filter } = useSelectList({
    items,
    height: 3,
    filterable: props.filterable ?? false,
    filterWidth: 14,
    onSelect: (item) => props.onSelect?.(item.value),
    ...(props.onCancel ? { onCancel: props.onCancel } : {}),
  });
  return (
    <SelectList
      items={visible}
      selectedIndex={state.selected}
      scrollOffset={state.offset}
      height={3}
      width={20}
      emptyText="没有匹配的项"
      {...(props.filterable
        ? { filter: { window: filter, query: state.query, placeholder: '输入筛选' } }
        : {})}
    />
  );
}

describe('SelectList', () => {
  it('shows a window of items with right-aligned hints and moves with arrows and j/k', async () => {
    const picked: string[] = [];
    const { lastFrame, stdin } = render(<Menu onSelect={(v) => picked.push(v)} />);
    await tick();
    expect(lastFrame()).toBe(
      ['▶ 项目台账     171项', '  周调度会    第12期', '  督办台账     逾期3'].join('\n'),
    );
    stdin.write('j');
    stdin.write(`${ESC}[B`);
    stdin.write('j');
    await tick();
    expect(lastFrame()).toBe(['  周调度会    第12期', '  督办台账     逾期3', '▶ 纪要与通报'].join('\n'));
    stdin.write('\r');
    await tick();
    expect(picked).toEqual(['briefings']);
  });

  it('does not pick a disabled item', async () => {
    const picked: string[] = [];
    const { stdin } = render(<Menu onSelect={(v) => picked.push(v)} />);
    await tick();
    stdin.write(`${ESC}[F`);
    stdin.write('\r');
    await tick();
    expect(picked).toEqual([]);
  });

  it('filters as Chinese is typed, then Esc clears the filter and a second Esc cancels', async () => {
    let cancelled = 0;
    const picked: string[] = [];
    const { lastFrame, stdin } = render(
      <Menu filterable onSelect={(v) => picked.push(v)} onCancel={() => cancelled++} />,
    );
    await tick();
    expect(lastFrame()).toBe(
      ['筛选：输入筛选', '▶ 项目台账     171项', '  周调度会    第12期', '  督办台账     逾期3'].join('\n'),
    );
    // j is typed into the filter here, not taken as "down".
    stdin.write('台');
    stdin.write('账');
    await tick();
    expect(lastFrame()).toBe(['筛选：台账', '▶ 项目台账     171项', '  督办台账     逾期3', ''].join('\n'));
    stdin.write(`${ESC}[B`);
    stdin.write('\r');
    await tick();
    expect(picked).toEqual(['ledger']);
    stdin.write('x');
    await tick();
    expect(lastFrame()).toBe(['筛选：台账x', '没有匹配的项', '', ''].join('\n'));
    stdin.write(ESC);
    await tick();
    expect(lastFrame()?.split('\n')[0]).toBe('筛选：输入筛选');
    expect(cancelled).toBe(0);
    stdin.write(ESC);
    await tick();
    expect(cancelled).toBe(1);
  });
});
