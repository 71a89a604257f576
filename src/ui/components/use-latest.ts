import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest value, so an input handler registered once can read current
 * props and callbacks. (Ink re-subscribes `useInput` whenever the handler changes identity; with a
 * stable handler, keys that arrive before React re-renders still reach current code.)
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
