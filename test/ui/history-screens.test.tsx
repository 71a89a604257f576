// Issue 12 in the TUI: the 包联领导 screen (home 6), the 【连红N】 tag on projects red at 3 调度
// meetings in a row (project list, agenda), and the lights at past meetings on the project screen.
// The fixture register has one meeting (2021-09-20, CS-001 red); two earlier ones are added here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startApp, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});

function earlierMeeting(date: string, light: string): string {
  return [
    'meeting:',
    `  date: ${date}`,
    '  kind: 周调度',
    '  register: ../register.yaml',
    '  closed: true',
    'items:',
    '  - project: CS-001',
    `    light: ${light}`,
    '    reasons: []',
    'followups: []',
    '',
  ].join('\n');
}

/** The fixture with CS-001 red at 09-06 and 09-13 too: three 调度 meetings in a row. */
async function withRedStreak(routes: Parameters<typeof startApp>[0] = {}): Promise<Harness> {
  const first = await startApp({ routes: [{ screen: 'home' }] });
  await first.waitFor('1 项目');
  fs.writeFileSync(
    path.join(first.meetingsDir, '2021-09-06-周调度.yaml'),
    earlierMeeting('2021-09-06', '红'),
  );
  fs.writeFileSync(
    path.join(first.meetingsDir, '2021-09-13-周调度.yaml'),
    earlierMeeting('2021-09-13', '红'),
  );
  const dir = first.dir;
  first.app.unmount();
  return startApp({ ...routes, reuseDir: dir });
}

describe('包联领导 screen', () => {
  it('opens from home with 6: projects, red and yellow, overdue decisions per leader, worst first', async () => {
    h = await startApp({ routes: [{ screen: 'home' }] });
    await h.waitFor('6 包联领导');
    const frame = await h.press('6', '包联领导      项目数');
    const lines = frame.split('\n').map((l) => l.trimEnd());
    // CS-001 (马占文) is red with decision 2021-09-20-01 (due 09-24) 逾期未落实 on 09-30; CS-004 (刘志宏)
    // is 停工, red; CS-002 (张建国) is yellow (62.5% against 75.0%).
    expect(lines).toContain(' 马占文             1     1     0             1     20.0%');
    expect(lines).toContain(' 刘志宏             1     1     0             0     80.0%');
    expect(lines).toContain(' 张建国             1     0     1             0     62.5%');
    expect(lines.findIndex((l) => l.startsWith(' 马占文'))).toBeLessThan(
      lines.findIndex((l) => l.startsWith(' 张建国')),
    );
    expect(frame).toContain('●红 CS-001');
    expect(await h.press(KEYS.esc, '1 项目')).toContain('diaodu › 总览');
  });
});

describe('连红 tags and the lights history', () => {
  it('tags a project red at three meetings in a row, and shows its lights with dates', async () => {
    h = await withRedStreak({ routes: [{ screen: 'home' }, { screen: 'projects' }] });
    const list = await h.waitFor('显示5个');
    expect(list).toContain('【连红3】');
    expect(list.split('\n').filter((l) => l.includes('【连红'))).toHaveLength(1);
    const detail = await h.press(KEYS.enter, '项目详情 CS-001');
    expect(detail).toContain('调度会灯色（连续3次红灯） 09-06●红 09-13●红 09-20●红');
  });

  it('tags the agenda item counting this meeting too', async () => {
    h = await withRedStreak({ routes: [{ screen: 'home' }, { screen: 'meeting' }] });
    await h.waitFor('会议日期');
    const agenda = await h.press(KEYS.ctrlS, '已建立会议记录');
    // red at 09-06, 09-13, 09-20 and again at this meeting (2021-10-08)
    expect(agenda).toMatch(/1\. ●红 CS-001 【连红4】光伏组件项目/u);
    expect(agenda.split('\n').filter((l) => l.includes('【连红'))).toHaveLength(1);
  });

  it('two meetings in a row are not yet a repeat offender', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'projects' }] });
    const list = await h.waitFor('显示5个');
    expect(list).not.toContain('连红');
    expect(await h.press(KEYS.enter, '项目详情 CS-001')).toContain('调度会灯色 09-20●红');
  });
});

describe('简报: the bulletin reads last month’s snapshot', () => {
  it('prints 环比 when history/ holds last month, one sentence when it does not', async () => {
    const size = { columns: 200, rows: 60 };
    const first = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }], size });
    await first.waitFor('选择要生成');
    const without = await first.press(KEYS.enter, '格式：');
    expect(without).toContain('本期无上月台账数据，不作环比。');
    const dir = first.dir;
    first.app.unmount();
    fs.mkdirSync(path.join(dir, 'history'));
    const august = fs
      .readFileSync(path.join(dir, 'register.yaml'), 'utf8')
      .replace('as_of: 2021-09-30', 'as_of: 2021-08-31');
    fs.writeFileSync(path.join(dir, 'history', 'register-2021-08.yaml'), august);
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }], size, reuseDir: dir });
    await h.waitFor('选择要生成');
    const withSnapshot = await h.press(KEYS.enter, '格式：');
    expect(withSnapshot).toContain('与上月（数据截至2021年8月31日）相比');
    expect(withSnapshot).not.toContain('本期无上月台账数据');
  });
});
