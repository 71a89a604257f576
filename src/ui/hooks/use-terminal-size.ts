// The size the app lays itself out in: the terminal's, following resizes, or a fixed size given by
// a test. Every screen reads it from here so that nothing draws wider or taller than the window.
import { createContext, createElement, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The smallest size the layout is designed for (issue 3: works from 80×24 up). */
export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

const SizeContext = createContext<TerminalSize>(MIN_SIZE);

function measure(stdout: NodeJS.WriteStream): TerminalSize {
  return {
    columns: stdout.columns > 0 ? stdout.columns : MIN_SIZE.columns,
    rows: stdout.rows > 0 ? stdout.rows : MIN_SIZE.rows,
  };
}

/** Provides the terminal size (or `fixed`, for tests) to everything below. */
export function TerminalSizeProvider(props: { fixed?: TerminalSize; children: ReactNode }) {
  const { stdout } = useStdout();
  const [size, setSize] = useState<TerminalSize>(() => props.fixed ?? measure(stdout));
  const fixed = props.fixed;
  useEffect(() => {
    if (fixed) {
      setSize((s) => (s.columns === fixed.columns && s.rows === fixed.rows ? s : fixed));
      return;
    }
    const onResize = () =>
      setSize((s) => {
        const next = measure(stdout);
        return next.columns === s.columns && next.rows === s.rows ? s : next;
      });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return createElement(SizeContext.Provider, { value: size }, props.children);
}

export function useTerminalSize(): TerminalSize {
  return useContext(SizeContext);
}
