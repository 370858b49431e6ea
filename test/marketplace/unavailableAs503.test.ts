/* A read whose database cannot serve now (timeout, pool, connection) answers 503 DB_UNAVAILABLE; other failures pass through. */
import { describe, expect, it } from 'vitest';
import { unavailableAs503 } from '../../reference-impl/platform/db/unavailableAs503.ts';
import { HttpError } from '../../reference-impl/platform/errors/httpErrors.ts';

const failWith = (err: unknown) => unavailableAs503(() => Promise.reject(err));
const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe('unavailableAs503', () => {
  it.each([
    ['statement timeout (57014)', sqlError('57014')],
    ['too many connections (53300)', sqlError('53300')],
    ['connection failure (08006)', sqlError('08006')],
    ['pool connect timeout (no SQLSTATE)', new Error('timeout exceeded when trying to connect')],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  ])('%s becomes 503 DB_UNAVAILABLE with Retry-After', async (_name, err) => {
    const thrown = await failWith(err).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ statusCode: 503, code: 'DB_UNAVAILABLE', headers: { 'retry-after': '1' } });
  });

  it.each([
    ['a coded 404', new HttpError(404, 'PRODUCT_NOT_FOUND', 'no product')],
    ['a unique violation (23505)', sqlError('23505')],
    ['a bug (TypeError)', new TypeError('x is undefined')],
  ])('%s passes through unchanged', async (_name, err) => {
    expect(await failWith(err).catch((e: unknown) => e)).toBe(err);
  });

  it('returns the value of a read that succeeds', async () => {
    expect(await unavailableAs503(async () => 42)).toBe(42);
  });
});
