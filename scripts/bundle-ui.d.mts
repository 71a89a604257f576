// Types for scripts/bundle-ui.mjs (used by the benchmark and test/build).
import type { BuildOptions, BuildResult } from 'esbuild';

export const OUTPUT_CACHE_LIMITS: { styledChars: number; widths: number; blockWidths: number };
export function patchInkOutput(source: string): string;
export function patchStringWidth(source: string): string;
export function patchStyledChars(source: string): string;
export function bundleOptions(options: { entry: string; outdir: string }): BuildOptions;
export function bundleUi(options?: { outdir?: string }): Promise<BuildResult>;
/** Writes dist/build-id.json (a hash of every built file) and returns the id. */
export function writeBuildId(dist?: string): Promise<string>;
