/*
 * GET /pins/:number/analytics?window=30d|90d, the "before": no rollup and no cache. Every request aggregates
 * the PIN's raw pin_analytics rows of the last 90 days, live, on the primary (no replica routing either); on
 * the naive schema that is a scan of the one flat events table, which has no (pin_id, created_at) index.
 *
 * The body is the optimized one (routes/pinAnalytics.ts): the same fields, computed as get_pin_analytics_summary
 * computes them over pin_analytics_mv (optimized/004_rollups.sql): per event type, events of the last 30 days
 * (types with none left out of by_type) and of the last 90 days; totals as whole numbers. The one difference
 * is what refreshed_at means: these numbers are as of the query itself, so it is the query's now() (null when
 * the PIN has no event in 90 days, as the rollup's max(refreshed_at) over no row is).
 */
import type { FastifyInstance } from 'fastify';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { parseAnalyticsWindow, type AnalyticsWindow } from '../validation/analyticsWindow.ts';
import { parsePinNumber } from '../validation/pinNumber.ts';
import type { NaiveParts } from './NaiveParts.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The PIN by number (any visibility, as the optimized lookup), and its summary aggregated from raw rows. */
const LIVE_SUMMARY = `
SELECT p.id::text AS pin_id, (
  SELECT json_build_object(
    'refreshed_at', max(t.as_of),
    '30d', json_build_object('total', coalesce(sum(t.n30), 0)::bigint,
                             'by_type', coalesce(json_object_agg(t.event_type, t.n30 ORDER BY t.event_type) FILTER (WHERE t.n30 > 0), '{}'::json)),
    '90d', json_build_object('total', coalesce(sum(t.n90), 0)::bigint,
                             'by_type', coalesce(json_object_agg(t.event_type, t.n90 ORDER BY t.event_type), '{}'::json)))
  FROM (SELECT a.event_type,
               count(*) FILTER (WHERE a.created_at >= now() - interval '30 days') AS n30,
               count(*) AS n90,
               now() AS as_of
          FROM pin_analytics a
         WHERE a.pin_id = p.id AND a.created_at >= now() - interval '90 days'
         GROUP BY a.event_type) t
)::text AS summary
FROM professional_pins p WHERE p.pin_number = $1`;

interface Summary {
  refreshed_at: string | null;
  '30d': { total: number; by_type: Record<string, number> };
  '90d': { total: number; by_type: Record<string, number> };
}

export function naivePinAnalyticsRoute(app: FastifyInstance, parts: NaiveParts): void {
  const { db } = parts;

  app.get<{ Params: { number: string }; Querystring: { window?: unknown } }>('/pins/:number/analytics', async (request, reply) => {
    const pinNumber = parsePinNumber(request.params.number);
    const window: AnalyticsWindow = parseAnalyticsWindow(request.query.window);
    let row: { pin_id: string; summary: string } | undefined;
    try {
      row = (await db.query<{ pin_id: string; summary: string }>({ text: LIVE_SUMMARY, values: [pinNumber] })).rows[0];
    } catch (err) {
      throw httpErrors.databaseUnavailable(err);
    }
    if (row === undefined) throw httpErrors.pinNotFound(pinNumber);
    const s = JSON.parse(row.summary) as Summary;
    const w = s[window];
    // The optimized route's body, field for field (routes/pinAnalytics.ts windowBody).
    const body = JSON.stringify({ pin_number: pinNumber, pin_id: Number(row.pin_id), window, refreshed_at: s.refreshed_at, total: w.total, by_type: w.by_type });
    return reply.type(JSON_TYPE).send(body);
  });
}
