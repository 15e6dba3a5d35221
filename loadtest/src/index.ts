// What the launchers (scripts/) use: the scenarios, the report, and the stack's services.
export * from './model/outcome.js';
export * from './model/load.js';
export * from './scenarios/services.js';
export * from './scenarios/settings.js';
export type { GatewayRecording } from './scenarios/gateway-load.js';
export type { ScenarioRecording, ScenarioStack } from './scenarios/recording.js';
export type { OnSecond, SecondReport, ScenarioHooks } from './scenarios/progress.js';
export { runOutage } from './scenarios/outage.js';
export { runTimeline } from './scenarios/timeline.js';
export { MAX_RATE } from './runner/arrivals.js';
export {
  controlOf,
  readStackSettings,
  type Control,
  type StackSettings,
  type Targets,
} from './runner/control.js';
export * from './report/schema.js';
export { buildReport, rawResults, type ReportInput } from './report/build.js';
export { collectEnvironment } from './report/environment.js';
export { narrative } from './report/narrative.js';
export { renderTable } from './report/table.js';
export {
  writeReport,
  writeFilesAtomically,
  toJsonText,
  type ReportFiles,
  type ReportPaths,
} from './report/write.js';
export * from './browser/format.js';
export { renderHtml, type ChartData } from './report/html.js';
export { loadBrowserAssets, type BrowserAssets, type PageAssets } from './browser/assets.js';
export {
  startLiveSession,
  defaultLiveLoad,
  type LiveSession,
  type LiveSessionOptions,
} from './live/session.js';
export {
  startDashboard,
  type DashboardOptions,
  type RunningDashboard,
} from './live/dashboard-server.js';
export {
  createDashboardApp,
  type DashboardConfig,
  type DashboardDeps,
} from './live/dashboard-app.js';
export { BREAKER_PRESETS, presetChange, type BreakerPreset } from './live/buttons.js';
export type {
  LiveEvent,
  LiveFeed,
  LiveSecond,
  LiveSnapshot,
  LiveStatus,
  TourFeed,
  TourStep,
} from './live/types.js';
