import { outageStory, timelineStory } from './narrative-scenarios.js';
import type { Report } from './schema.js';

/**
 * "What happened", in plain sentences generated from the numbers, for the top of the HTML
 * report. Scenarios that were not run are left out (the report's sections say why).
 */
export function narrative(report: Report): string[] {
  const { outage, timeline } = report.scenarios;
  const lines = [
    ...(outage ? outageStory(outage, report.config.clientTimeoutMs) : []),
    ...(timeline ? timelineStory(timeline) : []),
  ];
  return lines.length ? lines : ['No scenario was run, so there is nothing to tell yet.'];
}
