// Bad input and wrong use as exit 2 with Chinese messages: UsageError (the command line), InputError
// (a file, with file:line:column) printed one diagnostic a line; anything else propagates (exit 1).
import { InputError, type Diagnostic } from '../domain/types.js';
import { safeLinesToEcho, safeToEcho } from '../text/sanitize.js';
import type { CommandResult } from './context.js';

/** Wrong use of the command line: exit 2 with a Chinese message (and a pointer to help). */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/**
 * A diagnostic as one line; positions of 0 (a whole file, not a place in it) are left out. The file
 * name and the message (which may quote a value) are made safe to echo (issue 9).
 */
export function diagnosticLine(d: Diagnostic): string {
  const label = d.severity === 'error' ? '错误' : '警告';
  const file = safeToEcho(d.file);
  const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
  return `${where}: ${label}：${safeLinesToEcho(d.message)}`;
}

export function diagnosticsText(list: readonly Diagnostic[]): string {
  return list.map((d) => `${diagnosticLine(d)}\n`).join('');
}

/** Turns bad input (InputError, UsageError) into exit 2 with its messages; anything else propagates. */
export async function guard(
  run: () => Promise<CommandResult> | CommandResult,
  command?: string,
): Promise<CommandResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError) {
      // Many errors scroll past the first ones: end with the count.
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      const count = errors > 1 ? `共${errors}处错误，请修改后重新运行。\n` : '';
      return { stdout: '', stderr: diagnosticsText(error.diagnostics) + count, exitCode: 2 };
    }
    if (error instanceof UsageError) {
      const hint = (error.command ?? command) ? `\n用法见：diaodu help ${error.command ?? command}` : '';
      // the message quotes what was typed: a value or path is echoed safe
      return { stdout: '', stderr: `diaodu: ${safeLinesToEcho(error.message)}${hint}\n`, exitCode: 2 };
    }
    throw error;
  }
}
