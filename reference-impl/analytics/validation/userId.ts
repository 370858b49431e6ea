/* User ids from the URL: a positive whole number that fits a bigint and a JS safe integer. */
import { httpErrors } from '../../platform/errors/httpErrors.ts';

const USER_ID = /^[1-9]\d{0,14}$/;

/** Returns the id as text (bound as a parameter) or throws 400 INVALID_USER_ID. */
export function parseUserId(raw: unknown): string {
  if (typeof raw !== 'string' || !USER_ID.test(raw)) throw httpErrors.invalidUserId(raw);
  return raw;
}
