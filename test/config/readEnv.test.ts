import { describe, expect, it } from 'vitest';
import { envVariables, readEnv } from '../../harness/config/readEnv.ts';
import { analyticsEnv } from '../../reference-impl/analytics/analyticsSettings.ts';
import { catalogEnv } from '../../reference-impl/catalog/catalogEnv.ts';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { redactText, redactUrl } from '../../harness/services/redactUrl.ts';

describe('readEnv', () => {
  it('uses the documented defaults when the environment is empty', () => {
    const env = readEnv({});
    expect(env.databaseUrl).toBeUndefined();
    expect(env.redisUrl).toBeUndefined();
    expect(env.api.port).toBe(3000);
    expect(env.api.pgPoolMax).toBe(10);
    expect(env.workload).toEqual({});
    expect(env.dataDir.endsWith('.scaleproof/pg')).toBe(true);
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('applies overrides, PORT=0 included', () => {
    const env = readEnv({ PORT: '0', SCALEPROOF_FLUSH_MAX_EVENTS: '50', REDIS_URL: 'redis://127.0.0.1:1' }, '.', analyticsEnv);
    expect(env.api.port).toBe(0);
    expect(env.workload.SCALEPROOF_FLUSH_MAX_EVENTS).toBe(50);
    expect(env.workload.SCALEPROOF_PIN_TTL_S).toBe(60);
    expect(env.redisUrl).toBe('redis://127.0.0.1:1');
  });

  it("takes a platform variable's default from the workload when the workload restates it (catalog's pool: the plan's 20)", () => {
    expect(readEnv({}, '.', catalogEnv).api.pgPoolMax).toBe(20);
    expect(readEnv({ SCALEPROOF_PG_POOL_MAX: '40' }, '.', catalogEnv).api.pgPoolMax).toBe(40);
    expect(readEnv({}, '.', analyticsEnv).api.pgPoolMax).toBe(10);
    expect(readEnv({}, '.', catalogEnv).workload).not.toHaveProperty('SCALEPROOF_PG_POOL_MAX');
    expect(() => readEnv({ SCALEPROOF_PG_POOL_MAX: '0' }, '.', catalogEnv)).toThrow(/SCALEPROOF_PG_POOL_MAX/);
  });

  it.each([
    [{ PORT: '-1' }, 'PORT'],
    [{ SCALEPROOF_PG_POOL_MAX: 'ten' }, 'SCALEPROOF_PG_POOL_MAX'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SCALEPROOF_LOG_LEVEL: 'loud' }, 'SCALEPROOF_LOG_LEVEL'],
    [{ SCALEPROOF_PIN_TTL_S: '0' }, 'SCALEPROOF_PIN_TTL_S'],
    [{ SCALEPROOF_MIGRATE_ON_START: 'yes' }, 'SCALEPROOF_MIGRATE_ON_START'],
  ])('rejects %j with SP_CONFIG naming %s', (vars, name) => {
    let err: unknown;
    try {
      readEnv(vars, '.', analyticsEnv);
    } catch (e) {
      err = e;
    }
    expect(isScaleproofError(err, 'SP_CONFIG')).toBe(true);
    expect((err as Error).message).toContain(name);
  });

  it('reads only the variables of the workload it is given: another workload\'s are not even validated', () => {
    const env = readEnv({ SCALEPROOF_PIN_TTL_S: 'not a number' });
    expect(env.workload).toEqual({});
  });

  it('lists the platform variables and the workload\'s in envVariables', () => {
    const names = Object.keys(envVariables(analyticsEnv));
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'PORT', 'SCALEPROOF_LOG_LEVEL', 'SCALEPROOF_PIN_TTL_S', 'SCALEPROOF_FLUSH_INTERVAL_MS']));
    expect(Object.keys(envVariables())).not.toContain('SCALEPROOF_PIN_TTL_S');
  });
});

describe('redaction', () => {
  it('hides the password of a connection string and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db.example:5432/prod')).toBe('postgres://app:***@db.example:5432/prod');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('removes passwords from free text, including a known password that appears bare', () => {
    const url = 'postgres://app:p%40ss@h/db';
    const out = redactText('failed: postgres://app:p%40ss@h/db and later p@ss', [url]);
    expect(out).not.toContain('p%40ss');
    expect(out).not.toContain('p@ss');
  });
});
