// The interactive app, as a request: which register to open, which meetings folder, on which screen.
// dispatch returns it and cli.ts opens the app (importing the UI only then).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../domain/types.js';

export interface AppRequest {
  kind: 'tui';
  /** absolute path of the register (or folder) */
  registerPath: string;
  /** absolute path of the meetings folder, when known */
  meetingsDir?: string;
  /** 'meeting': go straight to recording a meeting (diaodu meet) */
  start: 'home' | 'meeting';
  /** true when no register was given and the bundled sample is opened */
  sample: boolean;
}

/** The app opens on a register that exists; a mistyped path is bad input (exit 2), said before any UI starts. */
export function requireRegister(full: string, given: string): void {
  if (!fs.existsSync(full)) {
    throw new InputError([
      { severity: 'error', file: given, line: 1, column: 1, message: '找不到台账文件或文件夹：路径不存在。' },
    ]);
  }
}

/** The app on a register the user named (it must exist), with --meetings when given. */
export function appOn(
  cwd: string,
  register: string,
  meetings: string | undefined,
  start: AppRequest['start'],
): AppRequest {
  const full = path.resolve(cwd, register);
  requireRegister(full, register);
  const req: AppRequest = { kind: 'tui', registerPath: full, start, sample: false };
  if (meetings !== undefined) req.meetingsDir = path.resolve(cwd, meetings);
  return req;
}
