// What a scripted command is given and what it gives back: its surroundings (CommandContext: today,
// the working folder; injected so tests need no terminal or clock) and its result as a value
// ({stdout, stderr, exitCode}). Commands never touch process.stdout or exit themselves.
// Nothing in src/commands may import ink or react (the UI is loaded lazily by cli.ts only).
import { localToday } from '../store/clock.js';
import type { IsoDate } from '../domain/types.js';
import type { TextInPieces } from '../text/text-in-pieces.js';

export interface CommandResult {
  stdout: string;
  /** the same text as `stdout`, made piece by piece as it is written (a long JSON bulletin) */
  stdoutPieces?: TextInPieces;
  stderr: string;
  /** 0 ok, 2 bad input or usage, 1 unexpected internal error */
  exitCode: number;
}

/** What commands learn from their surroundings; injected so tests need no terminal or clock. */
export interface CommandContext {
  /** today's date (the day for `items` when no --date is given) */
  today: () => IsoDate;
  /** folder relative paths are resolved from */
  cwd: string;
  /** progress lines of long work (a large import), shown at once on stderr by cli.ts */
  progress?: (line: string) => void;
}

export function defaultContext(): CommandContext {
  return { today: () => localToday(), cwd: process.cwd() };
}

/**
 * A result whose stdout is written piece by piece (cli.ts); `stdout`, read by tests and by callers
 * that want the whole text, joins the pieces once.
 */
export function resultInPieces(stdout: TextInPieces, stderr: string, exitCode: number): CommandResult {
  let whole: string | undefined;
  return {
    get stdout(): string {
      return (whole ??= stdout.toString());
    },
    stdoutPieces: stdout,
    stderr,
    exitCode,
  };
}
