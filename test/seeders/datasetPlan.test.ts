/*
 * Generation without a database: the plan's arithmetic, and that any chunk of rows regenerates alone to the
 * same bytes (the property parallel loading and retries rely on).
 */
import { describe, expect, it } from 'vitest';
import type { CopyChunk } from '../../seeders/engine/BinaryCopyWriter.ts';
import { apportion, planDataset } from '../../seeders/analytics/datasetPlan.ts';
import { createKeyPicker } from '../../seeders/engine/keyPicker.ts';
import type { RowContext } from '../../seeders/analytics/RowContext.ts';
import { eventRows } from '../../seeders/analytics/rows/eventRows.ts';
import { experienceRows } from '../../seeders/analytics/rows/experienceRows.ts';
import { pinRows } from '../../seeders/analytics/rows/pinRows.ts';
import { profileRows } from '../../seeders/analytics/rows/profileRows.ts';
import { skillRows } from '../../seeders/analytics/rows/skillRows.ts';
import { validateSeedParameters } from '../../seeders/analytics/SeedParameters.ts';
import { buildStringPools } from '../../seeders/analytics/stringPools.ts';

const params = validateSeedParameters({ users: 3000, eventsPerUser: 7, seed: 123, distribution: { kind: 'zipf', exponent: 1.1 }, asOf: '2025-06-15T00:00:00Z' });
const HEADER = 19;
const TRAILER = 2;

function context(chunkBytes: number): RowContext {
  const plan = planDataset(params);
  return { seed: params.seed, users: params.users, asOfMs: plan.asOfMs, chunkBytes, pools: buildStringPools(params.seed), pick: createKeyPicker(params.users, params.distribution) };
}

/** The rows' bytes of one COPY stream, without the binary header and trailer. */
function body(chunks: Iterable<CopyChunk>): Buffer {
  const all = Buffer.concat([...chunks].map((c) => c.bytes));
  return all.subarray(HEADER, all.length - TRAILER);
}

describe('planDataset', () => {
  it('spreads exactly users x eventsPerUser events over the 12 months before asOf, denser towards asOf', () => {
    const plan = planDataset(params);
    const segs = plan.segments;
    expect(segs.reduce((n, s) => n + s.count, 0)).toBe(21_000);
    expect(segs[0]!.startMs).toBe(Date.parse('2024-06-15T00:00:00Z'));
    expect(segs.at(-1)!.endMs).toBe(Date.parse('2025-06-15T00:00:00Z'));
    expect(segs.map((s) => s.partition)).toEqual([
      'pin_analytics_y2024m06', 'pin_analytics_y2024m07', 'pin_analytics_y2024m08', 'pin_analytics_y2024m09', 'pin_analytics_y2024m10',
      'pin_analytics_y2024m11', 'pin_analytics_y2024m12', 'pin_analytics_y2025m01', 'pin_analytics_y2025m02', 'pin_analytics_y2025m03',
      'pin_analytics_y2025m04', 'pin_analytics_y2025m05', 'pin_analytics_y2025m06',
    ]);
    for (let i = 1; i < segs.length; i++) {
      expect(segs[i]!.startMs).toBe(segs[i - 1]!.endMs);
      expect(segs[i]!.firstId).toBe(segs[i - 1]!.firstId + segs[i - 1]!.count);
    }
    // Full months only (the partial first and last are shorter): each has more events than the one before.
    const full = segs.slice(1, -1);
    for (let i = 1; i < full.length; i++) expect(full[i]!.count / (full[i]!.endMs - full[i]!.startMs)).toBeGreaterThan(full[i - 1]!.count / (full[i - 1]!.endMs - full[i - 1]!.startMs));
    expect(plan.rowCounts).toMatchObject({ profiles: 3000, professional_pins: 3000, pin_analytics: 21_000 });
  });

  it('apportions whole numbers that always add up to the total', () => {
    for (const total of [0, 1, 7, 1000, 999_999]) {
      const parts = apportion(total, [1, 2.5, 3, 0.1, 7]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });
});

describe('row generation', () => {
  it('renders any PIN range alone to the same bytes it has inside a full run, whatever the chunk size', () => {
    const big = context(256 * 1024);
    const small = context(512);
    for (const render of [profileRows, pinRows, experienceRows, skillRows]) {
      const whole = body(render(big, 1, 3001));
      const parts = Buffer.concat([body(render(small, 1, 1234)), body(render(small, 1234, 2000)), body(render(big, 2000, 3001))]);
      expect(parts.equals(whole), render.name).toBe(true);
      expect(body(render(big, 1, 3001)).equals(whole), `${render.name} twice`).toBe(true);
    }
  });

  it('renders an event month identically every time and in bounded chunks', () => {
    const ctx = context(4096);
    const seg = planDataset(params).segments[5]!;
    const a = [...eventRows(ctx, seg)];
    const b = [...eventRows(context(64 * 1024), seg)];
    expect(body(a).equals(body(b))).toBe(true);
    expect(a.reduce((n, c) => n + c.rows, 0)).toBe(seg.count);
    expect(Math.max(...a.map((c) => c.bytes.length))).toBeLessThanOrEqual(4096);
  });

  it('changes every table with the seed', () => {
    const other = validateSeedParameters({ ...params, seed: 124 });
    const ctxA = context(1 << 16);
    const ctxB: RowContext = { ...ctxA, seed: other.seed, pools: buildStringPools(other.seed) };
    for (const render of [profileRows, pinRows, experienceRows, skillRows]) {
      expect(body(render(ctxA, 1, 200)).equals(body(render(ctxB, 1, 200))), render.name).toBe(false);
    }
  });
});
