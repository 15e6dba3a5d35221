export * from './report/schema.js';
export { buildReport, type ReportInput } from './report/build-report.js';
export { collectEnvironment } from './report/environment.js';
export * from './report/format.js';
export { runOutage } from './scenarios/outage.js';
export { runTimeline } from './scenarios/timeline.js';
export type { ScenarioHooks } from './scenarios/hooks.js';
export type { ScenarioRecording, GatewayRecording } from './scenarios/recording.js';
export * from './scenarios/settings.js';
export * from './scenarios/targets.js';
export type { SecondReport, OnSecond } from './scenarios/ticker.js';
export * from './runner/control.js';
export { narrative } from './report/narrative.js';
export { renderTable } from './report/table.js';
export { renderHtml, type ChartAssets } from './report/html.js';
export { loadChartAssets } from './report/chart-assets.js';
export { writeReport, type ReportFiles, type ReportPaths } from './report/write-report.js';
export { startLiveSession, type LiveSession, type LiveSessionOptions } from './live/session.js';
export type { LiveEvent, LiveFeed, LiveSample, LiveSnapshot, LiveStatus } from './live/types.js';
export { loadDashboardAssets, type DashboardAssets } from './live/assets.js';
export {
  startDashboard,
  type DashboardOptions,
  type RunningDashboard,
} from './live/dashboard-server.js';
export * from './bench/schema.js';
export { benchSettings, overheadOptions } from './bench/settings.js';
export { buildBench, type BenchInput } from './bench/build.js';
export { runBench, type BenchPlan, type BenchPids, type BenchTargets } from './bench/run-bench.js';
export {
  measureBreakerOverhead,
  type BreakerFactory,
  type MeasuredBreaker,
} from './bench/breaker-overhead.js';
export { renderBenchTable } from './bench/render.js';
export { writeBench, BENCH_FILE } from './bench/write.js';
export * from './soak/schema.js';
export { flapSchedule, soakSettings } from './soak/flaps.js';
export { runSoak, type SoakPlan, type SoakRecording } from './soak/run-soak.js';
export { buildSoak } from './soak/build.js';
export type { SoakFacts } from './soak/checks.js';
export { renderSoakTable } from './soak/render.js';
export { writeSoak, SOAK_FILE } from './soak/write.js';
export * from './scenarios/services.js';
