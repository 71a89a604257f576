// The bulletin's chart of each unit's completion rate against the time progress (序时进度), as data:
// the ECharts option the Word image is drawn from (chart-image.ts renders it), how many bars go in one
// image, and the Unicode bars of the TUI preview. Pure: no I/O, and echarts is only named for its
// types (the library itself is loaded by chart-image.ts, only when a Word bulletin is written).
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartBar, ChartBlock } from './document.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';

export const CHART_COLORS = {
  /** a bar at or above the time progress (Office blue) */
  bar: '#4472C4',
  /** a bar below it: the warning colour (Office orange) */
  behind: '#ED7D31',
  /** the time-progress line */
  line: '#C00000',
  text: '#333333',
} as const;

/** More bars than this are split over several images (图1（之一）, （之二）, …), so each stays readable. */
export const BARS_PER_IMAGE = 20;

/** The image's width in CSS pixels: within the A4 type area (156 mm at 96 dpi is 589.6 px). */
export const CHART_WIDTH_PX = 588;
const BAR_PITCH_PX = 26;
const NAME_PX = 13;
/** between a name and the axis (ECharts' default label margin) */
const LABEL_GAP_PX = 8;
/** the right-hand column of rates: "115.0%" at 12 px and margins */
const RATE_COLUMN_PX = 60;
const TOP_PX = 34;
const BOTTOM_PX = 30;

/** Height of an image of `count` bars, in CSS pixels. */
export function chartHeight(count: number): number {
  return TOP_PX + BOTTOM_PX + Math.max(1, count) * BAR_PITCH_PX;
}

/**
 * The bars in images of at most `perImage`, as even as they go (23 bars: 12 and 11, not 20 and 3), in
 * the table's order.
 */
export function chartPages(bars: readonly ChartBar[], perImage = BARS_PER_IMAGE): ChartBar[][] {
  if (bars.length === 0) return [];
  const pages = Math.ceil(bars.length / perImage);
  const out: ChartBar[][] = [];
  let start = 0;
  for (let p = 0; p < pages; p++) {
    const size = Math.ceil((bars.length - start) / (pages - p));
    out.push(bars.slice(start, start + size));
    start += size;
  }
  return out;
}

/** "图1 …" for one image, "图1 …（之一）" when the bars take several. */
export function pageCaption(caption: string, index: number, count: number): string {
  return count > 1 ? `${caption}（之${CHINESE_DIGITS[index + 1] ?? String(index + 1)}）` : caption;
}
const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The value axis in percent: from 0 (or below the lowest rate) to 100, or further in tens when a rate
 * passes 100% (a unit that has done more than its plan).
 */
export function axisRange(rates: readonly number[], timeProgress: number): { min: number; max: number } {
  const top = Math.max(1, timeProgress, ...rates) * 100;
  const bottom = Math.min(0, ...rates) * 100;
  return { min: Math.floor(bottom / 10) * 10, max: Math.ceil(top / 10 - 1e-9) * 10 };
}

/** Percent as the axis takes it, without float noise (0.761 → 76.1, not 76.10000000000001). */
function percent(fraction: number): number {
  return Math.round(fraction * 100 * 1e6) / 1e6;
}

/**
 * The ECharts option of one image: horizontal bars, the first unit at the top, the rates the table
 * prints in a column on the right; a dashed vertical line at the time progress, labelled "序时进度75.0%" above the
 * bars; bars below it in the warning colour. `bars` are the model's, not recomputed.
 */
