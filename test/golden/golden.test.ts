// Golden files: the Markdown minutes of every sample meeting (meetings/) and the bulletin of the
// 平鲁 sample (seeds/pinglu-2021.yaml with meetings/), as an official would read them. After a
// deliberate change, regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden and read the diff.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import type { CommandContext } from '../../src/commands/context.js';
import { runMinutes } from '../../src/commands/minutes.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const goldenDir = import.meta.dirname;
const ctx: CommandContext = { cwd: root, today: () => '2021-09-30' };
const update = process.env.UPDATE_GOLDEN === '1';

function matchGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (update) {
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`缺少黄金文件 ${name}；用 UPDATE_GOLDEN=1 生成后请逐字阅读再提交`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

const meetingFiles = fs
  .readdirSync(path.join(root, 'meetings'))
  .filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('.'))
  .sort();

describe('golden minutes', () => {
  it('has sample meetings to check', () => {
    expect(meetingFiles.length).toBeGreaterThan(0);
  });
  for (const name of meetingFiles) {
    it(`minutes of ${name}`, async () => {
      const r = await runMinutes({ meeting: path.join('meetings', name) }, ctx);
      expect(r.exitCode, r.stderr).toBe(0);
      matchGolden(`minutes-${name.replace(/\.ya?ml$/, '')}.md`, r.stdout);
    });
  }
});

describe('golden bulletin', () => {
  it('Markdown bulletin of 平鲁区 2021-09 with the meetings', async () => {
    const r = await runBulletin({ register: 'seeds/pinglu-2021.yaml', meetings: 'meetings', month: '2021-09' }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    matchGolden('bulletin-pinglu-2021-09.md', r.stdout);
  });
  it('plain-text bulletin (tables aligned by display width)', async () => {
    const r = await runBulletin({ register: 'seeds/pinglu-2021.yaml', meetings: 'meetings', format: 'txt' }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    matchGolden('bulletin-pinglu-2021-09.txt', r.stdout);
  });
});
