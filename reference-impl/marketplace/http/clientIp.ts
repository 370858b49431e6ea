/*
 * The client address a rate limit counts. Seed 003 phase 4 takes cf-connecting-ip or x-forwarded-for as sent,
 * which lets any client pick its own bucket; here x-forwarded-for is believed only from a trusted proxy, and
 * read from the right: the first hop that is not itself a trusted proxy is the client (as proxy-addr does).
 */
import { isIP } from 'node:net';

export type TrustCheck = (address: string) => boolean;

function isLoopback(a: string): boolean {
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

/** 'loopback', 'none', or a comma-separated list of addresses and/or 'loopback'. */
export function trustedProxies(setting: string): TrustCheck {
  const items = setting.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== 'none');
  const loopback = items.includes('loopback');
  const exact = new Set(items.filter((s) => s !== 'loopback'));
  return (a) => (loopback && isLoopback(a)) || exact.has(a);
}

const MAX_HOPS = 16;

/** The client's address: the peer's, or (peer trusted) the rightmost untrusted valid x-forwarded-for hop. */
export function clientIpOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustCheck): string {
  const remote = peer ?? 'unknown';
  if (forwardedFor === undefined || !trusted(remote)) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').slice(-MAX_HOPS).map((h) => h.trim());
  let client = remote;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break; // a malformed hop: stop at the last address we could trust
    client = hop;
    if (!trusted(hop)) break;
  }
  return client;
}
