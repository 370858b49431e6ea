/*
 * The write id a load generator may put on a write (`x-scaleproof-write-id: 123`), stored with the row so that
 * after a run every 2xx the generator received can be looked up exactly ("acknowledged means stored"). Absent
 * on ordinary traffic; a malformed one is the client's error (400), never silently dropped.
 */
import { HttpError, quote } from './errors/httpErrors.ts';

export const WRITE_ID_HEADER = 'x-scaleproof-write-id';

/** A positive whole number below 2^53 (it is stored as bigint), or undefined when the header is absent. */
export function writeIdOf(headers: Readonly<Record<string, string | string[] | undefined>>): number | undefined {
  const raw = headers[WRITE_ID_HEADER];
  if (raw === undefined) return undefined;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  const id = /^[1-9]\d{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) {
    throw new HttpError(400, 'INVALID_WRITE_ID', `${WRITE_ID_HEADER} ${quote(text)} is malformed; expected a positive whole number below 2^53, or no header.`);
  }
  return id;
}
