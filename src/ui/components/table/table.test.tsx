// Frames are asserted exactly, escape codes included. ink-testing-library only emits colour when
// chalk detects colour support, so this file forces level 1 (16 colours) before Ink is imported;
// the codes below are the ones level 1 produces.
import { vi } from 'vitest';
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '1';
});

import { render } from 'ink-testing-library';
import React, { useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { Table, sortRows, useTable, type Column, type SortSpec } from './index.js';

const ESC = '\u001b';
const BOLD = `${ESC}[1m`;
const BOLD_OFF = `${ESC}[22m`;
const INVERSE = `${ESC}[7m`;
const INVERSE_OFF = `${ESC}[27m`;
const DIM = `${ESC}[2m`;
const RED = `${ESC}[31m`;
const YELLOW = `${ESC}[33m`;
const GREEN = `${ESC}[32m`;
const FG_OFF = `${ESC}[39m`;

const KEY = {
  up: `${ESC}[A`,
  down: `${ESC}[B`,
  pageDown: `${ESC}[6~`,
  pageUp: `${ESC}[5~`,
  end: `${ESC}[F`,
  home: `${ESC}[H`,
  enter: '\r',
};

/** Lets Ink and React finish what a key set off (rounds of React's scheduler), without reading the clock. */
const tick = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

interface Row {
  id: string;
  name: string;
  unit: string;
  light: '红' | '黄' | '绿';
  plan: number;
}

const LIGHT_COLOR = { 红: 'red', 黄: 'yellow', 绿: 'green' } as const;

const columns: Column<Row>[] = [
  { key: 'id', title: '编号', width: 6 },
  { key: 'name', title: '项目名称', flex: 1 },
  { key: 'unit', title: '责任单位', width: 8 },
  { key: 'plan', title: '计划', width: 5, align: 'right', sortValue: (r) => r.plan },
  { key: 'light', title: '灯', width: 2, color: (r) => LIGHT_COLOR[r.light] },
];

const rows: Row[] = [
  { id: 'XM-01', name: '北新建材石膏板生产线', unit: '工信局', light: '红', plan: 12000 },
  { id: 'XM-02', name: 'G307国道改扩建', unit: '交通运输局', light: '黄', plan: 800 },
  { id: 'XM-03', name: '光伏', unit: '发改委', light: '绿', plan: 35 },
];

describe('Table view', () => {
  it('draws Chinese columns, cuts wide cells with an ellipsis and marks the selected row', () => {
    // Width 40: 6 + 8 + 5 + 2 fixed and 4 gaps leave 15 for the name.
    // 北新建材石膏板生产线 is 20 columns: 7 characters (14) + … = 15.
    // G307国道改扩建 is 4 + 10 = 14: it fits, one space of padding.
    // 交通运输局 is 10 > 8: 交通运 (6) + … (1) = 7, and a space keeps 计划 in its column.
    const { lastFrame } = render(
      <Table columns={columns} rows={rows} selectedIndex={1} scrollOffset={0} height={3} width={40} />,
    );
    expect(lastFrame()).toBe(
      [
        `${BOLD}编号   项目名称        责任单位  计划 灯${BOLD_OFF}`,
        `XM-01  北新建材石膏板… 工信局   12000 ${RED}红${FG_OFF}`,
        `${INVERSE}XM-02  G307国道改扩建  交通运…    800 ${YELLOW}黄${FG_OFF}${INVERSE_OFF}`,
        `XM-03  光伏            发改委      35 ${GREEN}绿${FG_OFF}`,
      ].join('\n'),
    );
  });

  it('pads with a space where a two-column character does not fit at an odd width', () => {
    // Width 39: the name gets 14. 北新建材石膏 (12) + … = 13: 板 would make 15, so one space pads.
    // Unfocused: the selected row is not highlighted.
    const { lastFrame } = render(
      <Table
        columns={columns}
        rows={rows}
        selectedIndex={0}
        scrollOffset={0}
        height={3}
        width={39}
        focused={false}
      />,
    );
    expect(lastFrame()).toBe(
      [
        `${BOLD}编号   项目名称       责任单位  计划 灯${BOLD_OFF}`,
        `XM-01  北新建材石膏…  工信局   12000 ${RED}红${FG_OFF}`,
        `XM-02  G307国道改扩建 交通运…    800 ${YELLOW}黄${FG_OFF}`,
        `XM-03  光伏           发改委      35 ${GREEN}绿${FG_OFF}`,
      ].join('\n'),
    );
  });

  it('marks the sorted column and shows the empty text', () => {
    const { lastFrame } = render(
      <Table
        columns={columns}
        rows={[]}
        selectedIndex={-1}
        scrollOffset={0}
        height={3}
        width={40}
        sort={{ column: 'plan', direction: 'desc' }}
        emptyText="没有符合条件的项目"
      />,
    );
    // The box keeps its height: header + 3 body lines.
    expect(lastFrame()).toBe(
      [
        `${BOLD}编号   项目名称        责任单位 计划↓ 灯${BOLD_OFF}`,
        `${DIM}没有符合条件的项目${BOLD_OFF}`,
        '',
        '',
      ].join('\n'),
    );
  });

  it('computes cells only for the rows on screen', () => {
    const many = Array.from({ length: 10000 }, (_, i) => ({ n: i }));
    let calls = 0;
    const cols: Column<{ n: number }>[] = [
      {
        key: 'n',
        title: '序号',
        width: 6,
        value: (r) => {
          calls++;
          return String(r.n + 1);
        },
      },
    ];
    const { lastFrame } = render(
      <Table columns={cols} rows={many} selectedIndex={5001} scrollOffset={5000} height={3} width={6} />,
    );
    expect(lastFrame()).toBe(
      [`${BOLD}序号  ${BOLD_OFF}`, '5001', `${INVERSE}5002  ${INVERSE_OFF}`, '5003'].join('\n'),
    );
    expect(calls).toBe(3);
  });
});

// A screen in miniature: the hook owns the window and the sort, the rows are sorted in a memo.
function Harness(props: { rows: Row[]; height: number; onOpen?: (row: Row) => void; active?: boolean }) {
  const cycle: SortSpec[] = [{ column: 'plan', direction: 'desc' }];
  const { state } = useTable({
    rowCount: props.rows.length,
    height: props.height,
    sortCycle: cycle,
    context: 'projects',
    isActive: props.active ?? true,
    onOpen: (i) => props.onOpen?.(sorted[i]!),
  });
  const sorted = useMemo(() => sortRows(props.rows, columns, state.sort), [props.rows, state.sort]);
  return (
    <Table
      columns={columns}
      rows={sorted}
      selectedIndex={state.selected}
      scrollOffset={state.offset}
      height={props.height}
      width={40}
      sort={state.sort}
    />
  );
}

function manyRows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    name: `项目${i + 1}`,
    unit: '发改委',
    light: '绿',
    plan: i,
  }));
}

