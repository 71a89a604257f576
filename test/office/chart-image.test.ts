// The bulletin's chart as an image: the SVG ECharts draws, the pixels resvg makes of it (bars need no
// font), the font lookup (DIAODU_CHART_FONT, common paths, a warning and no chart without one), and
// the picture in the Word bulletin. Sample register: test/briefing/sample.ts (乙局 100.0%, 丙局 80.0%,
// 甲局 52.0%; 序时进度 66.7%).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/briefing/bulletin.js';
import type { BriefingDocument, ChartBlock } from '../../src/briefing/document.js';
import { CHART_COLORS, CHART_WIDTH_PX, chartHeight, unitChartOption } from '../../src/briefing/chart.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CHART_FONT_ENV,
  chartImageKey,
  chartPng,
  chartSvg,
  findChartFont,
  fontCandidates,
  rasterize,
  type ChartFont,
  type ChartImageCache,
} from '../../src/briefing/chart-image.js';
import { LoadCache, chartImageCache } from '../../src/store/load-cache.js';
import { renderDocx } from '../../src/briefing/docx.js';
import { sampleRegister } from '../briefing/sample.js';

function sampleChart(): { doc: BriefingDocument; chart: ChartBlock } {
  const doc = buildBulletin({ register: sampleRegister() });
  const chart = doc.blocks.find((b): b is ChartBlock => b.type === 'chart');
  if (!chart) throw new Error('no chart block');
  return { doc, chart };
}

/** The bars of an ECharts SVG: each `<path d="Mx yl<w> 0l0 <h>l-<w> 0Z" fill="…">` of a bar colour. */
function barRects(svg: string): { fill: string; x0: number; x1: number; y0: number; y1: number }[] {
  const fills = new Set<string>([CHART_COLORS.bar, CHART_COLORS.behind]);
  const out: { fill: string; x0: number; x1: number; y0: number; y1: number }[] = [];
  const num = '(-?\\d+(?:\\.\\d+)?)';
  const bar = new RegExp(
    `<path d="M${num} ${num}l${num} 0l0 ${num}l-?[\\d.]+ 0Z" fill="(#[0-9A-Fa-f]{6})"`,
    'g',
  );
  for (const m of svg.matchAll(bar)) {
    const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const fill = m[5]!.toUpperCase();
    if (fills.has(fill)) out.push({ fill, x0: x, x1: x + w, y0: y, y1: y + h });
  }
  return out;
}

const hex = (r: number, g: number, b: number): string =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();

