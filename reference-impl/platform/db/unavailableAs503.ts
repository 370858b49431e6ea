/*
 * A database failure that means "cannot serve now" (unreachable, overloaded, restarting, statement or pool
 * timeout) becomes 503 DB_UNAVAILABLE with Retry-After, a condition to retry, instead of a 500. Anything else (a
 * coded HttpError, a constraint, a bug) is rethrown as it is. Every workload sorts its database errors here.
 */
import { HttpError, httpErrors } from '../errors/httpErrors.ts';

/** SQLSTATE classes that mean "the database cannot serve now": connection (08), resources (53), operator (57). */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof HttpError) return false;
  const code = (err as { code?: unknown } | null)?.code;
  // No SQLSTATE: the pool or socket failed (ECONNREFUSED, connection timeout, terminated).
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError);
  return UNAVAILABLE_CLASSES.has(code.slice(0, 2));
}

export async function unavailableAs503<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw isDatabaseUnavailable(err) ? httpErrors.databaseUnavailable(err) : err;
  }
}
