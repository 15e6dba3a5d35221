import { AppError } from '@cbd/common';

export const RecommendationsErrors = {
  simulatedFailure: (mode: string) =>
    new AppError(
      503,
      'SIMULATED_FAILURE',
      `Recommendations are failing on purpose (mode "${mode}")`,
    ),
  hangTimedOut: (hangMs: number) =>
    new AppError(408, 'REQUEST_TIMEOUT', `Recommendations hung for ${hangMs} ms and gave up`),
  invalidFailureSettings: (details: string) =>
    new AppError(400, 'INVALID_FAILURE_SETTINGS', details),
} as const;
