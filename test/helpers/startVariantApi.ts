/*
 * One variant's API under test, built in process with buildApp(config, plugin): silent logs, the shared test
 * Redis under a key prefix of the test's own (waited for, since the store connects in the background and fails
 * open until then: a limiter test's first requests would go uncounted). close() closes the app and deletes the
 * test's keys.
 */
import type { FastifyInstance } from 'fastify';
import type { EnvValue } from '../../harness/config/EnvVarSpec.ts';
import { defaultApiConfig, type ApiConfig } from '../../reference-impl/platform/apiConfig.ts';
import { buildApp, type AppDeps } from '../../reference-impl/platform/buildApp.ts';
import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from './testRedis.ts';

export interface VariantTestApi {
  app: FastifyInstance;
  config: ApiConfig;
  close(): Promise<void>;
}

export async function startVariantApi(o: {
  testName: string;
  plugin: WorkloadPlugin;
  variant: string;
  databaseUrl: string;
  settings: Readonly<Record<string, EnvValue>>;
  config?: Partial<ApiConfig> | undefined;
  deps?: AppDeps | undefined;
}): Promise<VariantTestApi> {
  const config: ApiConfig = {
    ...defaultApiConfig,
    databaseUrl: o.databaseUrl,
    redisUrl: testRedisUrl(),
    redisKeyPrefix: keyPrefix(o.testName),
    logLevel: 'silent',
    ...o.config,
  };
  const app = await buildApp(config, o.plugin, { settings: o.settings, variant: o.variant, ...o.deps });
  await app.ready();
  if (config.redisUrl) await waitFor('the cache store to connect', async () => app.scaleproof.store.available, 5000);
  let closed: Promise<void> | undefined;
  return {
    app,
    config,
    close: async () => {
      await (closed ??= app.close().then(() => undefined));
      if (config.redisUrl && config.redisUrl === testRedisUrl()) await deletePrefix(config.redisUrl, config.redisKeyPrefix);
    },
  };
}
