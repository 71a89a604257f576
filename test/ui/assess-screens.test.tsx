// 督办 → 督办通知单 (w) and 简报 → 季考核: what the keys write, through the app at 80×24.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness;
afterEach(() => h?.cleanup());

describe('督办 → 督办通知单', () => {
  it('w writes the selected decision’s unit’s notice as Word and Markdown into the output folder', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'ledger' }] });
    await h.waitFor('共2项');
    // the first row: 区自然资源局's decision, 14 days overdue on 2021-10-08
    const frame = await h.press('w', '已写入');
    expect(frame).toContain('督办通知单-区自然资源局-2021-10-08.docx');
    const out = path.join(h.dir, 'out');
    expect(fs.readdirSync(out).sort()).toEqual([
      '督办通知单-区自然资源局-2021-10-08.docx',
      '督办通知单-区自然资源局-2021-10-08.md',
    ]);
    const md = fs.readFileSync(path.join(out, '督办通知单-区自然资源局-2021-10-08.md'), 'utf8');
    expect(md).toContain('\n区自然资源局：\n');
    expect(md).toContain(
      '1.光伏组件项目：协调落实项目用地指标（完成时限：2021年9月24日，已逾期14天，责任人：王强，2021年9月20日调度会议定）。',
    );
    expect(md).not.toContain('督促施工单位增加作业面'); // 区发改局's, on its own notice
    expect(
      fs.readFileSync(path.join(out, '督办通知单-区自然资源局-2021-10-08.docx')).subarray(0, 2).toString(),
    ).toBe('PK');
  });
});

describe('简报 → 季考核', () => {
  it('offers the quarter’s assessment, previews it and writes it', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }] });
    expect(await h.waitFor('选择要生成')).toContain(
      '季考核 2021年第三季度（数据截至2021年9月30日，默认考核规则）',
    );
    await h.press(KEYS.down);
    await h.press(KEYS.down);
    const preview = await h.press(KEYS.enter, '简报 · 季考核');
    expect(preview).toContain('关于2021年第三季度测试区重点项目考核情况的通报');
    await h.press('f', '选择格式');
    expect(await h.press('2', '格式：Excel')).toContain('w 写出到 <tmp>/out');
    await h.press('w', '已写入');
    expect(fs.readdirSync(path.join(h.dir, 'out'))).toEqual(['2021年第3季度重点项目考核结果.xlsx']);
  });
});
