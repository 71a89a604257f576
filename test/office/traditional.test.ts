// 繁體 output with OpenCC's tables: simplified → traditional characters, and back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import { runCheck } from '../../src/commands/check.js';
import type { CommandContext } from '../../src/commands/context.js';
import { runItems } from '../../src/commands/items.js';
import { runLagging } from '../../src/commands/lagging.js';
import { runMinutes } from '../../src/commands/minutes.js';
import { namesIn, personNames } from '../../src/domain/names.js';
import { loadMeetings } from '../../src/store/meeting-read.js';
import { loadRegister } from '../../src/store/register-file.js';
import {
  toSimplified,
  toTraditional,
  toTraditionalDeep,
  traditionalConverter,
} from '../../src/text/traditional.js';

describe('toTraditional', () => {
  it('converts briefing text to traditional characters in their common print forms', () => {
    expect(toTraditional('关于2021年10月份全区重点项目建设情况的通报')).toBe(
      '關於2021年10月份全區重點項目建設情況的通報',
    );
    expect(toTraditional('开复工率94.2%，责任单位：区发改局')).toBe('開復工率94.2%，責任單位：區發改局');
    // phrases, not just characters: 干部 → 幹部, 里程碑 keeps 里
    expect(toTraditional('干部到项目一线，倒排里程碑')).toBe('幹部到項目一線，倒排里程碑');
    // the forms readers know (為, 考核), not OpenCC's own (爲, 考覈)
    expect(toTraditional('为落实季考核')).toBe('為落實季考核');
    // no Taiwan vocabulary: 项目 stays 項目 (not 專案)
    expect(toTraditional('项目')).toBe('項目');
  });

  it('leaves text without Chinese alone', () => {
    expect(toTraditional('PL-001 94.2%')).toBe('PL-001 94.2%');
  });

  it('converts every string of a JSON-like value, not its keys or numbers', () => {
    expect(toTraditionalDeep({ title: '通报', rows: [{ unit: '区发改局', rate: 0.5 }] })).toEqual({
      title: '通報',
      rows: [{ unit: '區發改局', rate: 0.5 }],
    });
  });
});

describe('toSimplified', () => {
  it('reads traditional headers and values as simplified', () => {
    expect(toSimplified('項目名稱 總投資（億元） 續建 投產 已落實')).toBe(
      '项目名称 总投资（亿元） 续建 投产 已落实',
    );
  });
});

describe('government usage', () => {
  it('writes 会签 as 會簽 (countersigning), not 會籤', () => {
    expect(toTraditional('省电力公司批复意见正在会签')).toBe('省電力公司批覆意見正在會簽');
  });
});

describe('the project phrase table over OpenCC (issue 10)', () => {
  it('writes what these words mean in a dispatch meeting', () => {
    // "15台风机": the measure word 台 and 风机 (wind turbine), not 颱風 (typhoon)
    expect(toTraditional('完成15台风机基础浇筑')).toBe('完成15臺風機基礎澆築');
    expect(toTraditional('新型干混砂浆生产线')).toBe('新型乾混砂漿生產線');
    expect(toTraditional('事事有回音')).toBe('事事有回音');
    expect(toTraditional('全区重点项目周调度会')).toBe('全區重點項目週調度會');
    expect(toTraditional('圈舍建设按周推进')).toBe('圈舍建設按週推進');
    expect(toTraditional('绿电制氢')).toBe('綠電製氫');
    // OpenCC's own choices that are right here stay: 主次干道 幹道, 烘干 烘乾, 周边 周邊
    expect(toTraditional('主次干道，配套烘干设施，周边道路')).toBe('主次幹道，配套烘乾設施，周邊道路');
  });
});

