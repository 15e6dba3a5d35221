import type { RequestListener } from 'node:http';
import { productReply, recommendationsReply } from './catalog-replies.js';
import { startApp, type RunningApp } from './start-app.js';
import { startStubUpstream, type StubUpstream } from './stub-upstream.js';

export interface UpstreamUrls {
  productServiceUrl: string;
  recommendationsServiceUrl: string;
}

export interface BuiltGateway {
  app: RequestListener;
  /** Releases what the gateway holds (agents, breakers). */
  close(): void;
}

export interface GatewayHarness {
  gateway: RunningApp;
  product: StubUpstream;
  recommendations: StubUpstream;
  /** Starts another gateway in front of the same stubs. */
  also(build: (urls: UpstreamUrls) => BuiltGateway): Promise<RunningApp>;
  close(): Promise<void>;
}

/** A gateway on port 0 in front of two stubs that answer as the real services do until scripted. */
export async function startGatewayHarness(
  build: (urls: UpstreamUrls) => BuiltGateway,
): Promise<GatewayHarness> {
  const product = await startStubUpstream(productReply);
  const recommendations = await startStubUpstream(recommendationsReply);
  const urls = { productServiceUrl: product.url, recommendationsServiceUrl: recommendations.url };
  const cleanups: (() => Promise<void>)[] = [];

  const launch = async (builder: typeof build): Promise<RunningApp> => {
    const built = builder(urls);
    const running = await startApp(built.app);
    cleanups.push(async () => {
      await running.close();
      built.close();
    });
    return running;
  };

  const gateway = await launch(build);
  return {
    gateway,
    product,
    recommendations,
    also: launch,
    async close() {
      await Promise.all(cleanups.map((fn) => fn()));
      await Promise.all([product.close(), recommendations.close()]);
    },
  };
}
