// The bulletin's chart as a PNG for Word: the ECharts option (chart.ts) drawn by ECharts' server-side
// SVG renderer, the SVG rasterised by resvg with a CJK font. Both libraries are loaded here on first
// use, so only a Word bulletin pays for them (a scripted `check` or a Markdown bulletin never loads
// them; test/commands/cli.test.ts records what a command loads).
//
// The font: resvg draws text only with the font files it is given (no system fonts, so the image is
// the same on every computer that has the font). Without a CJK font the unit names would come out as
// boxes, so then the chart is left out and the caller warns (docs/office.md "Charts").
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { EChartsCoreOption } from 'echarts/core';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

/** Names a font file for the charts (a .ttf, .otf or .ttc with Chinese characters). */
export const CHART_FONT_ENV = 'DIAODU_CHART_FONT';

export interface ChartFont {
  file: string;
  /** the family to ask for; resvg falls back to the file's first face when it differs */
  family: string;
  /**
   * a small Latin font for the digits and % (the rates, the axis), when there is one: resvg 2.6 reads
   * the whole font file again for every glyph it draws (strace: one open and a full read a glyph), so
   * each glyph from a 19 MB CJK collection costs ~19 MB of reads, from DejaVu Sans 0.7 MB
   */
  latin?: { file: string; family: string };
}

