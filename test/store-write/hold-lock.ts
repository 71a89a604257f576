// A child process that takes a meeting's lock (lock-holder.mjs, on the built dist/) and keeps it
// until killed: "another diaodu" for the lock, read-only and take-over tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { distUrl } from './dist.js';

const HOLDER = path.join(import.meta.dirname, 'lock-holder.mjs');

/**
 * Start a child holding the lock of the meeting `file`; resolves once it says so, with the pid it
 * reports. `started` gets the child at once, so that the test can kill it whatever happens.
 */
export function holdLock(
  file: string,
  started: (child: ChildProcess) => void,
): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, [HOLDER, distUrl('store/lock'), file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /locked (\d+)\n/.exec(out);
      if (m) resolve({ child, pid: Number(m[1]) });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code}): ${err}`)));
  });
}

/** Kill the child if it still runs. */
export function killIfRunning(child: ChildProcess | undefined): void {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
