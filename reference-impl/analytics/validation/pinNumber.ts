/*
 * PIN numbers from the URL. Only P + 7..12 digits with a non-zero id pass, so nothing else (quotes, SQL,
 * path tricks, unicode) ever reaches a query or a cache key.
 */
import { pinIdFromNumber } from '../../../seeders/analytics/pinNumber.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';

export function isPinNumber(raw: unknown): raw is string {
  return typeof raw === 'string' && pinIdFromNumber(raw) !== undefined;
}

/** Returns the PIN number or throws 400 INVALID_PIN_NUMBER. */
export function parsePinNumber(raw: unknown): string {
  if (!isPinNumber(raw)) throw httpErrors.invalidPinNumber(raw);
  return raw;
}
