import { useCallback, useRef, useState } from 'react';

/**
 * A reducer whose latest state is readable at once, not only after React re-renders. Several key
 * presses can arrive in one tick (an IME commits a phrase in several reads, a fast typist, a paste
 * split by the terminal, Ink issue 759); each dispatch applies to the state the previous one left,
 * and an input handler that reads `current()` never sees a stale value.
 */
export function useSyncReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: () => S,
): { state: S; dispatch: (action: A) => void; current: () => S; replace: (next: S) => void } {
  const ref = useRef<{ state: S } | null>(null);
  if (ref.current === null) ref.current = { state: initial() };
  const [, setState] = useState<S>(ref.current.state);
  const box = ref.current;
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(box.state, action);
      if (Object.is(next, box.state)) return;
      box.state = next;
      setState(next);
    },
    [box, reducer],
  );
  const current = useCallback(() => box.state, [box]);
  // For adjustments made while rendering (props changed): no re-render is needed, the caller is
  // rendering with the new state already.
  const replace = useCallback(
    (next: S) => {
      box.state = next;
    },
    [box],
  );
  return { state: box.state, dispatch, current, replace };
}
