import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/store/lock.js';
import {
  decisionIdsInDir,
  findMeetingFile,
  listMeetingFiles,
  meetingFileName,
  meetingNumbers,
  nextMeetingNumber,
  openMeetingForDate,
  openMeetingToRecord,
  parseMeetingFileName,
  scanMeetingsDir,
} from '../../src/store/meetings-dir.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-meetings-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function meeting(
  name: string,
  header: { date: string; kind: string; number?: number },
  ids: string[] = [],
  extra = '',
): string {
  const file = path.join(dir, name);
  const decisions = ids.map(
    (id) => `      - id: ${id}\n        text: 事项\n        unit: 区发改局\n        due: 2021-12-31\n`,
  );
  fs.writeFileSync(
    file,
    `meeting:\n  date: ${header.date}\n  kind: ${header.kind}\n` +
      (header.number !== undefined ? `  number: ${header.number}\n` : '') +
      `  closed: true\nitems:\n  - project: PL-001\n    decisions:${ids.length ? '\n' + decisions.join('') : ' []\n'}` +
      `followups: []\n${extra}`,
  );
  return file;
}

describe('file names', () => {
  it('carry the date and the kind', () => {
    expect(meetingFileName('2021-11-15', '周调度')).toBe('2021-11-15-周调度.yaml');
    expect(parseMeetingFileName('/x/2021-11-15-专题.yaml')).toEqual({ date: '2021-11-15', kind: '专题' });
    expect(parseMeetingFileName('notes.yaml')).toBeNull();
  });
});