describe('the chart SVG (ECharts server-side rendering)', () => {
  it('has a bar per unit in the table order, in the bar or warning colour, lengths in proportion', async () => {
    const { chart } = sampleChart();
    const svg = await chartSvg(
      unitChartOption(chart.bars, chart.timeProgress, chart.timeProgressText),
      CHART_WIDTH_PX,
      chartHeight(3),
    );
    const bars = barRects(svg).sort((a, b) => a.y0 - b.y0);
    expect(bars.map((b) => b.fill)).toEqual([CHART_COLORS.bar, CHART_COLORS.bar, CHART_COLORS.behind]);
    const widths = bars.map((b) => b.x1 - b.x0);
    // 100% : 80% : 52% on one axis that starts at 0
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.8, 2);
    expect(widths[2]! / widths[0]!).toBeCloseTo(0.52, 2);
    // the names, the rates and the line's label are text in the SVG
    for (const t of ['乙局', '丙局', '甲局', '100.0%', '80.0%', '52.0%', '序时进度66.7%'])
      expect(svg).toContain(t);
    // the dashed time-progress line at 2/3 of the bar of 100%
    const line = [...svg.matchAll(/<path d="M([\d.]+) [\d.]+L([\d.]+) [\d.]+"[^>]*stroke="#C00000"/g)];
    expect(line).toHaveLength(1);
    // (ECharts puts a 1 px line on the pixel grid: within a pixel)
    expect(Math.abs(Number(line[0]![1]) - (bars[0]!.x0 + (widths[0]! * 2) / 3))).toBeLessThanOrEqual(1);
  });

  it('rasterises to pixels of the bar colour inside a bar and not past its end (no font needed)', async () => {
    const { chart } = sampleChart();
    const svg = await chartSvg(
      unitChartOption(chart.bars, chart.timeProgress, chart.timeProgressText),
      CHART_WIDTH_PX,
      chartHeight(3),
    );
    const scale = 2;
    const image = await rasterize(svg, undefined, CHART_WIDTH_PX * scale);
    expect(image.width).toBe(CHART_WIDTH_PX * scale);
    const pixel = (x: number, y: number): string => {
      const i = (Math.round(y * scale) * image.width + Math.round(x * scale)) * 4;
      return hex(image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!);
    };
    const bars = barRects(svg).sort((a, b) => a.y0 - b.y0);
    const jia = bars[2]!; // 甲局 52.0%, below the time progress
    const mid = (jia.y0 + jia.y1) / 2;
    expect(pixel((jia.x0 + jia.x1) / 2, mid)).toBe(CHART_COLORS.behind);
    expect(pixel(jia.x1 - 3, mid)).toBe(CHART_COLORS.behind);
    expect(pixel(jia.x1 + 4, mid)).not.toBe(CHART_COLORS.behind);
    const yi = bars[0]!; // 乙局 100.0%
    expect(pixel(yi.x0 + 10, (yi.y0 + yi.y1) / 2)).toBe(CHART_COLORS.bar);
  });
});

describe('the CJK font for the chart', () => {
  it('takes DIAODU_CHART_FONT first', () => {
    const found = findChartFont(
      { [CHART_FONT_ENV]: '/fonts/我的字体.ttf' },
      (f) => f === '/fonts/我的字体.ttf',
    );
    expect(found).toEqual({ font: { file: '/fonts/我的字体.ttf', family: '我的字体' } });
  });

  it('warns, and finds nothing, when DIAODU_CHART_FONT names no file', () => {
    const found = findChartFont({ [CHART_FONT_ENV]: '/nope.ttc' }, () => false);
    expect('warning' in found && found.warning).toMatch(
      /^注意：环境变量 DIAODU_CHART_FONT 所指的字体文件 \/nope\.ttc 不存在/,
    );
  });

  it('else looks in the common places, Noto Sans CJK first', () => {
    const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    const wqy = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
    expect(findChartFont({}, (f) => f === noto || f === wqy)).toEqual({
      font: { file: noto, family: 'Noto Sans CJK SC' },
    });
    expect(findChartFont({}, (f) => f === wqy)).toEqual({
      font: { file: wqy, family: 'WenQuanYi Micro Hei' },
    });
    const msyh = fontCandidates({ WINDIR: 'D:\\Win' }).find((c) => c.family === 'Microsoft YaHei');
    expect(msyh?.file).toBe('D:\\Win\\Fonts\\msyh.ttc');
  });

  it('adds a small Latin font for the digits when there is one (resvg reads the font file for every glyph)', () => {
    const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    expect(findChartFont({}, (f) => f === noto || f === dejavu)).toEqual({
      font: { file: noto, family: 'Noto Sans CJK SC', latin: { file: dejavu, family: 'DejaVu Sans' } },
    });
    expect(
      findChartFont({ [CHART_FONT_ENV]: '/f/宋.ttf' }, (f) => f === '/f/宋.ttf' || f === dejavu),
    ).toEqual({
      font: { file: '/f/宋.ttf', family: '宋', latin: { file: dejavu, family: 'DejaVu Sans' } },
    });
    // a Latin font alone is no CJK font: no chart
    expect('warning' in findChartFont({}, (f) => f === dejavu)).toBe(true);
  });

  it('without any, says so in Chinese and how to name one', () => {
    const found = findChartFont({}, () => false);
    expect('warning' in found).toBe(true);
    if (!('warning' in found)) return;
    expect(found.warning).toContain('未找到中文字体，Word 通报中未插入图表');
    expect(found.warning).toContain('DIAODU_CHART_FONT=');
  });
});