/** Latin fonts for the digits: Linux (DejaVu, Liberation), macOS, Windows. */
export function latinCandidates(env: NodeJS.ProcessEnv = process.env): { file: string; family: string }[] {
  const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
  return [
    { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
    { file: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', family: 'DejaVu Sans' },
    { file: '/usr/share/fonts/TTF/DejaVuSans.ttf', family: 'DejaVu Sans' },
    { file: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
    { file: '/System/Library/Fonts/Supplemental/Arial.ttf', family: 'Arial' },
    { file: '/Library/Fonts/Arial.ttf', family: 'Arial' },
    { file: path.win32.join(windows, 'Fonts', 'arial.ttf'), family: 'Arial' },
  ];
}

/** Common CJK fonts, most suitable first: Linux (Noto CJK, 文泉驿, AR PL), macOS, Windows. */
export function fontCandidates(env: NodeJS.ProcessEnv = process.env): ChartFont[] {
  const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
  const win = (file: string): string => path.win32.join(windows, 'Fonts', file);
  return [
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
    { file: '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
    { file: '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
    { file: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
    { file: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR PL UMing CN' },
    { file: '/usr/share/fonts/truetype/arphic/ukai.ttc', family: 'AR PL UKai CN' },
    { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
    { file: '/System/Library/Fonts/STHeiti Light.ttc', family: 'Heiti SC' },
    { file: '/System/Library/Fonts/Supplemental/Songti.ttc', family: 'Songti SC' },
    { file: '/Library/Fonts/Arial Unicode.ttf', family: 'Arial Unicode MS' },
    { file: win('msyh.ttc'), family: 'Microsoft YaHei' },
    { file: win('simhei.ttf'), family: 'SimHei' },
    { file: win('simsun.ttc'), family: 'SimSun' },
  ];
}

/** How to name a font, said with every warning. */
const HOW_TO_NAME =
  `可设置环境变量 ${CHART_FONT_ENV} 指定一个中文字体文件（.ttf、.otf 或 .ttc），如 ` +
  `${CHART_FONT_ENV}=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc；Linux 也可安装 fonts-noto-cjk`;

/**
 * The CJK font for the charts: the file named by DIAODU_CHART_FONT, else the first common one that
 * exists. Without one, a warning (in Chinese, saying how to name a font) instead: the chart is left out
 * rather than drawn with boxes for characters.
 */
export function findChartFont(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = isFile,
): { font: ChartFont } | { warning: string } {
  const latin = latinCandidates(env).find((c) => exists(c.file));
  const withLatin = (font: ChartFont): { font: ChartFont } => ({ font: latin ? { ...font, latin } : font });
  const named = env[CHART_FONT_ENV]?.trim();
  if (named) {
    if (exists(named))
      return withLatin({ file: named, family: path.basename(named).replace(/\.[^.]+$/, '') });
    return {
      warning: `注意：环境变量 ${CHART_FONT_ENV} 所指的字体文件 ${named} 不存在或不是文件，Word 通报中未插入图表；${HOW_TO_NAME}。`,
    };
  }
  const found = fontCandidates(env).find((c) => exists(c.file));
  if (found) return withLatin(found);
  return {
    warning: `注意：未找到中文字体，Word 通报中未插入图表（各单位投资完成率见表格）；${HOW_TO_NAME}。`,
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

type EChartsCore = typeof import('echarts/core');
let echartsCore: Promise<EChartsCore> | undefined;

/**
 * ECharts' own minified ES module build: one file, which Node loads in ~0.3 s where `echarts/core` and
 * the parts the chart uses (several hundred modules) took ~1.5 s on the same machine. It has the whole
 * library, SVG renderer included; its API is that of `echarts/core` (the specifier is a variable
 * because the file has no type declarations of its own).
 */
const ECHARTS_BUNDLE = 'echarts/dist/echarts.esm.min.mjs';

function loadECharts(): Promise<EChartsCore> {
  echartsCore ??= import(ECHARTS_BUNDLE) as Promise<EChartsCore>;
  return echartsCore;
}

/** The chart as an SVG string (ECharts server-side rendering), `width` × `height` CSS pixels. */
export async function chartSvg(option: EChartsCoreOption, width: number, height: number): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG rasterised `scale` times its size with only `font` (none: text is not drawn at all). */
export async function rasterize(
  svg: string,
  font: ChartFont | undefined,
  width: number,
): Promise<ReturnType<ResvgClass['render']>> {
  const { Resvg } = await import('@resvg/resvg-js');
  // with a Latin font, text asks for it first and the CJK characters fall back to the CJK font
  const family = font?.latin?.family ?? font?.family ?? '';
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: font ? [...(font.latin ? [font.latin.file] : []), font.file] : [],
      loadSystemFonts: false,
      defaultFontFamily: family,
      sansSerifFamily: family,
    },
    fitTo: { mode: 'width', value: width },
    background: '#FFFFFF',
  });
  return resvg.render();
}

/** Device pixels per CSS pixel of the PNG (sharp when printed: 590 px across 156 mm is ~290 dpi at 3). */
export const PNG_SCALE = 3;

export interface ChartPng {
  png: Buffer;
  /** the size to show it at, CSS pixels (96 dpi) */
  width: number;
  height: number;
}

/**
 * Where drawn charts are kept (the load cache, store/load-cache.ts chartImageCache): drawing one costs
 * about half a second at 16 units (resvg reads the CJK font file again for each glyph), and a Word
 * bulletin of unchanged figures is often written again.
 */
export interface ChartImageCache {
  get(key: string): Buffer | undefined;
  put(key: string, png: Buffer): void;
}

/**
 * What a chart image is made from, as a SHA-1: the option (figures, names, colours), its size and
 * scale, each font file (path, size, modification time) and the versions of ECharts and resvg.
 */
export function chartImageKey(
  option: EChartsCoreOption,
  width: number,
  height: number,
  font: ChartFont,
): string {
  const fonts = [font, ...(font.latin ? [font.latin] : [])].map((f) => {
    const st = fs.statSync(f.file);
    return [f.file, f.family, st.size, st.mtimeMs];
  });
  const what = JSON.stringify([option, width, height, PNG_SCALE, fonts, libraryVersions()]);
  return createHash('sha1').update(what).digest('hex');
}

let versions: string[] | undefined;
function libraryVersions(): string[] {
  if (versions) return versions;
  const require = createRequire(import.meta.url);
  versions = ['echarts', '@resvg/resvg-js'].map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version?: string }).version ?? '?'}`;
    } catch {
      return `${name}@?`;
    }
  });
  return versions;
}

/**
 * One chart image: the option drawn at width × height CSS pixels, as a PNG of PNG_SCALE times as many;
 * taken from `cache` when the same chart was drawn before with the same font and libraries.
 */
export async function chartPng(
  option: EChartsCoreOption,
  width: number,
  height: number,
  font: ChartFont,
  cache?: ChartImageCache,
): Promise<ChartPng> {
  let key: string | undefined;
  if (cache) {
    try {
      key = chartImageKey(option, width, height, font);
    } catch {
      key = undefined; // a font file that cannot be looked at now: drawn, not kept
    }
    const kept = key === undefined ? undefined : cache.get(key);
    if (kept) return { png: kept, width, height };
  }
  const image = await rasterize(await chartSvg(option, width, height), font, width * PNG_SCALE);
  const png = image.asPng();
  if (cache && key !== undefined) cache.put(key, png);
  return { png, width, height };
}
