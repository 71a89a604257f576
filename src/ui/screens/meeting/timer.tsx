// The time spent on the agenda item, ticking once a second in the header. It stops ticking while a
// text field has focus: a commit that does not re-render the field would hide the IME cursor.
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { fitToWidth } from '../../../text/width.js';

/** "02:13", "1:02:13". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Columns the timer takes in the header: " 本项 00:00" and room for hours. */
export const TIMER_WIDTH = 14;

export function ItemTimer(props: { since: number; before: number; now: () => number; paused: boolean }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (props.paused) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [props.paused]);
  const text = ` 本项 ${formatElapsed(props.before + props.now() - props.since)}`;
  return (
    <Text inverse bold wrap="truncate">
      {fitToWidth(text, TIMER_WIDTH)}
    </Text>
  );
}