async function docxParts(bytes: Buffer): Promise<{ names: string[]; document: string; rels: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    names: Object.keys(zip.files),
    document: await zip.file('word/document.xml')!.async('string'),
    rels: await zip.file('word/_rels/document.xml.rels')!.async('string'),
  };
}

const systemFont = findChartFont(process.env);

describe('the chart in the Word bulletin', () => {
  it('is left out, with a warning, when there is no CJK font', async () => {
    const { doc } = sampleChart();
    const warnings: string[] = [];
    const saved = process.env[CHART_FONT_ENV];
    process.env[CHART_FONT_ENV] = '/no/such/font.ttc';
    try {
      const parts = await docxParts(await renderDocx(doc, { warn: (w) => warnings.push(w) }));
      expect(parts.names.filter((n) => n.startsWith('word/media/'))).toEqual([]);
      expect(parts.document).not.toContain('<w:drawing>');
      expect(parts.document).not.toContain('图1');
    } finally {
      if (saved === undefined) delete process.env[CHART_FONT_ENV];
      else process.env[CHART_FONT_ENV] = saved;
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('/no/such/font.ttc');
  });

  it.skipIf(!('font' in systemFont))(
    'is a PNG in word/media, drawn in the text width, right after the unit table, captioned 图1',
    async () => {
      const { doc } = sampleChart();
      const warnings: string[] = [];
      const parts = await docxParts(await renderDocx(doc, { warn: (w) => warnings.push(w) }));
      expect(warnings).toEqual([]);
      const media = parts.names.filter((n) => /^word\/media\/[^/]+\.png$/.test(n));
      expect(media).toHaveLength(1);
      // the drawing's r:embed names the relationship that targets the PNG
      const embed = /<a:blip r:embed="([^"]+)"/.exec(parts.document)?.[1];
      expect(embed).toBeDefined();
      const target = new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${embed}"`).exec(
        parts.rels,
      );
      expect(`word/${target?.[1] ?? target?.[2]}`).toBe(media[0]);
      // 588 px at 9525 EMU a pixel: 155.6 mm, inside the 156 mm type area
      const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(parts.document);
      expect(Number(extent?.[1])).toBe(CHART_WIDTH_PX * 9525);
      expect(Number(extent?.[2])).toBe(chartHeight(3) * 9525);
      expect(Number(extent?.[1]) / 36000).toBeLessThanOrEqual(156);
      // order: the unit table, the picture, its caption, then the area text
      const at = (s: string): number => parts.document.indexOf(s);
      expect(at('<w:drawing>')).toBeGreaterThan(at('完成率排名'));
      const caption = at('图1');
      expect(caption).toBeGreaterThan(at('<w:drawing>'));
      expect(parts.document).toContain('各责任单位投资完成率与序时进度');
    },
  );

  it.skipIf(!('font' in systemFont))(
    'draws a unit name with control characters (sanitised, not refused)',
    async () => {
      const { doc } = sampleChart();
      const chart = doc.blocks.find((b): b is ChartBlock => b.type === 'chart')!;
      chart.bars[0]!.name = '乙\u0007局\u0000<&>';
      const parts = await docxParts(await renderDocx(doc));
      expect(parts.names.filter((n) => /^word\/media\/[^/]+\.png$/.test(n))).toHaveLength(1);
    },
  );
});

