// Paths as commands take them (relative to the working folder) and as messages give them back (as
// the user typed them), and where the app keeps a register's meetings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, type Diagnostic } from '../domain/types.js';
import type { CommandContext } from './context.js';

export function resolvePath(ctx: CommandContext, p: string): string {
  return path.resolve(ctx.cwd, p);
}

export function isDirectory(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isDirectory();
}

/** Where the app keeps a register's meetings by default: `meetings` beside it. */
export function meetingsBeside(registerPath: string): string {
  return path.join(path.dirname(registerPath), 'meetings');
}

/**
 * A file as the user would name it: relative to the folder the command runs in when it lies inside
 * it ("seeds/pinglu-2021.yaml"), else absolute. The loaders resolve paths before reading, so their
 * messages would otherwise name /the/whole/path of a file the user typed as a short one.
 */
export function shownPath(ctx: CommandContext, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(ctx.cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** An error about a whole file (no place in it: line 0), the file named as the user would name it. */
export function fileError(ctx: CommandContext, file: string, message: string): InputError {
  return new InputError([{ severity: 'error', file: shownPath(ctx, file), line: 0, column: 0, message }]);
}

export function shownDiagnostics(ctx: CommandContext, list: readonly Diagnostic[]): Diagnostic[] {
  return list.map((d) => ({ ...d, file: shownPath(ctx, d.file) }));
}
