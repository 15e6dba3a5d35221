import { readFileSync } from 'node:fs';
import { serviceSettings, upstreamSettings, type Settings } from '@cbd/common';
import { SERVICE_SETTINGS } from '@cbd/loadtest';
import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_PORT_SETTINGS,
  LADDER_PORT_SETTINGS,
  STACK_PORT_SETTINGS,
} from '../src/settings.js';
import { ROOT_DIR } from '../src/stack/services.js';

interface Row {
  variable: string;
  default: string;
}

/** The rows of the markdown table that follows the bold heading `title` in the README. */
function tableAfter(readme: string, title: string): Row[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`**${title}**`));
  if (start < 0) return [];
  const rows: Row[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const [variable = '', value = ''] = line
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim());
    if (variable === 'variable' || /^-+$/.test(variable)) continue;
    rows.push({ variable: variable.replaceAll('`', ''), default: value.replaceAll('`', '') });
  }
  return rows;
}

const envsOf = (defs: Settings) => new Set(Object.values(defs).map((d) => d.env));
/** A service's own settings: the shared ones have tables of their own. */
function own(defs: Settings, ...shared: Settings[]): Settings {
  const taken = new Set(shared.flatMap((s) => [...envsOf(s)]));
  return Object.fromEntries(Object.entries(defs).filter(([, d]) => !taken.has(d.env)));
}

const SERVICE = serviceSettings(0);
const UPSTREAMS = upstreamSettings();
const TABLES: Record<string, Settings> = {
  'Every service': SERVICE,
  'Both gateways': UPSTREAMS,
  'recommendations-service': own(SERVICE_SETTINGS['recommendations-service'], SERVICE),
  'gateway-v1': own(SERVICE_SETTINGS['gateway-v1'], SERVICE, UPSTREAMS),
  'gateway-v2': own(SERVICE_SETTINGS['gateway-v2'], SERVICE, UPSTREAMS),
  'The launchers': { ...STACK_PORT_SETTINGS, ...DASHBOARD_PORT_SETTINGS, ...LADDER_PORT_SETTINGS },
};

describe("the README's configuration tables", () => {
  const readme = readFileSync(`${ROOT_DIR}README.md`, 'utf8');

  it.each(Object.entries(TABLES))(
    'when the %s table is read, then it lists exactly its settings, each with its default',
    (title, defs) => {
      const rows = tableAfter(readme, title);

      expect(rows.map((r) => r.variable).sort()).toEqual([...envsOf(defs)].sort());
      for (const def of Object.values(defs)) {
        const row = rows.find((r) => r.variable === def.env);
        // A service's PORT differs per service; a secret's default is empty.
        const expected = def.env === 'PORT' ? 'per service' : def.toEnv(def.default);
        expect(row?.default, def.env).toBe(expected);
      }
    },
  );

  it('when every service is counted, then every setting has a row somewhere', () => {
    const documented = new Set(
      Object.keys(TABLES).flatMap((title) => tableAfter(readme, title).map((r) => r.variable)),
    );
    const defined = Object.values(SERVICE_SETTINGS).flatMap((defs) => [...envsOf(defs)]);

    expect(defined.filter((env) => !documented.has(env))).toEqual([]);
  });
});
