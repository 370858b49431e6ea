/*
 * replica_lag_s judged from summary.environment.topology (sampled on the primary during the run), and the
 * topology lines every report shows: what was asked for and not there is a warning.
 */
import { describe, expect, it } from 'vitest';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import type { Topology } from '../../harness/model/Topology.ts';
import { summariseLag } from '../../harness/probe/replicaLag.ts';
import { topologyFacts } from '../../harness/report/topologyFacts.ts';
import { analyticsThresholds } from '../../thresholds/analytics.ts';
import { summaryOf } from './summaryOf.ts';

const empty = { requests: 0, errors: 0, throughputRps: 0, latencyMs: { p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 }, statusCounts: {}, timeline: [] } as unknown as Parameters<typeof summaryOf>[0]['totals'];

function withTopology(topology: Topology | undefined): RunSummary {
  const s = summaryOf({ endpoints: {}, totals: empty, durationS: 10, mix: {} });
  return { ...s, environment: { ...s.environment, topology } };
}

const pooled: Topology['pooler'] = { requested: true, kind: 'spawned', version: 'PgBouncer 1.18.0', mode: 'transaction', poolSize: 20, namedStatements: false };
const replica = (lag: Topology['replica']['lag']): Topology => ({ pooler: pooled, replica: { requested: true, kind: 'spawned', servedReads: true, lag }, notes: [] });
const judge = (s: RunSummary) => evaluateThresholds(s, { replica_lag_s: analyticsThresholds.replica_lag_s! })[0]!;

describe('replica_lag_s', () => {
  it('holds under 1 s and fails over it, from the sampled maximum', () => {
    const lag = summariseLag([{ standbys: 1, replayLagS: 0.02, bytesBehind: 0 }, { standbys: 1, replayLagS: 0.3, bytesBehind: 128 }]);
    expect(lag).toEqual({ samples: 2, maxS: 0.3, p95S: 0.3, maxBytes: 128 });
    expect(judge(withTopology(replica(lag)))).toMatchObject({ ok: true, observed: 0.3 });
    expect(judge(withTopology(replica({ samples: 3, maxS: 2.5, p95S: 2, maxBytes: 9000 })))).toMatchObject({ ok: false, observed: 2.5 });
  });

  it('is not measurable (skipped, with why) without a replica, or when the primary listed none', () => {
    for (const t of [undefined, { ...replica(undefined), replica: { requested: false, kind: 'off', servedReads: false } } as Topology, replica({ samples: 0, maxS: null, p95S: null, maxBytes: null })]) {
      const v = judge(withTopology(t));
      expect(v.skipped).toBe(true);
      expect(v.note).toMatch(/not measurable/);
    }
  });

  it('reports the pooler and the replica, and warns when one was asked for and none was there', () => {
    const facts = topologyFacts(replica({ samples: 5, maxS: 0.12, p95S: 0.1, maxBytes: 72 }));
    expect(facts.map((f) => f.label)).toEqual(['Pooler', 'Read replica']);
    expect(facts[0]!.value).toMatch(/PgBouncer 1\.18\.0.*transaction mode.*20 server connections.*unnamed/);
    expect(facts[1]!.value).toMatch(/served the replica reads.*max 0\.12 s/);
    expect(facts.some((f) => f.warn)).toBe(false);
    const missing = topologyFacts({ pooler: { requested: true, kind: 'none' }, replica: { requested: true, kind: 'none', servedReads: false }, notes: [] });
    expect(missing.map((f) => f.warn)).toEqual([true, true]);
    expect(missing[0]!.value).toMatch(/NONE available: direct/);
  });
});
