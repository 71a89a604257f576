// The bulletin's chart (图1) as data: the block the model builds, the ECharts option drawn from it,
// how bars are split over images, and the Unicode bars of the TUI preview. Figures by hand from the
// sample register (test/briefing/sample.ts): 序时进度 8/12 = 66.7%; 乙局 1500/1500 = 100.0%,
// 丙局 1600/2000 = 80.0%, 甲局 1040/2000 = 52.0%.
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/briefing/bulletin.js';
import type { ChartBar, ChartBlock } from '../../src/briefing/document.js';
import {
  axisRange,
  barCells,
  CHART_COLORS,
  chartLines,
  chartPages,
  markerIndex,
  MARKER,
  pageCaption,
  unitChartOption,
} from '../../src/briefing/chart.js';
import { renderText } from '../../src/briefing/text.js';
import { renderMarkdown } from '../../src/briefing/markdown.js';
import { displayWidth } from '../../src/text/width.js';
import { sampleRegister } from './sample.js';

function chartOf(register = sampleRegister()): ChartBlock {
  const doc = buildBulletin({ register });
  const charts = doc.blocks.filter((b): b is ChartBlock => b.type === 'chart');
  expect(charts).toHaveLength(1);
  return charts[0]!;
}

interface BarOption {
  type: string;
  data: { value: number; itemStyle: { color: string } }[];
  markLine: { data: { xAxis: number }[]; label: { formatter: string } };
}
interface AxisOption {
  data: string[];
  position?: string;
}

describe('the chart block of the bulletin', () => {
  it("carries each unit's rate as the unit table prints it, in the table's order", () => {
    const doc = buildBulletin({ register: sampleRegister() });
    const chart = doc.blocks.find((b): b is ChartBlock => b.type === 'chart')!;
    expect(chart.caption).toBe('图1 各责任单位投资完成率与序时进度');
    expect(chart.bars.map((b) => [b.name, b.text, b.behind])).toEqual([
      ['乙局', '100.0%', false],
      ['丙局', '80.0%', false],
      ['甲局', '52.0%', true],
    ]);
    expect(chart.bars.map((b) => b.rate)).toEqual([1, 0.8, 0.52]);
    expect(chart.timeProgress).toBeCloseTo(8 / 12, 12);
    expect(chart.timeProgressText).toBe('66.7%');
    // the same figures as the 投资完成率 column of the table just before it
    const at = doc.blocks.indexOf(chart);
    const table = doc.blocks[at - 1];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    const col = table.columns.findIndex((c) => c.title === '投资完成率');
    expect(table.rows.map((r) => [r[0]?.text, r[col]?.text])).toEqual(
      chart.bars.map((b) => [b.name, b.text]),
    );
  });

  it('leaves out a unit without an annual plan (no rate, no bar), and the chart when no unit has one', () => {
    const register = sampleRegister();
    for (const p of register.projects) if (p.unit === '丙局') p.annualPlan = 0;
    expect(chartOf(register).bars.map((b) => b.name)).toEqual(['乙局', '甲局']);
    for (const p of register.projects) p.annualPlan = 0;
    const doc = buildBulletin({ register });
    expect(doc.blocks.some((b) => b.type === 'chart')).toBe(false);
  });

  it('is not printed in Markdown or a text file (the goldens stay as they were), only as bars on request', () => {
    const doc = buildBulletin({ register: sampleRegister() });
    expect(renderMarkdown(doc)).not.toContain('图1');
    expect(renderText(doc)).not.toContain('图1');
    expect(renderText(doc)).not.toContain('\n\n\n');
    const withBars = renderText(doc, { chartWidth: 80 });
    expect(withBars).toContain('图1 各责任单位投资完成率与序时进度');
    expect(withBars).toContain(MARKER);
  });
});

