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
