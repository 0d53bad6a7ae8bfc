'use strict';
// Preloaded (node --require) into a timed process: on exit, writes its peak resident set size in MB and
// the CPU time it used in ms (worker threads included) as JSON to the file named by SYNCPLAN_USAGE_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.SYNCPLAN_USAGE_FILE, JSON.stringify({ maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
