import { request } from 'node:http';

// A few reads from the Docker-compatible engine's API (Docker, or podman behind its socket),
// to check what docker-compose left running without trusting docker-compose itself.

export interface ContainerState {
  Status: string;
  ExitCode: number;
  Health?: { Status: string };
}

function endpoint(): { socketPath: string } | { host: string; port: number } {
  const dockerHost = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375) };
}

export function engineGet<T>(path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request({ ...endpoint(), path, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400)
          reject(new Error(`engine ${path}: ${res.statusCode} ${body}`));
        else resolve(JSON.parse(body) as T);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`engine ${path}: no answer`)));
    req.on('error', reject);
    req.end();
  });
}

/** Why the engine cannot be used, or undefined if it answers. */
export async function missingEngine(): Promise<string | undefined> {
  try {
    await engineGet('/version');
    return undefined;
  } catch (err) {
    const where = process.env.DOCKER_HOST ?? 'the default socket (DOCKER_HOST is not set)';
    const hint = 'start a Docker-compatible engine and point DOCKER_HOST at its socket';
    return `a container engine at ${where} (${(err as Error).message}; ${hint})`;
  }
}

/** Ids of the containers (running or not) docker-compose made for `project`. */
export async function projectContainers(project: string): Promise<string[]> {
  const filters = JSON.stringify({ label: [`com.docker.compose.project=${project}`] });
  const list = await engineGet<{ Id: string }[]>(
    `/containers/json?all=true&filters=${encodeURIComponent(filters)}`,
  );
  return list.map((c) => c.Id);
}

export async function containerState(id: string): Promise<ContainerState> {
  return (await engineGet<{ State: ContainerState }>(`/containers/${id}/json`)).State;
}
