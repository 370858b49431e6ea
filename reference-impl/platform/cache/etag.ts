/* Strong ETags for precomputed bodies, and If-None-Match matching (RFC 9110 weak comparison, as for GET). */
import crypto from 'node:crypto';

/** A quoted, short hash of the body: computed once when the body is cached, never per request. */
export function etagOf(body: string): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export function ifNoneMatchMatches(header: string, etag: string): boolean {
  if (header === etag) return true; // the common case: the client echoes what we sent
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}
