import { describe, expect, it } from 'vitest';
import { fixedHeaderLines, serializeRequest } from '../../../harness/drive/autocannon/serializeRequest.ts';

describe('serializeRequest', () => {
  const fixed = fixedHeaderLines('127.0.0.1:3000', { 'x-scaleproof-phase': 'measured' });

  it('writes a GET with the path prefix, Host, keep-alive and fixed headers, and no body', () => {
    expect(serializeRequest({ method: 'GET', path: '/pins/P0000001/analytics?window=30d' }, '/api', fixed)).toBe(
      'GET /api/pins/P0000001/analytics?window=30d HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nConnection: keep-alive\r\nx-scaleproof-phase: measured\r\n\r\n',
    );
  });

  it('gives a POST its own headers and a Content-Length in bytes, not characters', () => {
    const body = JSON.stringify({ note: 'ünï' });
    const raw = serializeRequest({ method: 'POST', path: '/e', headers: { 'content-type': 'application/json' }, body }, '', fixed);
    expect(raw).toBe(`POST /e HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nConnection: keep-alive\r\nx-scaleproof-phase: measured\r\ncontent-type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
  });
});
