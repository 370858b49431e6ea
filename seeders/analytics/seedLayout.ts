/*
 * What the seeder does differently per variant of the analytics schema. The rows are the same in every
 * variant; what differs is where the events go and what runs after the load:
 *   optimized  pin_analytics RANGE-partitioned by month (leaf per COPY, DEFAULT partition checked empty),
 *              rollup MV refreshed after the load;
 *   naive      one plain pin_analytics (one COPY), no partitions, no DEFAULT partition, no MV.
 * Both rebuild exactly their own 003_indexes.sql around the load (naive's may be empty or absent).
 */
import path from 'node:path';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { analyticsMigrations } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { SECONDARY_INDEX_FILE } from './loadIndexes.ts';

export type AnalyticsVariant = keyof typeof analyticsMigrations;

export interface SeedLayout {
  variant: AnalyticsVariant;
  /** The variant's migration folders, in order. */
  schemaDirs: readonly string[];
  /** The file whose secondary indexes are dropped before the load and rebuilt after it. */
  indexFile: string;
  /** pin_analytics is partitioned by month with a DEFAULT partition (else one plain table). */
  partitionedEvents: boolean;
  /** pin_analytics_mv exists and is refreshed after the load. */
  rollup: boolean;
}

const VARIANTS = Object.keys(analyticsMigrations) as AnalyticsVariant[];

export function seedLayout(variant: string = 'optimized'): SeedLayout {
  if (!(VARIANTS as string[]).includes(variant)) {
    throw new ScaleproofError('SP_USAGE', `the analytics workload has no variant ${JSON.stringify(variant)}; use one of ${VARIANTS.join(', ')}`);
  }
  const v = variant as AnalyticsVariant;
  const schemaDirs = analyticsMigrations[v];
  const optimized = v === 'optimized';
  return Object.freeze({
    variant: v,
    schemaDirs,
    indexFile: path.join(schemaDirs[schemaDirs.length - 1]!, SECONDARY_INDEX_FILE),
    partitionedEvents: optimized,
    rollup: optimized,
  });
}
