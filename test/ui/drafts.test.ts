// The meeting's draft file (issue 9): a write that fails says why in Chinese and leaves no temp file;
// a temp file a killed diaodu left behind is removed the next time the draft is read.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftPathFor, readDraft, writeDraft } from '../../src/app/meeting/drafts.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-draft-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('drafts', () => {
  it('are written and read back; null removes them', () => {
    const meeting = path.join(dir, '2021-10-08-周调度.yaml');
    expect(writeDraft(meeting, { form: { text: '尽快制定复工方案' } })).toBeNull();
    expect(readDraft(meeting)).toEqual({ form: { text: '尽快制定复工方案' } });
    expect(fs.readdirSync(dir)).toEqual(['.2021-10-08-周调度.yaml.draft.json']);
    expect(writeDraft(meeting, null)).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a write that fails returns the reason and leaves the old draft whole, with no temp file', () => {
    const meeting = path.join(dir, 'm.yaml');
    writeDraft(meeting, { n: 1 });
    // the temp file cannot become the draft: a folder stands where the draft would go
    fs.rmSync(draftPathFor(meeting));
    fs.mkdirSync(draftPathFor(meeting));
    fs.writeFileSync(path.join(draftPathFor(meeting), 'x'), '');
    const error = writeDraft(meeting, { n: 2 });
    expect(error).toMatch(/（E[A-Z]+）。?$/);
    expect(fs.readdirSync(dir)).toEqual(['.m.yaml.draft.json']);
  });

  it('a temp file left by a process that is gone is removed when the draft is read', () => {
    const meeting = path.join(dir, 'm.yaml');
    writeDraft(meeting, { n: 1 });
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(child.stdout.toString());
    const dead = `..m.yaml.draft.json.${deadPid}.0123abcd.tmp`;
    const mine = `..m.yaml.draft.json.${process.pid}.89abcdef.tmp`;
    for (const n of [dead, mine]) fs.writeFileSync(path.join(dir, n), '');
    expect(readDraft(meeting)).toEqual({ n: 1 });
    expect(fs.readdirSync(dir).sort()).toEqual([mine, '.m.yaml.draft.json'].sort());
  });
});
