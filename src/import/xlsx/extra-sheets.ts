// The sheets beside the register sheet, which registerToXlsx writes (and people may keep too): 台账信息
// (the register header and rules), 节点计划 (milestones) and 问题清单 (problems), tied to projects by 项目编号.
import type ExcelJS from 'exceljs';
import { DEFAULT_RULES, type LagRules } from '../../domain/types.js';
import { toSimplified } from '../../text/traditional.js';
import { parseDate } from '../values.js';
import { Grid, contentText } from './grid.js';
import { OFFICE_INFO, type Meta, type ProjectOut, type Reporter } from './report.js';

export const AUX_SHEETS = { info: '台账信息', milestones: '节点计划', problems: '问题清单' } as const;

type InfoKey =
  | 'title'
  | 'region'
  | 'year'
  | 'asOf'
  | 'moneyUnit'
  | 'issuer'
  | 'timeProgress'
  | 'yellowGap'
  | 'redGap'
  | 'startRedDays'
  | 'milestoneRedDays';

const INFO_KEYS: Record<string, InfoKey> = {
  台账标题: 'title',
  地区: 'region',
  年度: 'year',
  数据截至: 'asOf',
  数据截至日期: 'asOf',
  金额单位: 'moneyUnit',
  发文机关: 'issuer',
  序时进度计算方式: 'timeProgress',
  黄灯差距: 'yellowGap',
  红灯差距: 'redGap',
  开工滞后转红天数: 'startRedDays',
  节点滞后转红天数: 'milestoneRedDays',
};

