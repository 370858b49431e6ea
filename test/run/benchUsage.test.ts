/*
 * `pnpm bench <workload>`: a wrong workload, variant or workload-specific flag is a usage error (exit 2, one
 * line naming the valid choices) found before any service starts.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

const CLI = 'scripts/bench.ts';
// Unreachable on purpose: a usage error must be reported before anything connects.
const NOWHERE = { DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' };

describe('bench usage errors', () => {
  it.each([
    { args: ['nosuch'], says: /unknown workload "nosuch"; valid workloads: analytics, school/ },
    { args: ['analytics', '--variant', 'nosuch'], says: /unknown variant "nosuch" of workload analytics; valid variants: optimized, naive/ },
    { args: ['school', '--events-per-user', '3'], says: /--events-per-user does not apply to workload school/ },
    { args: ['school', '--ack', 'committed'], says: /--ack does not apply to workload school: its API declares no SCALEPROOF_ACK_MODE/ },
    { args: ['analytics', '--ack', 'sometimes'], says: /--ack.*buffered, committed/ },
    { args: ['analytics', '--ack', 'committed', '--target', 'http://127.0.0.1:1'], says: /--ack sets the API the harness starts; with --target/ },
    { args: ['analytics', '--mix', 'dashboard=1'], says: /--mix names "dashboard", which workload analytics does not have/ },
    { args: [], says: /missing required argument 'workload'/ },
    { args: ['analytics', '--k6-instances', '3'], says: /--k6-instances splits a k6 run; add --driver k6/ },
    { args: ['analytics', '--driver', 'k6', '--k6-instances', '0'], says: /--k6-instances must be a whole number from 1 to 64/ },
  ])('exits 2 with one line for $args', async ({ args, says }) => {
    const r = await runCli(CLI, args, NOWHERE);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(says);
    expect(r.stderr + r.stdout).not.toContain('s3cret');
  });
});
