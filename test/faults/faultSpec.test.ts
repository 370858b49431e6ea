/* --fault SPEC parsing and the pre-flight checks of a run's faults: every mistake is a usage error (exit 2). */
import { describe, expect, it } from 'vitest';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { parseFaultSpec, validateFaults } from '../../harness/faults/FaultSpec.ts';

const usage = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(isScaleproofError(err) && err.code).toBe('SP_USAGE');
    return (err as Error).message;
  }
  throw new Error('expected SP_USAGE');
};

describe('parseFaultSpec', () => {
  it.each([
    ['api-kill@30s', { kind: 'api-kill', atS: 30, downS: 0 }],
    ['api-term@45', { kind: 'api-term', atS: 45, downS: 0 }],
    ['redis-down@20s+10s', { kind: 'redis-down', atS: 20, downS: 10 }],
    ['redis-down@1m+1m30s', { kind: 'redis-down', atS: 60, downS: 90 }],
    ['pg-restart@40s', { kind: 'pg-restart', atS: 40, downS: 0 }],
    ['pg-restart@2.5s+1.5s', { kind: 'pg-restart', atS: 2.5, downS: 1.5 }],
  ])('reads %s', (raw, want) => {
    expect(parseFaultSpec(raw)).toEqual({ spec: raw, ...want });
  });

  it.each(['', 'api-kill', 'api-kill@', 'api-kill@x', 'api-kill@-3s', 'disk-full@3s', 'api-kill@3s+', 'api-kill@3s+x', 'redis-down@20s', 'redis-down@20s+0s', 'API-KILL@3s', 'api-kill@3h'])(
    'refuses %j with a message that shows the form',
    (raw) => {
      expect(usage(() => parseFaultSpec(raw))).toMatch(/--fault/);
    },
  );
});

describe('validateFaults', () => {
  const run = { durationS: 60, repeat: 1, target: false, driver: 'autocannon', openModel: false };
  const f = (s: string) => parseFaultSpec(s);

  it('accepts faults inside the measured phase, in any order, and no faults at all', () => {
    expect(() => validateFaults([f('redis-down@35s+10s'), f('api-kill@20s')], run)).not.toThrow();
    expect(() => validateFaults([], { ...run, target: true })).not.toThrow();
  });

  it('refuses a fault past the end, overlapping faults, a --target, --repeat, k6 and the open model', () => {
    expect(usage(() => validateFaults([f('api-kill@60s')], run))).toContain('not inside the 60 s measured phase');
    expect(usage(() => validateFaults([f('redis-down@50s+10s')], run))).toContain('not inside');
    expect(usage(() => validateFaults([f('redis-down@20s+10s'), f('api-kill@25s')], run))).toContain('still in effect');
    expect(usage(() => validateFaults([f('api-kill@20s')], { ...run, target: true }))).toContain('never to a --target');
    expect(usage(() => validateFaults([f('api-kill@20s')], { ...run, repeat: 3 }))).toContain('--repeat');
    expect(usage(() => validateFaults([f('api-kill@20s')], { ...run, driver: 'k6' }))).toContain('autocannon');
    expect(usage(() => validateFaults([f('api-kill@20s')], { ...run, openModel: true }))).toContain('--rate');
  });
});
