/* Value parsers for CLI flags: each throws SP_USAGE naming the flag and what it accepts. */
import { ScaleproofError } from '../errors/ScaleproofError.ts';

export function intArg(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const n = Number(raw.replace(/_/g, ''));
    if (!/^\s*[\d_]+\s*$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ScaleproofError('SP_USAGE', `${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    }
    return n;
  };
}

/** "30", "30s", "2m", "1m30s" -> seconds. */
export function durationArg(flag: string, minS: number) {
  return (raw: string): number => {
    const m = /^\s*(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?\s*$/.exec(raw);
    const s = m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
    if (!Number.isFinite(s) || s < minS) {
      throw new ScaleproofError('SP_USAGE', `${flag} must be a duration like 30, 30s or 2m (at least ${minS}s), got ${JSON.stringify(raw)}`);
    }
    return s;
  };
}

/** "0.1" or "10%" -> 0.1 */
export function fractionArg(flag: string) {
  return (raw: string): number => {
    const pct = raw.trim().endsWith('%');
    const n = Number(pct ? raw.trim().slice(0, -1) : raw) / (pct ? 100 : 1);
    if (!Number.isFinite(n) || n <= 0 || n >= 10) {
      throw new ScaleproofError('SP_USAGE', `${flag} must be a fraction like 0.1 or a percentage like 10%, got ${JSON.stringify(raw)}`);
    }
    return n;
  };
}

export function urlArg(flag: string) {
  return (raw: string): string => {
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
      return raw.replace(/\/$/, '');
    } catch {
      throw new ScaleproofError('SP_USAGE', `${flag} must be an http(s) URL like http://127.0.0.1:3000, got ${JSON.stringify(raw)}`);
    }
  };
}

export function choiceArg<T extends string>(flag: string, choices: readonly T[]) {
  return (raw: string): T => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw new ScaleproofError('SP_USAGE', `${flag} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
    }
    return raw as T;
  };
}

/**
 * "pin_public=70,pin_analytics=20" -> weights. Names are checked against the workload's endpoints later
 * (buildScenario), once the workload is known; here only the shape.
 */
export function mixArg(flag: string) {
  return (raw: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const part of raw.split(',')) {
      const [k, v] = part.split('=').map((s) => s.trim());
      if (!k || !/^[a-z][a-z0-9_]*$/.test(k) || v === undefined || !/^\d+(\.\d+)?$/.test(v)) {
        throw new ScaleproofError('SP_USAGE', `${flag} takes name=weight pairs over the workload's endpoints, e.g. pin_public=70,pin_events=30; got ${JSON.stringify(part)}`);
      }
      out[k] = Number(v);
    }
    if (!Object.values(out).some((w) => w > 0)) throw new ScaleproofError('SP_USAGE', `${flag} needs at least one weight above 0`);
    return out;
  };
}