/** The id column of each body line, with `>` before the selected one. */
function ids(frame: string | undefined): string[] {
  return (frame ?? '')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => (l.startsWith(INVERSE) ? '>' : '') + l.replace(INVERSE, '').slice(0, 6).trim());
}

describe('useTable with Table', () => {
  it('moves through 10,000 rows by line, page and to the ends', async () => {
    const { lastFrame, stdin } = render(<Harness rows={manyRows(10000)} height={4} />);
    await tick();
    expect(ids(lastFrame())).toEqual(['>1', '2', '3', '4']);
    stdin.write(KEY.end);
    await tick();
    expect(ids(lastFrame())).toEqual(['9997', '9998', '9999', '>10000']);
    stdin.write(KEY.home);
    stdin.write(KEY.down);
    stdin.write('j');
    stdin.write(KEY.pageDown);
    await tick();
    // Index 2 → 6 after a page of 4; the window moved by a page too (offset 0 → 4), so the
    // selected row stays third on screen.
    expect(ids(lastFrame())).toEqual(['5', '6', '>7', '8']);
    expect(lastFrame()?.split('\n')[3]).toBe(
      `${INVERSE}7      项目7           发改委       6 ${GREEN}绿${FG_OFF}${INVERSE_OFF}`,
    );
    stdin.write(KEY.up);
    stdin.write('k');
    await tick();
    // Index 6 → 4: still inside the window that starts at 4.
    expect(ids(lastFrame())).toEqual(['>5', '6', '7', '8']);
    expect(lastFrame()?.split('\n')[1]).toBe(
      `${INVERSE}5      项目5           发改委       4 ${GREEN}绿${FG_OFF}${INVERSE_OFF}`,
    );
  });

  it('sorts with s, keeps the header arrow, and opens the selected row with Enter', async () => {
    const opened: string[] = [];
    const { lastFrame, stdin } = render(<Harness rows={rows} height={3} onOpen={(r) => opened.push(r.id)} />);
    await tick();
    stdin.write('s');
    await tick();
    expect(lastFrame()?.split('\n')[0]).toBe(`${BOLD}编号   项目名称        责任单位 计划↓ 灯${BOLD_OFF}`);
    stdin.write(KEY.down);
    stdin.write(KEY.enter);
    await tick();
    expect(opened).toEqual(['XM-02']);
    stdin.write('S');
    await tick();
    stdin.write(KEY.enter);
    await tick();
    expect(lastFrame()?.split('\n')[0]).toBe(`${BOLD}编号   项目名称        责任单位 计划↑ 灯${BOLD_OFF}`);
    expect(opened).toEqual(['XM-02', 'XM-03']);
  });

  it('clamps the selection when the rows are filtered down', async () => {
    const all = manyRows(50);
    const { lastFrame, stdin, rerender } = render(<Harness rows={all} height={3} />);
    await tick();
    stdin.write(KEY.end);
    await tick();
    rerender(<Harness rows={all.slice(0, 2)} height={3} />);
    await tick();
    expect(ids(lastFrame())).toEqual(['1', '>2']);
    expect(lastFrame()?.split('\n')[2]).toContain('项目2');
  });

  it('ignores keys while inactive', async () => {
    const { lastFrame, stdin } = render(<Harness rows={rows} height={3} active={false} />);
    await tick();
    stdin.write(KEY.down);
    await tick();
    expect(ids(lastFrame())[0]).toBe('>XM-01');
  });
});

