// Types for scripts/bundle-ui.mjs (used by the benchmark and test/build).
import type { BuildOptions, BuildResult } from 'esbuild';

export const OUTPUT_CACHE_LIMITS: { styledChars: number; widths: number; blockWidths: number };
export function patchInkOutput(source: string): string;
export function bundleOptions(options: { entry: string; outdir: string }): BuildOptions;
export function bundleUi(options?: { outdir?: string }): Promise<BuildResult>;