describe('listMeetingFiles', () => {
  it('lists yaml files by name, skipping temp, hidden and lock files; a missing folder is empty', () => {
    meeting('2021-11-15-周调度.yaml', { date: '2021-11-15', kind: '周调度' });
    meeting('2021-11-08-周调度.yml', { date: '2021-11-08', kind: '周调度' });
    fs.writeFileSync(path.join(dir, '.2021-11-15-周调度.yaml.123.0123abcd.tmp'), 'partial');
    fs.writeFileSync(path.join(dir, '2021-11-15-周调度.yaml.lock'), '{}');
    fs.writeFileSync(path.join(dir, '.hidden.yaml'), '');
    fs.writeFileSync(path.join(dir, 'README.md'), '');
    expect(listMeetingFiles(dir).map((f) => path.basename(f))).toEqual([
      '2021-11-08-周调度.yml',
      '2021-11-15-周调度.yaml',
    ]);
    expect(listMeetingFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});

describe('findMeetingFile', () => {
  it('finds a meeting by its conventional name, or by the date in its header', () => {
    const weekly = meeting('2021-11-15-周调度.yaml', { date: '2021-11-15', kind: '周调度' });
    const special = meeting('用地专题会.yaml', { date: '2021-11-15', kind: '专题' });
    expect(findMeetingFile(dir, '2021-11-15', '周调度')).toBe(weekly);
    expect(findMeetingFile(dir, '2021-11-15', '专题')).toBe(special);
    expect(findMeetingFile(dir, '2021-11-15')).toBe(weekly);
    expect(findMeetingFile(dir, '2021-11-22', '周调度')).toBeUndefined();
  });

  it('reads a header written in traditional characters', () => {
    const file = meeting('補記.yaml', { date: '2021-11-15', kind: '週調度' });
    expect(findMeetingFile(dir, '2021-11-15', '周调度')).toBe(file);
  });
});

describe('meeting numbers (期数)', () => {
  it('count per kind and year, continuing from a number that was set', () => {
    expect(
      meetingNumbers([
        { date: '2021-11-15', kind: '周调度' },
        { date: '2021-11-01', kind: '周调度', number: 38 },
        { date: '2021-11-08', kind: '周调度' },
        { date: '2021-11-10', kind: '专题' },
        { date: '2022-01-03', kind: '周调度' },
      ]),
    ).toEqual([40, 38, 39, 1, 1]);
  });

  it('the next one for a new meeting counts the earlier meetings of the kind in its year', () => {
    meeting('a.yaml', { date: '2020-12-28', kind: '周调度', number: 50 });
    meeting('b.yaml', { date: '2021-11-01', kind: '周调度' });
    meeting('c.yaml', { date: '2021-11-08', kind: '周调度' });
    meeting('d.yaml', { date: '2021-11-10', kind: '专题' });
    meeting('e.yaml', { date: '2021-11-22', kind: '周调度' }); // later: not counted
    expect(nextMeetingNumber(dir, '周调度', '2021-11-15')).toBe(3);
    expect(nextMeetingNumber(dir, '专题', '2021-11-15')).toBe(2);
    expect(nextMeetingNumber(dir, '月调度', '2021-11-15')).toBe(1);
    meeting('f.yaml', { date: '2021-11-12', kind: '周调度', number: 38 });
    expect(nextMeetingNumber(dir, '周调度', '2021-11-15')).toBe(39);
  });
});

describe('decision ids in the folder', () => {
  it('collects every id, including from a file with a syntax error', () => {
    meeting('a.yaml', { date: '2021-11-08', kind: '周调度' }, ['2021-11-08-01', '2021-11-08-02']);
    const b = meeting('b.yaml', { date: '2021-11-15', kind: '专题' }, ['2021-11-15-01']);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'meeting: [\n  - id: 2021-11-15-02\n');
    expect([...decisionIdsInDir(dir)].sort()).toEqual([
      '2021-11-08-01',
      '2021-11-08-02',
      '2021-11-15-01',
      '2021-11-15-02',
    ]);
    expect([...decisionIdsInDir(dir, { exclude: b })].sort()).toEqual([
      '2021-11-08-01',
      '2021-11-08-02',
      '2021-11-15-02',
    ]);
  });

  it('summaries list a file’s decisions in file order', () => {
    meeting('a.yaml', { date: '2021-11-08', kind: '周调度', number: 7 }, ['2021-11-08-02', '2021-11-08-01']);
    expect(scanMeetingsDir(dir)).toEqual([
      {
        file: path.join(dir, 'a.yaml'),
        date: '2021-11-08',
        kind: '周调度',
        number: 7,
        closed: true,
        decisionIds: ['2021-11-08-02', '2021-11-08-01'],
      },
    ]);
  });
});

describe('openMeetingForDate', () => {
  it('creates the meeting of a new date under the conventional name, then resumes it', () => {
    const header = { date: '2021-11-15', kind: '周调度' as const, chair: '马占文' };
    meeting('2021-11-15-专题.yaml', { date: '2021-11-15', kind: '专题' }, ['2021-11-15-01', '2021-11-15-02']);

    const first = openMeetingForDate(dir, header);
    expect(first.resumed).toBe(false);
    expect(first.document.file).toBe(path.join(dir, '2021-11-15-周调度.yaml'));
    first.document.addItem('PL-001');
    // the 专题 meeting of the same day used 01 and 02
    expect(
      first.document.addDecision('PL-001', { text: '事项', unit: '区发改局', due: '2021-11-30' }).id,
    ).toBe('2021-11-15-03');
    first.document.save();

    const second = openMeetingForDate(dir, header);
    expect(second.resumed).toBe(true);
    expect(second.document.toMeeting().meeting.chair).toBe('马占文');
    expect(
      second.document.addDecision('PL-001', { text: '事项', unit: '区发改局', due: '2021-11-30' }).id,
    ).toBe('2021-11-15-04');
  });
});

describe('openMeetingToRecord', () => {
  it("takes the lock, cleans a dead writer's temp file, and opens read-only for a second recorder", () => {
    const header = { date: '2021-11-15', kind: '周调度' as const };
    const file = meeting('2021-11-15-周调度.yaml', header, ['2021-11-15-01']);
    const temp = path.join(dir, '.2021-11-15-周调度.yaml.999999999.0123abcd.tmp'); // pid that cannot exist
    fs.writeFileSync(temp, 'partial');

    const first = openMeetingToRecord(dir, header);
    expect(first.resumed).toBe(true);
    expect(first.lock?.lockFile).toBe(lockPathFor(file));
    expect(first.lockedBy).toBeUndefined();
    expect(fs.existsSync(temp)).toBe(false);

    const second = openMeetingToRecord(dir, header);
    expect(second.lock).toBeUndefined();
    expect(second.lockedBy?.message).toContain(`进程号 ${process.pid}`);
    expect(second.document.readOnly).toBe(true);
    expect(second.document.decisionIds()).toEqual(['2021-11-15-01']);
    expect(() => second.document.save()).toThrow(/只读/);

    first.lock?.release();
    const third = openMeetingToRecord(dir, header);
    expect(third.lock).toBeDefined();
    third.lock?.release();
  });
});