export function unitChartOption(
  bars: readonly ChartBar[],
  timeProgress: number,
  timeProgressText: string,
  /** every bar of the figure, when `bars` are one image of several: one axis and name column for all */
  all: readonly ChartBar[] = bars,
): EChartsCoreOption {
  const { min, max } = axisRange(
    all.map((b) => b.rate),
    timeProgress,
  );
  // the names' column as wide as the longest name of the figure (a CJK character is 13 px at 13 px;
  // longer than 13 characters are cut), so the images of one figure line up
  // (ECharts measures text without a font when rendering on the server: one character of slack, or a
  // name that just fits is cut)
  const nameColumn = Math.min(
    14 * NAME_PX,
    (Math.max(...all.map((b) => displayWidth(b.name))) / 2 + 1) * NAME_PX,
  );
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: 'sans-serif', color: CHART_COLORS.text },
    // fixed margins for the name column (left) and the rates (right), so that the plots of the images
    // of one figure line up; the axis labels hang in the bottom margin, the line's label in the top one
    grid: {
      left: 8 + nameColumn + LABEL_GAP_PX,
      right: RATE_COLUMN_PX,
      top: TOP_PX,
      bottom: BOTTOM_PX - 4,
      outerBoundsMode: 'none',
    },
    xAxis: {
      type: 'value',
      min,
      max,
      interval: max - min > 100 ? 20 : 10,
      axisLabel: { formatter: '{value}%', fontSize: 11 },
      splitLine: { lineStyle: { color: '#DDDDDD' } },
    },
    // the unit names on the left; on the right, in a column of their own where the time-progress line
    // never crosses them, the rates as the table prints them
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.name),
        axisTick: { show: false },
        axisLabel: {
          fontSize: NAME_PX,
          color: CHART_COLORS.text,
          width: nameColumn,
          overflow: 'truncate',
          align: 'right',
        },
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: bars.map((b) => b.text),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: CHART_COLORS.text },
      },
    ],
    series: [
      {
        type: 'bar',
        yAxisIndex: 0,
        barWidth: Math.round(BAR_PITCH_PX * 0.62),
        data: bars.map((b) => ({
          value: percent(b.rate),
          itemStyle: { color: b.behind ? CHART_COLORS.behind : CHART_COLORS.bar },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          lineStyle: { color: CHART_COLORS.line, type: 'dashed', width: 1.5 },
          // the category axis runs top to bottom (inverse), so the line starts at the top
          label: {
            show: true,
            position: 'start',
            formatter: `序时进度${timeProgressText}`,
            color: CHART_COLORS.line,
            fontSize: 11,
          },
          data: [{ xAxis: percent(timeProgress) }],
        },
      },
    ],
  };
}

// ---- Unicode bars (the TUI preview) ----

/** Left eighths of a cell: index n is n/8 of a cell (0 is nothing). */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';
/** The time-progress marker: a column of its own between the cells. */
export const MARKER = '│';

/** A bar of `rate` on a scale of `scale` (fractions), `cells` columns wide, in eighths, padded with spaces. */
export function barCells(rate: number, scale: number, cells: number): string {
  const eighths = Math.max(0, Math.min(cells * 8, Math.round((rate / scale) * cells * 8)));
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8] ?? '';
  return (FULL.repeat(full) + part).padEnd(cells, ' ');
}

/** Where the marker column goes: before the cell of this index (0 … cells). */
export function markerIndex(timeProgress: number, scale: number, cells: number): number {
  return Math.max(0, Math.min(cells, Math.round((timeProgress / scale) * cells)));
}

/** The widest a unit name is shown (longer names end in …). */
const NAME_COLUMNS = 20;

/**
 * The chart as terminal lines at most `width` columns wide: the caption, then a line per unit — its
 * name padded by display width, the bar with the marker column at the time progress, the rate as the
 * table prints it — and a key to the marker.
 */
export function chartLines(block: ChartBlock, width: number): string[] {
  const names = block.bars.map((b) => truncateToWidth(b.name, NAME_COLUMNS));
  const nameWidth = Math.max(0, ...names.map(displayWidth));
  const rateWidth = Math.max(0, ...block.bars.map((b) => displayWidth(b.text)));
  // name, space, bar cells with the marker column, space, rate
  const cells = Math.max(8, width - nameWidth - 1 - 1 - 1 - rateWidth);
  const scale =
    axisRange(
      block.bars.map((b) => b.rate),
      block.timeProgress,
    ).max / 100;
  const mark = markerIndex(block.timeProgress, scale, cells);
  const lines = [block.caption];
  block.bars.forEach((b, i) => {
    const bar = barCells(b.rate, scale, cells);
    lines.push(
      `${padToWidth(names[i] ?? '', nameWidth)} ${bar.slice(0, mark)}${MARKER}${bar.slice(mark)} ${padToWidth(b.text, rateWidth, 'right')}`.trimEnd(),
    );
  });
  // the key under the marker: to its right, or to its left when it would pass the edge
  const key = `序时进度${block.timeProgressText}`;
  const at = nameWidth + 1 + mark;
  lines.push(
    at + 1 + displayWidth(key) <= width
      ? `${' '.repeat(at)}${MARKER}${key}`
      : `${' '.repeat(Math.max(0, at - displayWidth(key)))}${key}${MARKER}`,
  );
  return lines;
}
