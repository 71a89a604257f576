// Another diaodu records the meeting (a child process holds its lock, as test/store-write does): the
// meeting opens read-only — the secretary can look at the agenda, the projects and the follow-ups,
// every editing key says why it does nothing, nothing is written (no save, no draft), what the other
// process saves shows up, and the screen says when the other process has let go.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MeetingDocument } from '../../src/store/meeting-document.js';
import { ensureDist } from '../store-write/dist.js';
import { holdLock as holdLockInChild, killIfRunning } from '../store-write/hold-lock.js';
import { AT_MEETING, KEYS, meetingFileOf, openMeetingAt, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness | undefined;
let holder: ChildProcess | undefined;
beforeAll(() => ensureDist(), 180_000);
afterEach(() => {
  killIfRunning(holder);
  holder = undefined;
  h?.cleanup();
  h = undefined;
});

/** A child process that takes the meeting's lock and keeps it until killed; resolves with its pid. */
const holdLock = async (file: string): Promise<number> =>
  (await holdLockInChild(file, (child) => (holder = child))).pid;

describe('a meeting another diaodu is recording', () => {
  it('opens read-only, names the other process, refuses edits and writes nothing', async () => {
    // a meeting recorded earlier, left unfinished, with one decision
    h = await openMeetingAt('form');
    await h.press('尽快制定复工方案');
    await h.press(KEYS.ctrlS, '仍要保存'); // no 责任人: the form asks
    await h.press('y', '已保存议定事项');
    const dir = h.dir;
    const file = meetingFileOf(h);
    h.app.unmount();
    h.session.shutdown();
    const draftFile = path.join(h.meetingsDir, '.2021-10-08-周调度.yaml.draft.json');
    fs.rmSync(draftFile, { force: true });

    const pid = await holdLock(file);
    const before = fs.readFileSync(file, 'utf8');
    h = await startApp({ routes: AT_MEETING, reuseDir: dir });
    const frame = await h.waitFor('（只读）');
    expect(frame.split('\n').slice(0, 7).join('\n')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08（只读）                                 议程 共3项
       2021-10-08 周调度会 第2期 · 主持 马占文 · 出席 区发改局、区住建局、区交通局
       只读：可以查看议程、项目和落实情况，不能修改；按 T 接管记录
      ▶ 上次会议议定事项落实情况（2项，已听取0项，未听取2项，其中逾期1项）
        1. ●红 CS-001 光伏组件项目         区发改局 议定1项
        2. ●红 CS-004 乡村道路提质工程     区交通局
        3. ▲黄 CS-002 城区集中供热改造工程 区住建局"
    `);
    const lines = frame.split('\n');
    // the status line names the process that holds the meeting; the footer offers only looking keys
    expect(lines[22]).toMatch(
      new RegExp(
        `^只读：另一个 diaodu 正在记录（进程号 ${pid}，自 (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d 起）；按 T 接管记录$`,
      ),
    );
    expect(lines[23]).toBe('Enter 打开  f 落实  T 接管记录  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出');

    // editing keys say why they do nothing
    const refusal = (what: string) =>
      new RegExp(
        `^只读，不能${what}：另一个 diaodu（进程号 ${pid}，自 (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d 起）正在记录$`,
      );
    await h.press(KEYS.down);
    for (const [key, what] of [
      ['J', '调整议程顺序'],
      ['x', '移出议程'],
      ['i', '加入项目'],
      ['C', '结束会议'],
      ['a', '新增议定事项'],
    ] as const) {
      const after = await h.press(key, `不能${what}`);
      expect(after.split('\n')[22]).toMatch(refusal(what));
      expect(after).toContain('▶ 1. ●红 CS-001'); // nothing moved, nothing opened
    }
    // looking still works: a project, its decision, the follow-ups
    const item = await h.press(KEYS.enter, '第1/3项');
    expect(item).toContain('▶1. 尽快制定复工方案（区发改局·2021-10-15）');
    expect(item.split('\n')[23]).toBe(
      '→ 下一项  ← 上一项  T 接管记录  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出',
    );
    for (const [key, what] of [
      ['e', '修改议定事项'],
      ['d', '删除议定事项'],
      ['b', '填写备注'],
      [KEYS.enter, '修改'],
    ] as const) {
      await h.press(KEYS.right, '第2/3项');
      await h.press(KEYS.left, '第1/3项');
      const after = await h.press(key, `不能${what}：`);
      expect(after.split('\n')[22]).toMatch(refusal(what));
      expect(after).not.toContain('议定事项（CS-001'); // no form opened
    }
    await h.press(KEYS.esc, '议程 共3项');
    const followups = await h.press('f', '上次议定事项 1/2');
    expect(followups).toContain('只读：可以查看，不能记录落实情况；按 T 接管记录');
    expect((await h.press('y', '不能记为已落实')).split('\n')[22]).toMatch(refusal('记为已落实'));
    await h.press(KEYS.esc, '议程 共3项');

    // nothing was written: the meeting as it was, no draft
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.existsSync(draftFile)).toBe(false);

    // what the other process saves shows up
    const other = MeetingDocument.open(file);
    other.addDecision('CS-004', { text: '交通局协调复工', unit: '区交通局', due: '2021-10-20' });
    other.save();
    await h.waitFor(/CS-004 乡村道路提质工程 +区交通局 议定1项/, 5000);

    // and when it lets go, the screen says how to go on recording: T, without a question
    holder!.kill('SIGTERM');
    expect((await h.waitFor('已结束记录', 5000)).split('\n')[22]).toBe(
      '另一个 diaodu 已结束记录：按 T 接着记录',
    );
    const resumed = await h.press('T', '已接着记录');
    expect(resumed.split('\n')[22]).toBe('已接着记录：另一个 diaodu 已不在记录');
    expect(resumed).not.toContain('（只读）');
    await h.press(KEYS.down);
    await h.press(KEYS.down, '▶ 3. ▲黄 CS-002');
    await h.press('x', '移出议程？');
    await h.press('y', '已把 CS-002 移出议程');
    expect(
      MeetingDocument.open(file)
        .toMeeting()
        .items.map((i) => i.project),
    ).toEqual(['CS-001', 'CS-004']);
  }, 60_000);
});

describe('督办 on a meeting another diaodu is recording', () => {
  it('records nothing and names the process that holds it', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'ledger' }] });
    const file = path.join(h.meetingsDir, '2021-09-20-周调度.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const pid = await holdLock(file);
    await h.waitFor('共2项');
    await h.press('y', '说明');
    await h.press('用地指标已下达');
    const frame = await h.press(KEYS.enter, '未记录');
    expect(frame.split('\n')[22]).toMatch(
      new RegExp(`^未记录：这项议定事项所在的会议正由另一个 diaodu 记录（进程号 ${pid}，`),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
