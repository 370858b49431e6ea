/*
 * Writes one HTTP/1.1 request, byte for byte what goes on the socket. Building it ourselves (instead of
 * autocannon's setupRequest + request builder, which copies ~35 option fields per request) keeps the per-request
 * cost close to the bare CLI's static request. Paths and headers come from scenario code, not from users, so
 * they are trusted to be valid HTTP (no spaces or CR/LF).
 */
import type { RequestSpec } from '../../../scenarios/Scenario.ts';

/** The header block every request shares: Host, keep-alive and fixed extras, each line CRLF-terminated. */
export function fixedHeaderLines(host: string, extra: Readonly<Record<string, string>>): string {
  let s = `Host: ${host}\r\nConnection: keep-alive\r\n`;
  for (const [k, v] of Object.entries(extra)) s += `${k}: ${v}\r\n`;
  return s;
}

export function serializeRequest(spec: RequestSpec, pathPrefix: string, fixedLines: string): string {
  let s = `${spec.method} ${pathPrefix}${spec.path} HTTP/1.1\r\n${fixedLines}`;
  if (spec.headers) for (const k in spec.headers) s += `${k}: ${spec.headers[k]}\r\n`;
  if (spec.body !== undefined) return `${s}Content-Length: ${Buffer.byteLength(spec.body)}\r\n\r\n${spec.body}`;
  return `${s}\r\n`;
}
