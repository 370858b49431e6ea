/*
 * The API's coded HTTP errors. Every error response has the shape {"error":{"code","message"}} so clients
 * and tests match on `code`; messages say what was wrong and what is accepted.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(statusCode: number, code: string, message: string, headers: Record<string, string> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}

/** Echoes at most a short, quoted piece of user input, so error bodies stay small. */
export function quote(input: unknown): string {
  const s = String(input);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}

export const httpErrors = {
  invalidPinNumber: (raw: unknown) =>
    new HttpError(400, 'INVALID_PIN_NUMBER', `PIN number ${quote(raw)} is malformed; expected P followed by 7 to 12 digits, e.g. P0000042.`),
  invalidUserId: (raw: unknown) =>
    new HttpError(400, 'INVALID_USER_ID', `user id ${quote(raw)} is malformed; expected a positive whole number.`),
  invalidWindow: (raw: unknown) =>
    new HttpError(400, 'INVALID_WINDOW', `window ${quote(raw)} is not supported; use window=30d or window=90d.`),
  pinNotFound: (num: string) => new HttpError(404, 'PIN_NOT_FOUND', `no public PIN ${quote(num)}.`),
  userNotFound: (id: string) => new HttpError(404, 'USER_NOT_FOUND', `no user ${quote(id)}.`),
  bufferFull: (retryAfterS: number) =>
    new HttpError(503, 'BUFFER_FULL', `the event buffer is full; retry after ${retryAfterS} s.`, { 'retry-after': String(retryAfterS) }),
  shuttingDown: () =>
    new HttpError(503, 'SHUTTING_DOWN', 'the API is shutting down; retry against another instance.', { 'retry-after': '1' }),
  databaseUnavailable: (cause: unknown) =>
    new HttpError(503, 'DB_UNAVAILABLE', 'the database did not answer; retry shortly.', { 'retry-after': '1' }, { cause }),
};