describe('the ECharts option', () => {
  it('has the bars of the 3-unit register: exact rates, order, colours, the time-progress line', () => {
    const chart = chartOf();
    const option = unitChartOption(chart.bars, chart.timeProgress, chart.timeProgressText) as {
      yAxis: AxisOption[];
      xAxis: { min: number; max: number };
      series: BarOption[];
    };
    expect(option.yAxis[0]?.data).toEqual(['乙局', '丙局', '甲局']);
    expect(option.yAxis[1]).toMatchObject({ position: 'right', data: ['100.0%', '80.0%', '52.0%'] });
    const series = option.series[0]!;
    expect(series.type).toBe('bar');
    expect(series.data.map((d) => d.value)).toEqual([100, 80, 52]);
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([
      CHART_COLORS.bar,
      CHART_COLORS.bar,
      CHART_COLORS.behind,
    ]);
    expect(series.markLine.data).toEqual([{ xAxis: 66.666667 }]);
    expect(series.markLine.label.formatter).toBe('序时进度66.7%');
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('widens the axis past 100% in tens when a unit has done more than its plan', () => {
    expect(axisRange([1.2, 0.5], 0.75)).toEqual({ min: 0, max: 120 });
    expect(axisRange([1.01], 0.75)).toEqual({ min: 0, max: 110 });
    expect(axisRange([1], 0.75)).toEqual({ min: 0, max: 100 });
    expect(axisRange([0.3], 0.25)).toEqual({ min: 0, max: 100 });
  });
});

describe('bars per image', () => {
  const bars = (n: number): ChartBar[] =>
    Array.from({ length: n }, (_, i) => ({ name: `单位${i + 1}`, rate: 0.5, text: '50.0%', behind: true }));

  it('keeps up to 20 bars in one image and splits more as evenly as they go, in order', () => {
    expect(chartPages(bars(20)).map((p) => p.length)).toEqual([20]);
    expect(chartPages(bars(21)).map((p) => p.length)).toEqual([11, 10]);
    expect(chartPages(bars(23)).map((p) => p.length)).toEqual([12, 11]);
    expect(chartPages(bars(45)).map((p) => p.length)).toEqual([15, 15, 15]);
    expect(
      chartPages(bars(45))
        .flat()
        .map((b) => b.name),
    ).toEqual(bars(45).map((b) => b.name));
    expect(chartPages([])).toEqual([]);
  });

  it('gives the images of one figure the same name column and axis, so their plots line up', () => {
    const all = bars(25).map((b, i) => ({
      ...b,
      name: i === 24 ? '经济技术开发区管委会' : '乙局',
      rate: i / 20,
    }));
    const [first, second] = chartPages(all);
    const grid = (page: ChartBar[]) =>
      unitChartOption(page, 0.75, '75.0%', all) as { grid: { left: number }; xAxis: { max: number } };
    // the longest name, 10 characters, and one of slack at 13 px, plus the margins (8 + 8)
    expect(grid(first!).grid.left).toBe(8 + 11 * 13 + 8);
    expect(grid(second!).grid.left).toBe(grid(first!).grid.left);
    expect(grid(first!).xAxis.max).toBe(120);
    expect(grid(second!).xAxis.max).toBe(120);
  });

  it('numbers the images of one figure 之一, 之二 …', () => {
    expect(pageCaption('图1 甲', 0, 1)).toBe('图1 甲');
    expect(pageCaption('图1 甲', 0, 3)).toBe('图1 甲（之一）');
    expect(pageCaption('图1 甲', 2, 3)).toBe('图1 甲（之三）');
  });
});

describe('Unicode bars', () => {
  it('fills cells in eighths: 50% of 16 cells is 8 full blocks, 3/128 of the scale is 3 eighths', () => {
    expect(barCells(0.5, 1, 16)).toBe('████████        ');
    expect(barCells(3 / 128, 1, 16)).toBe('▍               ');
    expect(barCells(1, 1, 16)).toBe('█'.repeat(16));
    expect(barCells(0, 1, 16)).toBe(' '.repeat(16));
    expect(barCells(0.25 + 5 / 128, 1, 16)).toBe('████▋           ');
    // past the scale: full, never wider; below zero: empty
    expect(barCells(1.5, 1, 16)).toBe('█'.repeat(16));
    expect(barCells(-0.2, 1, 16)).toBe(' '.repeat(16));
    // on a 120% scale, 60% is half the cells
    expect(barCells(0.6, 1.2, 10)).toBe('█████     ');
  });

  it('puts the time-progress marker before the cell it reaches', () => {
    expect(markerIndex(0.75, 1, 16)).toBe(12);
    expect(markerIndex(8 / 12, 1, 60)).toBe(40);
    expect(markerIndex(0, 1, 16)).toBe(0);
    expect(markerIndex(1, 1, 16)).toBe(16);
    expect(markerIndex(0.6, 1.2, 10)).toBe(5);
  });

  it('draws one line per unit, names padded by display width, within 80 columns', () => {
    const chart = chartOf();
    const lines = chartLines(chart, 80);
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0]).toBe('图1 各责任单位投资完成率与序时进度');
    // 4 (names) + 1 + cells + 1 (marker) + 1 + 6 ("100.0%") = 80 → 67 cells; marker at round(67 × 2/3) = 45
    expect(lines[1]).toBe(`乙局 ${'█'.repeat(45)}${MARKER}${'█'.repeat(22)} 100.0%`);
    // 80% of 67 cells = 53.6 = 53 cells and 5 eighths
    expect(lines[2]).toBe(`丙局 ${'█'.repeat(45)}${MARKER}${'█'.repeat(8)}▋${' '.repeat(13)}  80.0%`);
    // 52% of 67 cells = 34.84 = 34 cells and 7 eighths
    expect(lines[3]).toBe(`甲局 ${'█'.repeat(34)}▉${' '.repeat(10)}${MARKER}${' '.repeat(22)}  52.0%`);
    expect(lines[4]).toBe(`${' '.repeat(5 + 45)}${MARKER}序时进度66.7%`);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    // every bar's marker in the same column
    const columns = lines.slice(1).map((l) => displayWidth(l.slice(0, l.indexOf(MARKER))));
    expect(new Set(columns)).toEqual(new Set([50]));
  });

  it('pads Chinese names of different widths to one column and cuts very long ones', () => {
    const block: ChartBlock = {
      type: 'chart',
      caption: '图1',
      timeProgress: 0.5,
      timeProgressText: '50.0%',
      bars: [
        { name: '区发改局', rate: 0.5, text: '50.0%', behind: false },
        { name: 'A镇', rate: 0.25, text: '25.0%', behind: true },
        { name: '一个名字特别特别特别特别长的单位', rate: 1, text: '100.0%', behind: false },
      ],
    };
    const lines = chartLines(block, 60);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    // every bar starts in the column after the widest (cut) name: 20 columns and a space
    const barStart = lines.slice(1, 4).map((l) => displayWidth(l.slice(0, l.search(/[█▏▎▍▌▋▊▉]/u))));
    expect(barStart).toEqual([21, 21, 21]);
    expect(lines[3]).toMatch(/^一个名字特别特别特…/u);
    // the key moves left of the marker when it would pass the edge
    const late = chartLines({ ...block, timeProgress: 0.98, timeProgressText: '98.0%' }, 60);
    expect(late.at(-1)).toMatch(/序时进度98\.0%│$/u);
    expect(displayWidth(late.at(-1)!)).toBeLessThanOrEqual(60);
  });
});
