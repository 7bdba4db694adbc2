// Preloaded into every measured Node process (`node -r bench/lib/stats.cjs ...`): at exit it writes the
// process's peak resident set size and CPU time to the file named by BENCH_STATS_FILE. Portable where
// `/usr/bin/time -v` is not, and it measures the tool, not a shell around it.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_STATS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