describe('Table keeps formatted rows', () => {
  /** Columns counting how often each row's cell is formatted, by row number. */
  function counting(counts: Map<number, number>, marker = ''): Column<number>[] {
    return [
      {
        key: 'n',
        title: '序号',
        flex: 1,
        value: (n) => {
          counts.set(n, (counts.get(n) ?? 0) + 1);
          return `${marker}${n}`;
        },
      },
    ];
  }

  it('formats nothing when only the selection moves, and again when the widths change', () => {
    const counts = new Map<number, number>();
    const cols = counting(counts);
    const rowsN = Array.from({ length: 100 }, (_, i) => i);
    const view = (selected: number, offset: number, width = 6) => (
      <Table
        columns={cols}
        rows={rowsN}
        selectedIndex={selected}
        scrollOffset={offset}
        height={3}
        width={width}
      />
    );
    const { lastFrame, rerender } = render(view(0, 0));
    expect([...counts.values()]).toEqual([1, 1, 1]);
    rerender(view(1, 0));
    rerender(view(2, 0));
    expect([...counts.values()]).toEqual([1, 1, 1]);
    expect(lastFrame()).toBe(
      [`${BOLD}序号  ${BOLD_OFF}`, '0', '1', `${INVERSE}2     ${INVERSE_OFF}`].join('\n'),
    );
    // Scrolling by one formats the one new row only.
    rerender(view(3, 1));
    expect(counts.get(3)).toBe(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(4);
    // Another width is another layout: the rows on screen are formatted afresh.
    rerender(view(3, 1, 8));
    expect([counts.get(1), counts.get(2), counts.get(3)]).toEqual([2, 2, 2]);
    expect(lastFrame()?.split('\n')[3]).toBe(`${INVERSE}3       ${INVERSE_OFF}`);
  });

  it('formats afresh with new columns (new data behind the same rows)', () => {
    const counts = new Map<number, number>();
    const rowsN = [0, 1];
    const { lastFrame, rerender } = render(
      <Table
        columns={counting(counts)}
        rows={rowsN}
        selectedIndex={0}
        scrollOffset={0}
        height={2}
        width={6}
      />,
    );
    rerender(
      <Table
        columns={counting(counts, '#')}
        rows={rowsN}
        selectedIndex={0}
        scrollOffset={0}
        height={2}
        width={6}
      />,
    );
    expect(lastFrame()).toBe([`${BOLD}序号  ${BOLD_OFF}`, `${INVERSE}#0    ${INVERSE_OFF}`, '#1'].join('\n'));
    expect([...counts.values()]).toEqual([2, 2]);
  });
});