describe('charts drawn before (the load cache)', () => {
  /** A "font" file of `bytes` bytes: the key looks at its path, size and time, never inside it. */
  function fakeFont(dir: string, bytes: number): ChartFont {
    const file = path.join(dir, 'font.ttc');
    fs.writeFileSync(file, Buffer.alloc(bytes));
    return { file, family: 'Fake CJK' };
  }

  function mapCache(): ChartImageCache & { gets: number; puts: number; map: Map<string, Buffer> } {
    const map = new Map<string, Buffer>();
    return {
      map,
      gets: 0,
      puts: 0,
      get(key) {
        this.gets++;
        return map.get(key);
      },
      put(key, png) {
        this.puts++;
        map.set(key, png);
      },
    };
  }

  it('names a chart by what it is drawn from: its figures, size and font file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-chart-key-'));
    try {
      const { chart } = sampleChart();
      const option = unitChartOption(chart.bars, chart.timeProgress, chart.timeProgressText, chart.bars);
      const font = fakeFont(dir, 10);
      const key = chartImageKey(option, CHART_WIDTH_PX, 300, font);
      expect(key).toMatch(/^[0-9a-f]{40}$/);
      expect(chartImageKey(option, CHART_WIDTH_PX, 300, font)).toBe(key);
      const other = unitChartOption(
        chart.bars.map((b, i) => (i === 0 ? { ...b, rate: b.rate / 2 } : b)),
        chart.timeProgress,
        chart.timeProgressText,
        chart.bars,
      );
      expect(chartImageKey(other, CHART_WIDTH_PX, 300, font)).not.toBe(key);
      expect(chartImageKey(option, CHART_WIDTH_PX, 301, font)).not.toBe(key);
      expect(chartImageKey(option, CHART_WIDTH_PX, 300, { ...font, family: 'Other' })).not.toBe(key);
      fakeFont(dir, 11); // the same file, another font
      expect(chartImageKey(option, CHART_WIDTH_PX, 300, font)).not.toBe(key);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a chart drawn before from the cache, without drawing it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-chart-hit-'));
    try {
      const { chart } = sampleChart();
      const option = unitChartOption(chart.bars, chart.timeProgress, chart.timeProgressText, chart.bars);
      // a font resvg could not read: a hit never gets as far as drawing
      const font = fakeFont(dir, 10);
      const cache = mapCache();
      const kept = Buffer.from('a PNG drawn before');
      cache.map.set(chartImageKey(option, CHART_WIDTH_PX, 300, font), kept);
      const got = await chartPng(option, CHART_WIDTH_PX, 300, font, cache);
      expect(got).toEqual({ png: kept, width: CHART_WIDTH_PX, height: 300 });
      expect(cache.puts).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a PNG in the load cache byte for byte, one entry per chart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-chart-cache-'));
    try {
      const images = chartImageCache(new LoadCache(dir))!;
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 13, 10]);
      images.put('a'.repeat(40), png);
      expect(images.get('a'.repeat(40))).toEqual(png);
      expect(images.get('b'.repeat(40))).toBeUndefined();
      // a fresh cache object over the same folder (the next run) finds it
      expect(chartImageCache(new LoadCache(dir))!.get('a'.repeat(40))).toEqual(png);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!('font' in systemFont))(
    'draws a chart once: the second Word bulletin takes the same PNG from the cache',
    async () => {
      const { doc } = sampleChart();
      const cache = mapCache();
      const firstBytes = await renderDocx(doc, { chartCache: cache });
      expect([cache.gets, cache.puts]).toEqual([1, 1]);
      const secondBytes = await renderDocx(doc, { chartCache: cache });
      expect([cache.gets, cache.puts]).toEqual([2, 1]);
      const pngs = async (bytes: Buffer): Promise<Buffer[]> => {
        const zip = await JSZip.loadAsync(bytes);
        const names = Object.keys(zip.files).filter((n) => /^word\/media\/[^/]+\.png$/.test(n));
        return Promise.all(names.map((n) => zip.file(n)!.async('nodebuffer')));
      };
      const drawn = [...cache.map.values()][0]!;
      expect(drawn.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(await pngs(firstBytes)).toEqual([drawn]);
      expect(await pngs(secondBytes)).toEqual([drawn]);
    },
  );
});
