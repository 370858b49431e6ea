/*
 * School API tests' setup: one private database holding both variants' schemas (school_naive,
 * school_optimized), each seeded by seeders/school with the same small district, and apps built on it with
 * buildApp(config, plugin) under a Redis key prefix of the test's own. Everything is dropped at the end.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import type { AppDeps } from '../../../reference-impl/platform/buildApp.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { naivePlugin } from '../../../reference-impl/school/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/school/optimizedPlugin.ts';
import { schoolEnvValues, type SchoolSettings } from '../../../reference-impl/school/schoolEnv.ts';
import { seedSchool } from '../../../seeders/school/seedSchool.ts';
import { startVariantApi, type VariantTestApi } from '../../helpers/startVariantApi.ts';
import { seededVariantDatabase, type VariantDatabase } from '../../helpers/variantDatabase.ts';

export type SchoolVariant = 'naive' | 'optimized';
export const PLUGINS: Readonly<Record<SchoolVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 2,000 students: 2 schools (SCH00001, SCH00002), 50 classes, 40,000 attendance rows. */
export const TEST_STUDENTS = 2000;

export type SchoolDatabase = VariantDatabase<SchoolVariant>;

export function seededSchoolDatabase(testName: string, variants: readonly SchoolVariant[] = ['naive', 'optimized']): Promise<SchoolDatabase> {
  return seededVariantDatabase({
    testName, workload: 'school', allVariants: ['naive', 'optimized'], variants,
    seed: (databaseUrl, variant) => seedSchool({ databaseUrl, variant, users: TEST_STUDENTS, seed: 42, log: () => undefined, streams: 2 }),
  });
}

export type SchoolTestApi = VariantTestApi;

export interface StartOptions {
  settings?: Partial<SchoolSettings>;
  config?: Partial<ApiConfig>;
  deps?: AppDeps;
}

/**
 * An app of `variant` on `url`. Background timers are off unless a test asks (view refresh 0, job polling
 * once an hour): tests drive them by hand.
 */
export function startSchoolApi(testName: string, variant: SchoolVariant, url: string, opts: StartOptions = {}): Promise<SchoolTestApi> {
  const settings = schoolEnvValues({ mvRefreshIntervalS: 0, jobPollMs: 3_600_000, ...opts.settings });
  return startVariantApi({ testName, plugin: PLUGINS[variant], variant, databaseUrl: url, settings, config: opts.config, deps: opts.deps });
}

export interface SchoolApis {
  db: SchoolDatabase;
  apis: Record<SchoolVariant, SchoolTestApi>;
}

/**
 * For a describe block: one seeded database and an app of each variant on it, started in beforeAll and closed
 * and dropped in afterAll. The returned object is filled in by beforeAll, so read it inside the tests.
 */
export function bothSchoolApis(testName: string, opts: StartOptions = {}): SchoolApis {
  const ctx = { apis: {} } as SchoolApis;
  beforeAll(async () => {
    ctx.db = await seededSchoolDatabase(testName);
    for (const v of ['naive', 'optimized'] as const) ctx.apis[v] = await startSchoolApi(testName, v, ctx.db.urls[v], opts);
  });
  afterAll(async () => {
    for (const api of Object.values(ctx.apis)) await api?.close();
    await ctx.db?.drop();
  });
  return ctx;
}
