import {
  ConfigError,
  localUrl,
  readSettings,
  settingsEnv,
  type EnvSource,
  type Settings,
} from '@cbd/common';
import {
  GATEWAY_SERVICE,
  rungProfile,
  SERVICE_NAMES,
  SERVICE_SETTINGS,
  type Rung,
  type RungId,
  type ServiceName,
  type ServiceProfile,
} from '@cbd/loadtest';
import {
  LADDER_PORT_SETTINGS,
  readAdminToken,
  readLadderPort,
  readStackPorts,
  type StackPorts,
} from '../settings.js';
import type { WantedPort } from './ports.js';

export type ChildEnv = Record<string, string | undefined>;

/** One process of a stack: its name (in logs and errors), which service it runs, how, and where. */
export interface StackChild<K extends string> {
  name: K;
  service: ServiceName;
  env: ChildEnv;
  port: number;
}

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

/** The four services on their ports; every bad value is told at once, before anything starts. */
export function planStack(userEnv: EnvSource, host: string, profile: ServiceProfile): StackPlan {
  const problems = new Problems();
  // With a bad port, the services' own settings are still checked, so all is told at once.
  let ports = readStackPorts({});
  problems.collect(() => (ports = readStackPorts(userEnv)));
  const wiring = {
    host,
    productServiceUrl: localUrl(ports['product-service'], host),
    recommendationsServiceUrl: localUrl(ports['recommendations-service'], host),
  };
  const envs = {} as Record<ServiceName, ChildEnv>;
  for (const name of SERVICE_NAMES)
    envs[name] = childEnv(userEnv, name, { ...wiring, port: ports[name] }, profile, problems);
  let adminToken: string | undefined;
  problems.collect(() => (adminToken = readAdminToken(userEnv)));
  problems.throwIfAny();
  return { host, ports, envs, adminToken };
}

/** Bad values from several reads, each told once, thrown together. */
class Problems {
  readonly #all = new Set<string>();
  collect(read: () => unknown): void {
    try {
      read();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      for (const problem of err.problems) this.#all.add(problem);
    }
  }
  throwIfAny(): void {
    if (this.#all.size) throw new ConfigError([...this.#all]);
  }
}

/**
 * One child's environment: the user's, then the profile's values except where the user set
 * that variable, which wins, then the stack's wiring (its host and port, where the other
 * services are, a rung's own values), which nothing overrides. Read with its service's own
 * settings, so a bad value is told before anything starts.
 */
function childEnv(
  userEnv: EnvSource,
  name: ServiceName,
  wiring: Record<string, unknown>,
  profile: ServiceProfile,
  problems: Problems,
): ChildEnv {
  const defs: Settings = SERVICE_SETTINGS[name];
  const chosen = Object.entries(settingsEnv(defs, profile[name] ?? {})).filter(
    ([variable]) => !isSet(userEnv[variable]),
  );
  const env = { ...userEnv, ...Object.fromEntries(chosen), ...settingsEnv(defs, wiring) };
  problems.collect(() => readSettings(defs, env));
  return env;
}

/** A child of the ladder: product-service, or one rung's recommendations-service or gateway. */
export type LadderChildName = 'product-service' | `${RungId}/${ServiceName}`;

export interface LadderPlan {
  host: string;
  children: StackChild<LadderChildName>[];
  /** Every port it takes, for one check before anything starts. */
  wanted: WantedPort[];
  /** Which children each rung reaches. */
  rungs: Record<RungId, { gateway: LadderChildName; recommendations: LadderChildName }>;
  adminToken: string | undefined;
}

/**
 * The ladder of --scenario layers: one product-service for all, and per rung its own
 * recommendations-service and its gateway, with the rung's protections on top of the profile,
 * on consecutive ports from LADDER_PORT. Checked like planStack, before anything starts.
 */
export function planLadder(
  userEnv: EnvSource,
  host: string,
  profile: ServiceProfile,
  rungs: readonly Rung[],
): LadderPlan {
  const problems = new Problems();
  let base = readLadderPort({});
  problems.collect(() => (base = readLadderPort(userEnv)));
  // Every rung's ports follow LADDER_PORT: past the last port they would be so many bad PORTs.
  const needed = 1 + 2 * rungs.length;
  const highest = 65535 - needed + 1;
  problems.collect(() => {
    if (base > highest)
      throw new ConfigError([
        `${LADDER_PORT_SETTINGS.ladderPort.env}="${base}": the ladder takes ${needed} consecutive ports from it, so it must be at most ${highest}`,
      ]);
  });
  if (base > highest) problems.throwIfAny();
  const product = {
    name: 'product-service' as const,
    service: 'product-service' as const,
    port: base,
  };
  const children: StackChild<LadderChildName>[] = [
    {
      ...product,
      env: childEnv(userEnv, 'product-service', { host, port: base }, profile, problems),
    },
  ];
  const reach = {} as LadderPlan['rungs'];
  // The fast retries time out when the gateway-v2 rungs' calls do, a user's BREAKER_TIMEOUT_MS included.
  const v2Env = childEnv(userEnv, 'gateway-v2', {}, profile, problems);
  let v2Profile: ServiceProfile = profile;
  problems.collect(() => {
    const { timeoutMs } = readSettings(SERVICE_SETTINGS['gateway-v2'], v2Env);
    v2Profile = { 'gateway-v2': { timeoutMs } };
  });
  rungs.forEach((rung, i) => {
    const recommendationsPort = base + 1 + 2 * i;
    const gatewayPort = base + 2 + 2 * i;
    const gateway = GATEWAY_SERVICE[rung.gateway];
    // The rung's own values are wiring: a user's PROTECTIONS or V1_RETRIES cannot flatten the ladder.
    const own = rungProfile(rung, v2Profile)[gateway] ?? {};
    const names = {
      recommendations: `${rung.id}/recommendations-service` as const,
      gateway: `${rung.id}/${gateway}` as const,
    };
    children.push(
      {
        name: names.recommendations,
        service: 'recommendations-service',
        port: recommendationsPort,
        env: childEnv(
          userEnv,
          'recommendations-service',
          { host, port: recommendationsPort },
          profile,
          problems,
        ),
      },
      {
        name: names.gateway,
        service: gateway,
        port: gatewayPort,
        env: childEnv(
          userEnv,
          gateway,
          {
            host,
            port: gatewayPort,
            productServiceUrl: localUrl(base, host),
            recommendationsServiceUrl: localUrl(recommendationsPort, host),
            ...own,
          },
          profile,
          problems,
        ),
      },
    );
    reach[rung.id] = names;
  });
  let adminToken: string | undefined;
  problems.collect(() => (adminToken = readAdminToken(userEnv)));
  problems.throwIfAny();
  const wanted = children.map((c) => ({
    port: c.port,
    variable: LADDER_PORT_SETTINGS.ladderPort.env,
    owner: c.name,
  }));
  return { host, children, wanted, rungs: reach, adminToken };
}
