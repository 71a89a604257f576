// The register's optional 版头/版记 keys (issuer_mark, doc_number, cc, printed_by): read, checked like
// the other header keys, and carried by the briefing model to the Word document.
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/briefing/bulletin.js';
import { buildMinutes } from '../../src/briefing/minutes.js';
import { parseRegisterText } from '../../src/store/register-file.js';
import { inputErrors, registerText as minimalRegister } from './helpers.js';
import { sampleMeetings, sampleRegister } from '../briefing/sample.js';

/** The minimal register with an issuer and these header lines. */
const registerText = (header: string[]): string =>
  minimalRegister(['  issuer: 平鲁区项目推进中心', ...header]);

describe('register: 版头 and 版记 keys', () => {
  it('reads issuer_mark, doc_number, cc (a list or one text) and printed_by', () => {
    const { register } = parseRegisterText(
      registerText([
        '  issuer_mark: 平鲁区重点项目推进中心文件',
        '  doc_number: 平项推〔2021〕10号',
        '  cc: [区委办, 区政府办]',
        '  printed_by: 平鲁区项目推进中心综合科',
      ]),
      'r.yaml',
    );
    expect(register.meta.office).toEqual({
      mark: '平鲁区重点项目推进中心文件',
      number: '平项推〔2021〕10号',
      cc: ['区委办', '区政府办'],
      printedBy: '平鲁区项目推进中心综合科',
    });
    const one = parseRegisterText(registerText(['  cc: 区委办']), 'r.yaml').register;
    expect(one.meta.office).toEqual({ cc: ['区委办'] });
    expect(parseRegisterText(registerText([]), 'r.yaml').register.meta.office).toBeUndefined();
  });

  it('says where a key is wrong: a number where text belongs, a misspelt key', () => {
    const errors = inputErrors(() =>
      parseRegisterText(registerText(['  doc_numbr: 平项推〔2021〕10号']), 'r.yaml'),
    );
    expect(errors[0]).toMatchObject({ file: 'r.yaml', line: 7, column: 3 });
    expect(errors[0]!.message).toContain('是否指“doc_number”');
    const list = inputErrors(() => parseRegisterText(registerText(['  cc: [区委办, {a: 1}]']), 'r.yaml'));
    expect(list[0]).toMatchObject({ file: 'r.yaml', line: 7 });
    expect(list[0]!.message).toContain('“cc”');
  });
});

describe('model: 版头 and 版记 of the documents', () => {
  it('gives a bulletin the red 发文机关标志 (issuer + 文件 by default) and its 发文字号', () => {
    const register = sampleRegister();
    register.meta.issuer = '测试区项目推进中心';
    expect(buildBulletin({ register }).letterhead).toEqual({ mark: '测试区项目推进中心文件' });
    register.meta.office = { mark: '测试区重点项目推进中心文件', number: '测项推〔2021〕8号' };
    expect(buildBulletin({ register }).letterhead).toEqual({
      mark: '测试区重点项目推进中心文件',
      number: '测项推〔2021〕8号',
    });
    expect(buildBulletin({ register }).colophon).toBeUndefined();
  });

  it('adds a 版记 when cc or printed_by is given, dated on the document date', () => {
    const register = sampleRegister();
    register.meta.issuer = '测试区项目推进中心';
    register.meta.office = { cc: ['区委办'] };
    const bulletin = buildBulletin({ register });
    expect(bulletin.colophon).toEqual({
      cc: ['区委办'],
      printedBy: '测试区项目推进中心',
      printedOn: bulletin.dateText,
    });
    const meetings = sampleMeetings();
    const minutes = buildMinutes({ meeting: meetings[1]!, register, meetings });
    expect(minutes.letterhead).toBeUndefined(); // the 纪要标志 is the title itself
    expect(minutes.colophon?.printedOn).toBe(minutes.dateText);
  });
});
