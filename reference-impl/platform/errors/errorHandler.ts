/*
 * Every error leaves the API as {"error":{"code","message"}}. Bad input is always 4xx: Fastify's own
 * content-type, body-limit, JSON and schema errors are mapped to named codes; malformed URLs and broken HTTP
 * get the same shape. Only an unexpected failure is a 500, and it is logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { ApiLogger } from '../log/ApiLogger.ts';
import { HttpError } from './httpErrors.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Fastify error codes (all 4xx) and what we call them. */
const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string; message?: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'request body is larger than the limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as Content-Type: application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_CONTENT_LENGTH', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: 'the JSON body is empty; send {"event_type": ...}' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'the body is not valid JSON' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: 'the URL is not valid (bad percent-encoding?)' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', message: 'a path parameter is longer than 100 characters' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'BAD_REQUEST', message: 'the request matches no route constraint' },
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers(headers).type(JSON_TYPE).send(JSON.stringify({ error: { code, message } }));
}

export function classify(err: FastifyError | HttpError | Error): { status: number; code: string; message: string; headers?: Record<string, string> } {
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message, headers: { ...err.headers } };
  const fe = err as FastifyError;
  if (fe.validation) return { status: 400, code: 'INVALID_BODY', message: `invalid request: ${fe.message}` };
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { status: known.status, code: known.code, message: known.message ?? fe.message };
  // The JSON parser's SyntaxError (and proto-poisoning refusals) carry statusCode 400.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: fe instanceof SyntaxError ? 'INVALID_JSON' : 'BAD_REQUEST', message: fe.message };
  }
  return { status: 500, code: 'INTERNAL', message: 'unexpected server error' };
}

export function installErrorHandling(app: FastifyInstance, log: ApiLogger): void {
  let lastUnavailableLogMs = 0;
  app.setErrorHandler((err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const c = classify(err);
    if (c.status === 500) {
      log.error(`${request.method} ${request.routeOptions.url ?? request.url} -> 500`, err);
    } else if (c.code === 'DB_UNAVAILABLE' && Date.now() - lastUnavailableLogMs >= 1000) {
      // An outage fails every request: log its cause at most once a second. (BUFFER_FULL and
      // SHUTTING_DOWN are backpressure, counted in /metrics, not logged per request.)
      lastUnavailableLogMs = Date.now();
      log.error(`${request.method} ${request.routeOptions.url ?? request.url} -> 503 DB_UNAVAILABLE`, err.cause ?? err);
    }
    return sendError(reply, c.status, c.code, c.message, c.headers);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]?.slice(0, 80)}`));
}

/** Fastify's frameworkErrors option: errors raised before routing (bad percent-encoding, overlong parameter). */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const c = classify(err);
  void sendError(reply, c.status, c.code, c.message);
}

/** Fastify's clientErrorHandler: requests Node's HTTP parser rejects (malformed request line, headers). */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({ error: { code: status === 431 ? 'HEADERS_TOO_LARGE' : 'BAD_HTTP', message: 'malformed HTTP request' } });
  socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
