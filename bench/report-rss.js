// Preloaded with `node --import ./bench/report-rss.js …`: when the process exits, writes its peak
// resident set size (process.resourceUsage().maxRSS, KiB) and the CPU time it used (ms) as JSON to
// the file named by BENCH_RSS_FILE. Both the measured commands and their floors run with it, so
// its own cost (one tiny module) is on both sides of each ratio.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const usage = { maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 };
    writeFileSync(file, `${JSON.stringify(usage)}\n`);
  });
}
