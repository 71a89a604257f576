import { describe, expect, it } from 'vitest';
import { layoutColumns, sortRows, type Column } from './columns.js';
import { createTableState, tableReducer, type SortSpec, type TableState } from './reducer.js';

describe('tableReducer', () => {
  const cycle: SortSpec[] = [
    { column: 'light', direction: 'desc' },
    { column: 'rate', direction: 'asc' },
  ];

  it('moves and keeps the selection in the window', () => {
    let s = createTableState(10000, 20);
    s = tableReducer(s, { type: 'move', move: 'end' });
    expect([s.selected, s.offset]).toEqual([9999, 9980]);
    s = tableReducer(s, { type: 'move', move: 'pageUp' });
    expect([s.selected, s.offset]).toEqual([9979, 9960]);
    s = tableReducer(s, { type: 'select', index: 42 });
    expect([s.selected, s.offset]).toEqual([42, 42]);
  });

  it('clamps when filtering leaves fewer rows', () => {
    let s: TableState = { ...createTableState(500, 10), selected: 300, offset: 295 };
    s = tableReducer(s, { type: 'resize', count: 7, height: 10 });
    expect([s.count, s.selected, s.offset]).toEqual([7, 6, 0]);
    s = tableReducer(s, { type: 'resize', count: 0, height: 10 });
    expect([s.selected, s.offset]).toEqual([-1, 0]);
  });

  it('cycles through the sorts and back to the register order', () => {
    let s = createTableState(50, 10);
    s = tableReducer(s, { type: 'sortNext', cycle });
    expect(s.sort).toEqual({ column: 'light', direction: 'desc' });
    s = tableReducer(s, { type: 'sortReverse' });
    expect(s.sort).toEqual({ column: 'light', direction: 'asc' });
    s = tableReducer(s, { type: 'sortNext', cycle });
    expect(s.sort).toEqual({ column: 'rate', direction: 'asc' });
    s = tableReducer(s, { type: 'sortNext', cycle });
    expect(s.sort).toBeUndefined();
    expect(tableReducer(s, { type: 'sortReverse' })).toBe(s);
  });

  it('goes back to the first row when the sort changes', () => {
    let s = tableReducer(createTableState(50, 10), { type: 'select', index: 30 });
    s = tableReducer(s, { type: 'sortBy', sort: { column: 'rate', direction: 'asc' } });
    expect([s.selected, s.offset]).toEqual([0, 0]);
    expect(tableReducer(s, { type: 'sortBy', sort: { column: 'rate', direction: 'asc' } })).toBe(s);
  });
});

describe('layoutColumns', () => {
  const col = (key: string, o: Partial<Column<unknown>> = {}): Column<unknown> => ({ key, title: key, ...o });

  it('gives fixed columns their width and shares the rest by flex', () => {
    // 40 − (6 + 4) − 3 gaps = 27 over shares 2:1 → 18 and 9.
    expect(
      layoutColumns([col('a', { width: 6 }), col('b', { flex: 2 }), col('c'), col('d', { width: 4 })], 40),
    ).toEqual([6, 18, 9, 4]);
    // 30 − 2 gaps = 28 over three equal shares: 9,9,9 and one left → the first.
    expect(layoutColumns([col('a'), col('b'), col('c')], 30)).toEqual([10, 9, 9]);
  });

  it('hides whole columns that do not fit, the rightmost of equals first', () => {
    expect(
      layoutColumns([col('a', { width: 10 }), col('b', { width: 10 }), col('c', { width: 10 })], 25),
    ).toEqual([10, 10, 0]);
    expect(layoutColumns([col('a', { width: 10 }), col('b', { width: 10 }), col('c')], 21)).toEqual([
      10, 10, 0,
    ]);
    // one column wider than the table is cut
    expect(layoutColumns([col('a', { width: 30 })], 25)).toEqual([25]);
  });

  it('hides the least kept columns first and keeps a flex column at its minimum width', () => {
    const columns = [
      col('id', { width: 8, keep: 7 }),
      col('name', { flex: 1, minWidth: 12, keep: 9 }),
      col('unit', { width: 12, keep: 6 }),
      col('leader', { width: 8, keep: 1 }),
      col('plan', { width: 8, keep: 3 }),
      col('light', { width: 4, keep: 8 }),
    ];
    // 80: everything; the name takes 80 − 40 − 5 gaps = 35
    expect(layoutColumns(columns, 80)).toEqual([8, 35, 12, 8, 8, 4]);
    // 55: 8 + 12 + 12 + 8 + 8 + 4 + 5 gaps = 57 > 55 → 包联领导 goes; the name gets 55 − 32 − 4 = 19
    expect(layoutColumns(columns, 55)).toEqual([8, 19, 12, 0, 8, 4]);
    // 40: then 年度计划 (3): 8 + 12 + 12 + 4 + 3 gaps = 39 fits; the name gets 40 − 24 − 3 = 13
    expect(layoutColumns(columns, 40)).toEqual([8, 13, 12, 0, 0, 4]);
    // 20: then 责任单位 (6) and 编号 (7): the name and the light
    expect(layoutColumns(columns, 20)).toEqual([0, 15, 0, 0, 0, 4]);
  });
});

describe('sortRows', () => {
  interface P {
    name: string;
    rate?: number;
  }
  const columns: Column<P>[] = [
    { key: 'name', title: '项目名称' },
    { key: 'rate', title: '完成率', sortValue: (p) => p.rate },
  ];
  const rows: P[] = [
    { name: '中关村', rate: 0.5 },
    { name: '北新建材', rate: 0.9 },
    { name: '安泰', rate: undefined },
    { name: '北新建材', rate: 0.2 },
    { name: '项目10', rate: 0.5 },
    { name: '项目9', rate: 0.5 },
  ];

  it('leaves rows alone without a sort', () => {
    expect(sortRows(rows, columns, undefined)).toBe(rows);
  });
  it('sorts Chinese names by pinyin and numbers inside names by value', () => {
    expect(sortRows(rows, columns, { column: 'name', direction: 'asc' }).map((r) => r.name)).toEqual([
      '安泰',
      '北新建材',
      '北新建材',
      '项目9',
      '项目10',
      '中关村',
    ]);
  });
  it('is stable and puts missing values last in both directions', () => {
    const asc = sortRows(rows, columns, { column: 'rate', direction: 'asc' });
    expect(asc.map((r) => `${r.name}${r.rate ?? '-'}`)).toEqual([
      '北新建材0.2',
      '中关村0.5',
      '项目100.5',
      '项目90.5',
      '北新建材0.9',
      '安泰-',
    ]);
    const desc = sortRows(rows, columns, { column: 'rate', direction: 'desc' });
    expect(desc.map((r) => `${r.name}${r.rate ?? '-'}`)).toEqual([
      '北新建材0.9',
      '中关村0.5',
      '项目100.5',
      '项目90.5',
      '北新建材0.2',
      '安泰-',
    ]);
  });
});
