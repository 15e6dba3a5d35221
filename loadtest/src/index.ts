// What the launchers (scripts/) use: the scenarios, the report, and the stack's services.
export * from './model/outcome.js';
export * from './model/load.js';
export * from './model/gateways.js';
export * from './scenarios/services.js';
export * from './scenarios/settings.js';
export type { GatewayRecording } from './scenarios/gateway-load.js';
export type { ScenarioRecording, ScenarioStack } from './scenarios/recording.js';
export type { GatewaySecond, OnSecond, SecondReport, ScenarioHooks } from './scenarios/progress.js';
export { runOutage } from './scenarios/outage.js';
export { runTimeline } from './scenarios/timeline.js';
export { runPartial } from './scenarios/partial.js';
export {
  runLayers,
  type LadderStack,
  type LayersRecording,
  type RungRecording,
} from './scenarios/layers.js';
export { ladderRungs, rungProfile, RUNG_IDS, type Rung, type RungId } from './scenarios/ladder.js';
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
export { closedLoopCaveat, describeLoad, narrative } from './report/narrative.js';
export { renderTable } from './report/table.js';
export {
  writeReport,
  writeFilesAtomically,
  toJsonText,
  type ReportFiles,
  type ReportPaths,
} from './report/write.js';
export * from './browser/format.js';
export * from './bench/schema.js';
export {
  benchSettings,
  overheadOptions,
  runCapacityBench,
  runOutageBench,
  WIDE_BULKHEAD,
  type BenchPlan,
  type BenchPids,
  type BenchStack,
  type BenchTargets,
} from './bench/run.js';
export { measureBreakerOverhead } from './bench/breaker-overhead.js';
export { buildBench, type BenchInput } from './bench/goals.js';
export { renderBenchTable } from './bench/render.js';
export * from './soak/schema.js';
export {
  flapSchedule,
  runSoak,
  soakSettings,
  type SoakPlan,
  type SoakRecording,
} from './soak/run.js';
export { buildSoak, type SoakFacts } from './soak/checks.js';
export { renderSoakTable } from './soak/render.js';
export { renderHtml, type ChartData } from './report/html.js';
export { loadBrowserAssets, type BrowserAssets, type PageAssets } from './pages/assets.js';
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
export type { LiveEvent, LiveFeed, LiveSecond, LiveSnapshot, LiveStatus } from './live/types.js';
export { TOUR_STEPS } from './tour/steps.js';
export {
  createTour,
  type Tour,
  type TourEnd,
  type TourFeed,
  type TourListener,
  type TourOptions,
  type TourView,
} from './tour/engine.js';
export { TOUR_KEYS, realWait, type TourIo, type TourKey } from './tour/io.js';
export { readTourStack, type TourStack } from './tour/stack.js';
export { tourProfile, tourSettings, type TourSettings } from './tour/settings.js';
export type { TourStep, StepTools } from './tour/step.js';
export { TourStepError } from './errors.js';