describe('person names (issue 10)', () => {
  it('keeps known names as written wherever they stand, converting the text around them', () => {
    const convert = traditionalConverter(['马占文', '刘占峰']);
    expect(convert('马占文同志在区委四楼会议室主持召开')).toBe('马占文同志在區委四樓會議室主持召開');
    expect(convert('（主持：马占文；记录：刘占峰）')).toBe('（主持：马占文；記錄：刘占峰）');
    // without the names OpenCC reads 占 as 佔
    expect(toTraditional('马占文')).toBe('馬佔文');
  });

  it('takes the people from list entries, leaving bodies and notes out', () => {
    expect(namesIn('马占文、张建国')).toEqual(['马占文', '张建国']);
    expect(namesIn('刘志宏（赴省参加招商活动）')).toEqual(['刘志宏']);
    expect(namesIn('高建华 13903490000')).toEqual(['高建华']);
    expect(namesIn('艾尔肯·吐尔逊')).toEqual(['艾尔肯·吐尔逊']);
    expect(namesIn('区发改局')).toEqual([]);
    expect(namesIn('开发区管委会')).toEqual([]);
    expect(namesIn('有关项目建设单位负责人')).toEqual([]);
  });
});

// Every seed register and every meeting, through every scripted output, simplified and traditional:
// the known terms come out right and every person named comes out exactly as written.
describe('every seed and meeting in traditional characters (issue 10)', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const ctx: CommandContext = { cwd: root, today: () => '2023-12-31' }; // after every seed's as_of: a bulletin is not dated before its data
  const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.yaml'));
  const meetings = fs.readdirSync(path.join(root, 'meetings')).filter((f) => f.endsWith('.yaml'));

  async function both(
    run: (script: string) => Promise<{ stdout: string; exitCode: number }>,
  ): Promise<{ simplified: string; traditional: string }> {
    const s = await run('simplified');
    const t = await run('traditional');
    expect(s.exitCode).toBe(0);
    expect(t.exitCode).toBe(0);
    return { simplified: s.stdout, traditional: t.stdout };
  }

  const outputs: { what: string; simplified: string; traditional: string; names: string[] }[] = [];
  beforeAll(async () => {
    const allMeetings = loadMeetings(path.join(root, 'meetings'));
    for (const seed of seeds) {
      const register = `seeds/${seed}`;
      const { register: loaded } = loadRegister(path.join(root, register));
      const withMeetings = seed === 'pinglu-2021.yaml' ? { meetings: 'meetings' } : {};
      const names = personNames(loaded, seed === 'pinglu-2021.yaml' ? allMeetings : []);
      outputs.push(
        { what: `check ${seed}`, names, ...(await both((script) => runCheck({ register, script }, ctx))) },
        {
          what: `lagging ${seed}`,
          names,
          ...(await both((script) => runLagging({ register, ...withMeetings, script }, ctx))),
        },
        {
          what: `bulletin ${seed}`,
          names,
          ...(await both((script) => runBulletin({ register, ...withMeetings, format: 'txt', script }, ctx))),
        },
      );
    }
    const { register: pinglu } = loadRegister(path.join(root, 'seeds/pinglu-2021.yaml'));
    const names = personNames(pinglu, allMeetings);
    for (const m of meetings) {
      outputs.push({
        what: `minutes ${m}`,
        names,
        ...(await both((script) => runMinutes({ meeting: `meetings/${m}`, format: 'txt', script }, ctx))),
      });
    }
    outputs.push({
      what: 'items',
      names,
      ...(await both((script) => runItems({ meetings: 'meetings', date: '2021-09-30', script }, ctx))),
    });
  }, 120_000);

  it('writes the known terms as a reader of traditional expects', () => {
    const all = outputs.map((o) => o.traditional).join('\n');
    const simplified = outputs.map((o) => o.simplified).join('\n');
    // the terms are there to be converted …
    for (const term of ['台风机', '干混砂浆', '事事有回音', '周调度', '按周推进'])
      expect(simplified, term).toContain(term);
    // … and come out right
    for (const right of ['臺風機', '乾混砂漿', '事事有回音', '週調度', '按週推進', '正在會簽'])
      expect(all, right).toContain(right);
    for (const wrong of ['颱風', '幹混', '迴音', '周調度', '會籤', '馬佔文', '佔文'])
      expect(all, wrong).not.toContain(wrong);
  });

  it('keeps every person named as written, as often as the simplified text names them', () => {
    let checked = 0;
    for (const o of outputs) {
      for (const name of o.names) {
        const count = o.simplified.split(name).length - 1;
        if (count === 0) continue;
        checked++;
        expect(o.traditional.split(name).length - 1, `${name} in ${o.what}`).toBe(count);
      }
    }
    // the chair 马占文, the leaders and the decision owners
    expect(checked).toBeGreaterThan(100);
  });
});
