// The 简报 screen's output in 繁體 (settings: script traditional) keeps the people of the register and
// the meetings as written, as the scripted commands do (issue 10: 马占文 became 馬佔文).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildMinutes } from '../../src/briefing/minutes.js';
import { openSettings } from '../../src/store/settings.js';
import { writeBriefing } from '../../src/app/briefing-output.js';
import { FIXTURES, loadReady, sessionIn } from './sessions.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-briefing-t-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A session whose settings ask for 繁體 output, and the minutes of the fixture's first meeting. */
function traditionalMinutes() {
  const settings = openSettings({ cwd: path.join(dir, 'config') });
  settings.update({ script: 'traditional', outputDir: path.join(dir, 'out') });
  const session = sessionIn(dir, {
    registerPath: path.join(FIXTURES, 'register.yaml'),
    meetingsDir: path.join(FIXTURES, 'meetings'),
    settings,
  });
  const data = loadReady(session);
  const meeting = data.meetings[0]!;
  const doc = buildMinutes({ meeting, register: data.register, meetings: data.meetings });
  return { session, doc };
}

it('writes the minutes in traditional characters with the names as written', async () => {
  const { session, doc } = traditionalMinutes();
  const file = await writeBriefing(session, doc, 'md');
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('會議紀要');
  expect(text).toContain('马占文同志');
  expect(text).not.toContain('馬佔文');
});

// The screen renders through briefing/render.ts as `minutes --script traditional` does: the words
// the renderers add (请假, 出席) are converted too, and JSON converts `data` as the command does.
it('writes the same 繁體 text as the minutes command, the renderers’ own words included', async () => {
  const { session, doc } = traditionalMinutes();
  const md = fs.readFileSync(await writeBriefing(session, doc, 'md'), 'utf8');
  expect(md).toContain('**請假：**區交通局');
  expect(md).not.toContain('请假');
  const json = JSON.parse(fs.readFileSync(await writeBriefing(session, doc, 'json'), 'utf8'));
  expect(json.data.register.title).toBe('測試區2021年重點項目臺賬');
  expect(json.data.meeting.chair).toBe('马占文');
});
