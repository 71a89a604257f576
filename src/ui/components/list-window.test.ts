import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createListWindow,
  moveWindow,
  normalizeWindow,
  resizeWindow,
  selectIndex,
  visibleRange,
  type ListMove,
  type ListWindow,
} from './list-window.js';

const w = (count: number, height: number, selected: number, offset: number): ListWindow => ({
  count,
  height,
  selected,
  offset,
});

describe('list window', () => {
  it('starts at the top', () => {
    expect(createListWindow(100, 10)).toEqual(w(100, 10, 0, 0));
    expect(createListWindow(0, 10)).toEqual(w(0, 10, -1, 0));
  });

  it('scrolls only when the selection leaves the window', () => {
    let s = createListWindow(100, 5);
    for (let i = 0; i < 4; i++) s = moveWindow(s, 'down');
    expect(s).toEqual(w(100, 5, 4, 0));
    s = moveWindow(s, 'down');
    expect(s).toEqual(w(100, 5, 5, 1));
    s = moveWindow(s, 'up');
    expect(s).toEqual(w(100, 5, 4, 1));
    for (let i = 0; i < 3; i++) s = moveWindow(s, 'up');
    expect(s).toEqual(w(100, 5, 1, 1));
    s = moveWindow(s, 'up');
    expect(s).toEqual(w(100, 5, 0, 0));
    expect(moveWindow(s, 'up')).toBe(s);
  });

  it('pages by a full window, keeping the row on screen where it was', () => {
    let s = w(100, 10, 3, 0);
    s = moveWindow(s, 'pageDown');
    expect(s).toEqual(w(100, 10, 13, 10));
    s = moveWindow(s, 'pageUp');
    expect(s).toEqual(w(100, 10, 3, 0));
    // Near the end the window stops at the last full page.
    s = moveWindow(w(100, 10, 95, 88), 'pageDown');
    expect(s).toEqual(w(100, 10, 99, 90));
    s = moveWindow(w(100, 10, 5, 2), 'pageUp');
    expect(s).toEqual(w(100, 10, 0, 0));
  });

  it('jumps to the ends', () => {
    expect(moveWindow(w(100, 10, 40, 35), 'end')).toEqual(w(100, 10, 99, 90));
    expect(moveWindow(w(100, 10, 40, 35), 'home')).toEqual(w(100, 10, 0, 0));
    expect(moveWindow(w(3, 10, 1, 0), 'end')).toEqual(w(3, 10, 2, 0));
  });

  it('clamps the selection when a filter shrinks the list', () => {
    expect(resizeWindow(w(10000, 20, 9500, 9490), 12, 20)).toEqual(w(12, 20, 11, 0));
    expect(resizeWindow(w(10000, 20, 30, 25), 40, 20)).toEqual(w(40, 20, 30, 20));
    expect(resizeWindow(w(10, 5, 3, 0), 0, 5)).toEqual(w(0, 5, -1, 0));
    // Growing back keeps the top row selected, not -1.
    expect(resizeWindow(w(0, 5, -1, 0), 8, 5)).toEqual(w(8, 5, 0, 0));
  });

  it('keeps the selection visible when the window gets shorter', () => {
    expect(resizeWindow(w(100, 20, 15, 0), 100, 10)).toEqual(w(100, 10, 15, 6));
    expect(resizeWindow(w(100, 10, 95, 90), 100, 30)).toEqual(w(100, 30, 95, 70));
  });

  it('selects by index within bounds', () => {
    expect(selectIndex(w(50, 10, 0, 0), 30)).toEqual(w(50, 10, 30, 21));
    expect(selectIndex(w(50, 10, 0, 0), 99)).toEqual(w(50, 10, 49, 40));
    expect(selectIndex(w(50, 10, 20, 15), -4)).toEqual(w(50, 10, 0, 0));
  });

  it('returns the same object when nothing changes', () => {
    const s = w(10, 5, 2, 0);
    expect(normalizeWindow(s)).toBe(s);
    expect(resizeWindow(s, 10, 5)).toBe(s);
    const empty = w(0, 5, -1, 0);
    expect(moveWindow(empty, 'down')).toBe(empty);
  });

  it('reports the rows on screen', () => {
    expect(visibleRange(w(100, 10, 13, 10))).toEqual({ start: 10, end: 20 });
    expect(visibleRange(w(3, 10, 1, 0))).toEqual({ start: 0, end: 3 });
  });

  it('keeps its invariants under any sequence of moves and resizes', () => {
    const move = fc.constantFrom<ListMove>('up', 'down', 'pageUp', 'pageDown', 'home', 'end');
    const step = fc.oneof(
      move.map((m) => ({ kind: 'move' as const, m })),
      fc.record({ kind: fc.constant('resize' as const), count: fc.nat(300), height: fc.nat(40) }),
      fc.record({ kind: fc.constant('select' as const), index: fc.integer({ min: -5, max: 320 }) }),
    );
    fc.assert(
      fc.property(fc.nat(300), fc.nat(40), fc.array(step, { maxLength: 40 }), (count, height, steps) => {
        let s = createListWindow(count, height);
        for (const st of steps) {
          if (st.kind === 'move') s = moveWindow(s, st.m);
          else if (st.kind === 'resize') s = resizeWindow(s, st.count, st.height);
          else s = selectIndex(s, st.index);
          const h = Math.max(1, s.height);
          if (s.count === 0) {
            expect([s.selected, s.offset]).toEqual([-1, 0]);
          } else {
            expect(s.selected).toBeGreaterThanOrEqual(0);
            expect(s.selected).toBeLessThan(s.count);
            expect(s.offset).toBeGreaterThanOrEqual(0);
            expect(s.offset).toBeLessThanOrEqual(Math.max(0, s.count - h));
            expect(s.selected - s.offset).toBeGreaterThanOrEqual(0);
            expect(s.selected - s.offset).toBeLessThan(h);
          }
        }
      }),
    );
  });
});
