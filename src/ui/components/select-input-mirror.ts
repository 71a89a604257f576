// ink-select-input (6.2.0) keeps its row in React state and reads it from the render its key handler
// was made in. Ink hands every key of one read to the handlers at once, before React re-renders, so
// of ↓ ↓ Enter arriving together (typed ahead while the app starts, a loaded machine, a script) both
// ↓ move from row 1 to row 2 and Enter selects row 1. This hook keeps the row the keys really mean:
// the host's own key handler (stable, reading refs) sees every key in order and reports the keys
// SelectInput owns with `follow`; SelectInput still acts on them — its onSelect is what picks, once
// per Enter or digit — but the row picked is the one the n-th Enter or digit meant (paired in order
// once the read is over), and after a commit SelectInput is remounted (`epoch` as its key, `cursor`
// as its initialIndex) when its own copy went astray. With one key at a time nothing is remounted.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './use-latest.js';

/** A key SelectInput acts on: ↑/k, ↓/j (both wrap around), Enter, a digit 1–9 (the row it picks). */
export type MirroredKey = 'up' | 'down' | 'select' | { digit: number };

export interface SelectInputMirror {
  /** the row, for SelectInput's initialIndex */
  cursor: number;
  /** SelectInput's React key: it changes when SelectInput must start again at `cursor` */
  epoch: number;
  /** the host saw a key SelectInput acts on */
  follow: (key: MirroredKey) => void;
  /** the host moves the row itself (Home/End) */
  jump: (row: number) => void;
  /** for SelectInput's onHighlight */
  onHighlight: (item: { value: number }) => void;
  /** for SelectInput's onSelect */
  onSelect: () => void;
}

/**
 * `count` rows, `onPick(row)` once per Enter or digit. `digitMoves`: a digit also leaves the row on
 * what it picked (a menu one comes back to).
 */
export function useSelectInputMirror(
  count: number,
  onPick: (row: number) => void,
  options: { initial?: number; digitMoves?: boolean } = {},
): SelectInputMirror {
  const [cursor, setCursor] = useState(options.initial ?? 0);
  const [epoch, setEpoch] = useState(0);
  const row = useRef(options.initial ?? 0);
  /** SelectInput's own row: what it last highlighted, or where it was mounted */
  const shown = useRef(options.initial ?? 0);
  /** the rows the Enter and digit keys of this read meant, in order */
  const picks = useRef<number[]>([]);
  const latest = useLatest({ count, onPick, digitMoves: options.digitMoves ?? false });
  const follow = useCallback(
    (key: MirroredKey) => {
      const { count, digitMoves } = latest.current;
      const last = count - 1;
      if (key === 'up') row.current = row.current <= 0 ? last : row.current - 1;
      else if (key === 'down') row.current = row.current >= last ? 0 : row.current + 1;
      else if (key === 'select') picks.current.push(row.current);
      else if (key.digit >= 1 && key.digit <= count) {
        picks.current.push(key.digit - 1);
        if (digitMoves) row.current = key.digit - 1;
      }
      setCursor(row.current);
    },
    [latest],
  );
  const jump = useCallback((target: number) => {
    row.current = target;
    setCursor(target);
  }, []);
  const onHighlight = useCallback((item: { value: number }) => {
    shown.current = item.value;
  }, []);
  const onSelect = useCallback(() => {
    // after the whole read: by then the host's handler has seen the key that caused this call
    queueMicrotask(() => {
      const target = picks.current.shift();
      if (target !== undefined) latest.current.onPick(target);
    });
  }, [latest]);
  useEffect(() => {
    if (shown.current === cursor) return;
    shown.current = cursor;
    setEpoch((e) => e + 1);
  }, [cursor]);
  return { cursor, epoch, follow, jump, onHighlight, onSelect };
}
