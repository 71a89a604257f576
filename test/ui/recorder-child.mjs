// Child for take-over.test.tsx: records a meeting (a MeetingRecorder from dist/) and saves a note over
// and over, as a window would. A line "taken" on stdin says the parent has taken the meeting over;
// from then on every save must be refused. Prints "ready" once recording, then at the end one JSON
// line: the saves that succeeded after "taken", the tries after it, and the first refusal.
import * as path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const [, , distRoot, dir] = process.argv;
const load = (m) => import(pathToFileURL(path.join(distRoot, `${m}.js`)).href);
const { Session } = await load('app/session');
const { MeetingRecorder } = await load('app/meeting/recorder');
const { openSettings } = await load('store/settings');

const session = new Session({
  registerPath: path.join(dir, 'register.yaml'),
  meetingsDir: path.join(dir, 'meetings'),
  today: '2021-10-08',
  settings: openSettings({ cwd: path.join(dir, 'config-child') }),
  now: () => 0,
});
session.load();
const state = session.getSnapshot();
if (state.phase !== 'ready') throw new Error('register not loaded');
const setup = {
  date: '2021-10-08',
  kind: '周调度',
  chair: '马占文',
  place: '',
  attendees: [{ name: '区发改局', mark: '出席' }],
};
const recorder = MeetingRecorder.start(session, state.data, setup);

let taken = false;
process.stdin.on('data', (chunk) => {
  if (String(chunk).includes('taken')) taken = true;
});
process.stdout.write('ready\n');
let savedAfter = 0;
let triedAfter = 0;
let firstRefusal = null;
for (let n = 1; triedAfter < 50; n++) {
  const after = taken;
  const error = recorder.edit((doc) => doc.setItemNotes('CS-001', `A-${n}`));
  if (error !== null) firstRefusal ??= error;
  if (after) {
    triedAfter++;
    if (error === null) savedAfter++;
  }
  await sleep(2);
}
recorder.release();
process.stdout.write(`${JSON.stringify({ savedAfter, triedAfter, firstRefusal })}\n`);
process.stdin.destroy();
