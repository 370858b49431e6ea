/*
 * Paths of the recorded real k6 v1.3.0 output in test/fixtures/k6 (a copy of the project's shared/fixtures/k6,
 * kept in the repo so a fresh clone's tests need nothing beside it), and a plain reader of its points used as an
 * independent oracle by the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = path.resolve(repoRoot, 'test/fixtures/k6');

export type FixtureName = 'pass' | 'fail';
export const fixture = (name: FixtureName, file: string) => path.join(fixturesDir, name, file);

export interface RawPoint {
  metric: string;
  data: { time: string; value: number; tags: Record<string, string> };
}

/** Every Point line of a fixture's points.ndjson (read whole: the fixtures are ~1 MB). */
export function rawPoints(name: FixtureName): RawPoint[] {
  return fs
    .readFileSync(fixture(name, 'points.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawPoint & { type: string })
    .filter((p) => p.type === 'Point');
}
