// Child for lock.test.ts: takes the lock on a meeting file, releases it on exit/SIGINT/SIGTERM, then
// idles until killed. Prints "locked <pid>" once the lock is held.
import process from 'node:process';
import { setInterval } from 'node:timers';

const [, , distLockUrl, file] = process.argv;
const { acquireMeetingLock, releaseLockOnExit } = await import(distLockUrl);
const lock = acquireMeetingLock(file);
releaseLockOnExit(lock);
process.stdout.write(`locked ${process.pid}\n`);
setInterval(() => {}, 1 << 30);
