import { describe, expect, it } from 'vitest';
import { createSelectListState, filterItems, selectListReducer, type SelectItem } from './reducer.js';

const units: SelectItem<string>[] = [
  { value: 'fgw', label: '发展和改革委员会', keywords: 'fgw 发改委' },
  { value: 'zjj', label: '住房和城乡建设局', keywords: 'zjj 住建局' },
  { value: 'jtj', label: '交通运输局', keywords: 'jtj' },
  { value: 'gxj', label: '工业和信息化局', keywords: 'gxj 工信局' },
];

describe('filterItems', () => {
  it('matches label or keywords, every term, ignoring case and full-width forms', () => {
    expect(filterItems(units, '局').map((u) => u.value)).toEqual(['zjj', 'jtj', 'gxj']);
    expect(filterItems(units, '发改委').map((u) => u.value)).toEqual(['fgw']);
    expect(filterItems(units, 'ZJJ').map((u) => u.value)).toEqual(['zjj']);
    expect(filterItems(units, 'ｊｔｊ').map((u) => u.value)).toEqual(['jtj']);
    expect(filterItems(units, '和 局').map((u) => u.value)).toEqual(['zjj', 'gxj']);
    expect(filterItems(units, '  ')).toEqual(units);
    expect(filterItems(units, '教育')).toEqual([]);
  });
});

describe('selectListReducer', () => {
  it('goes back to the first match when the query changes', () => {
    let s = createSelectListState(4, 3);
    s = selectListReducer(s, { type: 'move', move: 'end' });
    expect([s.selected, s.offset]).toEqual([3, 1]);
    s = selectListReducer(s, { type: 'setQuery', query: '局' });
    expect([s.query, s.selected, s.offset]).toEqual(['局', 0, 0]);
    s = selectListReducer(s, { type: 'resize', count: 0, height: 3 });
    expect(s.selected).toBe(-1);
    expect(selectListReducer(s, { type: 'setQuery', query: '局' })).toBe(s);
  });
});
