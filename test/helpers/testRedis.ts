/*
 * Redis for a test: the shared one from globalSetup with a key prefix of the test's own, or nothing, in which
 * case the test is skipped under a title that names what is missing.
 */
import crypto from 'node:crypto';
import { inject } from 'vitest';
import { deleteRedisPrefix } from '../../harness/services/deleteRedisPrefix.ts';

export const NO_REDIS = 'SKIPPED: no Redis (set REDIS_URL or put redis-server on PATH)';

export function testRedisUrl(): string | undefined {
  return inject('redisUrl');
}

/** Describe-block title that says why it was skipped when there is no Redis. */
export function redisTitle(title: string): string {
  return testRedisUrl() ? title : `${title} [${NO_REDIS}]`;
}

export function keyPrefix(testName: string): string {
  return `sp:test:${testName.replace(/[^a-zA-Z0-9]+/g, '_').slice(0, 30)}:${crypto.randomBytes(3).toString('hex')}:`;
}

/** Deletes every key under `prefix`. */
export const deletePrefix = deleteRedisPrefix;

export const NO_REDIS_SERVER = 'SKIPPED: no redis-server binary on PATH (apt-get install redis-server)';

/** The redis-server binary for tests that start (and stop) a private Redis; undefined means skip. */
export function redisServerBin(): string | undefined {
  return inject('redisServerBin');
}

/** Title for a test that needs its own redis-server: says why when it is skipped. */
export function redisServerTitle(title: string): string {
  return redisServerBin() ? title : `${title} [${NO_REDIS_SERVER}]`;
}