export function readInfoSheet(book: ExcelJS.Workbook, rep: Reporter): Meta {
  const ws = book.getWorksheet(AUX_SHEETS.info);
  const meta: Meta = {};
  if (!ws) return meta;
  const grid = new Grid(ws);
  const rules: Partial<LagRules> = {};
  for (let r = 1; r <= grid.rows; r++) {
    const key = toSimplified(grid.text(r, 1))
      .replace(/[（(].*$/, '')
      .replace(/\s/g, '');
    const office = OFFICE_INFO.find(([label]) => label === key)?.[1];
    const content = grid.at(r, 2);
    const value = contentText(content).trim();
    if (office && value !== '') {
      meta.office = { ...meta.office, [office]: office === 'cc' ? value.split(/[、，,]\s*/) : value };
      continue;
    }
    const field = INFO_KEYS[key];
    if (!field) continue;
    if (value === '') continue;
    const bad = (allowed: string): void =>
      rep.add('error', { row: r, col: 2, header: key, sheet: ws.name }, `“${value}”不对；${allowed}`);
    switch (field) {
      case 'title':
      case 'region':
      case 'issuer':
        meta[field] = value;
        break;
      case 'year':
        if (/^\d{4}$/.test(value)) meta.year = Number(value);
        else bad('年度应为四位数字，如 2021');
        break;
      case 'asOf': {
        const d = parseDate(content);
        if (d.ok && d.value) meta.asOf = d.value;
        else bad('应为日期，如 2021-10-31');
        break;
      }
      case 'moneyUnit':
        if (value === '万元' || value === '亿元') meta.moneyUnit = value;
        else bad('金额单位应为 万元 或 亿元');
        break;
      case 'timeProgress':
        if (value === 'month' || value === 'half_month' || value === 'day') rules.timeProgress = value;
        else bad('序时进度计算方式应为 month、half_month 或 day');
        break;
      default: {
        const n = Number(value);
        if (Number.isFinite(n) && n >= 0) rules[field] = n;
        else bad('应为不小于0的数字');
      }
    }
  }
  if (Object.keys(rules).length > 0) meta.rules = { ...DEFAULT_RULES, ...rules };
  return meta;
}

function auxHeader(grid: Grid, wanted: Record<string, RegExp>): Map<string, number> | undefined {
  for (let r = 1; r <= Math.min(grid.rows, 5); r++) {
    const found = new Map<string, number>();
    for (let c = 1; c <= grid.cols; c++) {
      const t = toSimplified(grid.text(r, c)).replace(/\s/g, '');
      // each column is one field: the first (most specific) that matches and is not taken yet
      const key = Object.entries(wanted).find(([k, re]) => !found.has(k) && re.test(t))?.[0];
      if (key !== undefined) found.set(key, c);
    }
    if (found.has('project') && found.size >= 2) {
      found.set('__row', r);
      return found;
    }
  }
  return undefined;
}

export function readMilestoneSheet(book: ExcelJS.Workbook, projects: ProjectOut[], rep: Reporter): void {
  const ws = book.getWorksheet(AUX_SHEETS.milestones);
  if (!ws) return;
  const grid = new Grid(ws);
  const cols = auxHeader(grid, {
    project: /^项目编号$/,
    name: /节点名称|^节点$/,
    planned: /计划完成|计划时间|计划日期/,
    done: /实际完成|完成日期|完成时间/,
  });
  if (!cols) {
    rep.add(
      'error',
      { row: 0, sheet: ws.name },
      '找不到表头（项目编号、节点名称、计划完成日期、实际完成日期）。',
    );
    return;
  }
  readAux(grid, ws.name, cols, projects, rep, (p, r, get) => {
    const name = get('name');
    const planned = get('planned', 'date');
    if (!name) return rep.add('error', { row: r, col: cols.get('name'), sheet: ws.name }, '节点名称为空。');
    if (!planned)
      return rep.add('error', { row: r, col: cols.get('planned'), sheet: ws.name }, '计划完成日期为空。');
    const done = get('done', 'date');
    p.milestones.push({ name, planned, ...(done ? { done } : {}) });
  });
}

export function readProblemSheet(book: ExcelJS.Workbook, projects: ProjectOut[], rep: Reporter): void {
  const ws = book.getWorksheet(AUX_SHEETS.problems);
  if (!ws) return;
  const grid = new Grid(ws);
  const cols = auxHeader(grid, {
    project: /^项目编号$/,
    id: /^问题编号$/,
    text: /问题描述|存在问题|^问题$/,
    unit: /责任单位/,
    raised: /提出/,
    due: /解决时限|完成时限/,
    resolved: /解决日期|解决时间|办结日期/,
    resolution: /解决情况|办理情况|办结情况/,
  });
  if (!cols) {
    rep.add('error', { row: 0, sheet: ws.name }, '找不到表头（项目编号、问题描述、责任单位、解决时限……）。');
    return;
  }
  readAux(grid, ws.name, cols, projects, rep, (p, r, get) => {
    const text = get('text');
    if (!text) return rep.add('error', { row: r, col: cols.get('text'), sheet: ws.name }, '问题描述为空。');
    const out: Record<string, unknown> = {};
    const id = get('id');
    if (id) out.id = id;
    out.text = text;
    for (const k of ['unit'] as const) {
      const v = get(k);
      if (v) out[k] = v;
    }
    for (const k of ['raised', 'due', 'resolved'] as const) {
      const v = get(k, 'date');
      if (v) out[k] = v;
    }
    const resolution = get('resolution');
    if (resolution) out.resolution = resolution;
    p.problems.push(out);
  });
}

function readAux(
  grid: Grid,
  sheet: string,
  cols: Map<string, number>,
  projects: ProjectOut[],
  rep: Reporter,
  add: (p: ProjectOut, row: number, get: (key: string, kind?: 'date') => string | undefined) => void,
): void {
  const byId = new Map(projects.map((p) => [String(p.fields.id), p]));
  for (let r = (cols.get('__row') ?? 1) + 1; r <= grid.rows; r++) {
    if (grid.rowEmpty(r)) continue;
    const pid = grid.text(r, cols.get('project') ?? 1);
    const project = byId.get(pid);
    if (!project) {
      rep.add(
        'error',
        { row: r, col: cols.get('project'), header: '项目编号', sheet },
        pid === '' ? '项目编号为空。' : `项目编号“${pid}”在台账中没有。`,
      );
      continue;
    }
    const get = (key: string, kind?: 'date'): string | undefined => {
      const c = cols.get(key);
      if (c === undefined) return undefined;
      if (kind === 'date') {
        const d = parseDate(grid.at(r, c));
        if (!d.ok) {
          rep.add('error', { row: r, col: c, sheet }, d.message);
          return undefined;
        }
        return d.value;
      }
      const content = grid.at(r, c);
      if (content.kind === 'error') {
        rep.add('error', { row: r, col: c, sheet }, `单元格是公式错误（${content.s}）；请修正公式或填写内容`);
        return undefined;
      }
      const t = contentText(content).trim();
      return t === '' ? undefined : t;
    };
    add(project, r, get);
  }
}
