import { ConfigError, readSettings, settingsEnv, type EnvSource, type Settings } from '@cbd/common';
import {
  SERVICE_NAMES,
  SERVICE_SETTINGS,
  type ServiceName,
  type ServiceProfile,
} from '@cbd/loadtest';
import { readAdminToken, readStackPorts, type StackPorts } from '../settings.js';
import { localUrl } from './services.js';

export type ChildEnv = Record<string, string | undefined>;

/** How a launcher will start the four services, checked before any of them starts. */
export interface StackPlan {
  /** The address they listen on. */
  host: string;
  ports: StackPorts;
  /** Each child's whole environment. */
  envs: Record<ServiceName, ChildEnv>;
  /** The ADMIN_TOKEN they guard their admin routes with, for the switches a launcher pulls. */
  adminToken: string | undefined;
}

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/**
 * Each child's environment: the user's, then the stack's wiring (its host and port, where the
 * other services are), then the profile's values except where the user set that variable, which
 * wins. Each is read with its service's own settings, so a bad value fails here, named once,
 * before anything starts.
 */
export function planStack(userEnv: EnvSource, host: string, profile: ServiceProfile): StackPlan {
  const problems = new Set<string>();
  const collect = (read: () => unknown) => {
    try {
      read();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      for (const problem of err.problems) problems.add(problem);
    }
  };
  // With a bad port, the services' own settings are still checked, so all is told at once.
  let ports = readStackPorts({});
  collect(() => (ports = readStackPorts(userEnv)));
  const wiring = {
    host,
    productServiceUrl: localUrl(ports['product-service']),
    recommendationsServiceUrl: localUrl(ports['recommendations-service']),
  };
  const envs = {} as Record<ServiceName, ChildEnv>;
  for (const name of SERVICE_NAMES) {
    const defs: Settings = SERVICE_SETTINGS[name];
    const chosen = Object.entries(settingsEnv(defs, profile[name] ?? {})).filter(
      ([variable]) => !isSet(userEnv[variable]),
    );
    envs[name] = {
      ...userEnv,
      ...settingsEnv(defs, { ...wiring, port: ports[name] }),
      ...Object.fromEntries(chosen),
    };
    collect(() => readSettings(defs, envs[name]));
  }
  let adminToken: string | undefined;
  collect(() => (adminToken = readAdminToken(userEnv)));
  if (problems.size) throw new ConfigError([...problems]);
  return { host, ports, envs, adminToken };
}
