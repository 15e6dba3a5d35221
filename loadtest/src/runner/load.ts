import type { LoadSpec } from '../model/load.js';
import { startOpenLoad, type OpenLoadOptions, type RunningOpenLoad } from './arrivals.js';
import { startClosedLoad, type RunningClosedLoad } from './closed-loop.js';

export type LoadOptions = Omit<OpenLoadOptions, 'load'> & { load: LoadSpec };

/**
 * Users on one route as `load` says: arriving at a rate (the open model), or a closed loop of
 * connections. `tailMs` applies to the open model only: a closed loop ends with its requests.
 */
export function startLoad(options: LoadOptions): RunningOpenLoad | RunningClosedLoad {
  const { load, tailMs, ...common } = options;
  return load.model === 'open'
    ? startOpenLoad({ ...common, load, tailMs })
    : startClosedLoad({ ...common, load });
}
