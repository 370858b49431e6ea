/*
 * GET /pins/:number/analytics?window=30d|90d: dashboard numbers from the rollup (get_pin_analytics_summary
 * over pin_analytics_mv), read from the replica when one is configured (seed 000: "direct summary queries to
 * replica"). Cached under pin:analytics:<number>:<UTC day>; the entry holds both windows' bodies,
 * precomputed, one per line, so a hit sends one without parsing.
 */
import type { FastifyInstance } from 'fastify';
import type { AnalyticsParts } from '../AnalyticsParts.ts';
import { cacheKeys, utcDay } from '../cacheKeys.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { statements } from '../statements.ts';
import { parsePinNumber } from '../validation/pinNumber.ts';
import { parseAnalyticsWindow, type AnalyticsWindow } from '../validation/analyticsWindow.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

interface Summary {
  refreshed_at: string | null;
  '30d': { total: number; by_type: Record<string, number> };
  '90d': { total: number; by_type: Record<string, number> };
}

function windowBody(pinNumber: string, pinId: number, window: AnalyticsWindow, s: Summary): string {
  const w = s[window];
  return JSON.stringify({ pin_number: pinNumber, pin_id: pinId, window, refreshed_at: s.refreshed_at, total: w.total, by_type: w.by_type });
}

export function pinAnalyticsRoute(app: FastifyInstance, parts: AnalyticsParts): void {
  const { cache, readDb, settings } = parts;

  async function load(pinNumber: string): Promise<string | null> {
    let row: { pin_id: string; summary: string } | undefined;
    try {
      row = (await readDb.query<{ pin_id: string; summary: string }>(statements.pinAnalytics(pinNumber))).rows[0];
    } catch (err) {
      throw httpErrors.databaseUnavailable(err);
    }
    if (row === undefined) return null;
    const summary = JSON.parse(row.summary) as Summary;
    const pinId = Number(row.pin_id);
    // JSON.stringify never emits a raw newline, so "\n" separates the two bodies safely.
    return `${windowBody(pinNumber, pinId, '30d', summary)}\n${windowBody(pinNumber, pinId, '90d', summary)}`;
  }

  app.get<{ Params: { number: string }; Querystring: { window?: unknown } }>('/pins/:number/analytics', async (request, reply) => {
    const pinNumber = parsePinNumber(request.params.number);
    const window = parseAnalyticsWindow(request.query.window);
    const key = cacheKeys.analytics(pinNumber, utcDay(Date.now()));
    const { value, hit } = await cache.fetch('analytics', key, settings.analyticsTtlS, () => load(pinNumber));
    if (value === null) throw httpErrors.pinNotFound(pinNumber);
    const nl = value.indexOf(10); // '\n'
    reply.header('x-cache', hit ? 'HIT' : 'MISS');
    return reply.type(JSON_TYPE).send(window === '30d' ? value.subarray(0, nl) : value.subarray(nl + 1));
  });
}
