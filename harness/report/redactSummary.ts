/*
 * Passwords in connection strings never reach a report. Two layers: every string field of the summary is
 * redacted before any writer sees it (URL-shaped credentials, and the literal password of every URL found in
 * the summary, wherever else it was echoed), and every writer's output gets a final URL-shaped pass.
 * Encoded histograms are left alone: a short password could otherwise match inside base64.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import { redactText } from '../services/redactUrl.ts';

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const SKIP_KEYS = new Set(['histogram']);

function collectUrls(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(URL_IN_TEXT)) out.add(m[0]);
  } else if (Array.isArray(value)) {
    for (const v of value) collectUrls(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!SKIP_KEYS.has(k)) collectUrls(v, out);
  }
}

function redactDeep(value: unknown, urls: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, urls);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, urls));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redactText(k, urls)] = SKIP_KEYS.has(k) ? v : redactDeep(v, urls);
    return out;
  }
  return value;
}

/** A copy of the summary with every credential in its text replaced by ***. */
export function redactSummary(summary: RunSummary): RunSummary {
  const urls = new Set<string>();
  collectUrls(summary, urls);
  return redactDeep(summary, [...urls]) as RunSummary;
}

/** The final pass over a writer's output: URL-shaped credentials (postgres://, redis://, any scheme://u:p@). */
export function redactOutput(text: string): string {
  // The second pattern also covers other schemes and an empty user name (redis://:password@host).
  return redactText(text, []).replace(/\b([a-z][a-z0-9+.-]*):\/\/([^:/@\s"'<>]*):[^@\s"'<>/]+@/gi, '$1://$2:***@');
}
