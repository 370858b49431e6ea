-- 30/90-day rollups (seed 000: "summarized materialized view for last 30/90 days"). The unique index on
-- (pin_id, event_type), both never NULL, is what lets REFRESH MATERIALIZED VIEW CONCURRENTLY run.
CREATE MATERIALIZED VIEW IF NOT EXISTS pin_analytics_mv AS
  SELECT pin_id,
         event_type,
         count(*) FILTER (WHERE created_at >= now() - interval '30 days') AS events_30d,
         count(*) AS events_90d,
         now() AS refreshed_at
  FROM pin_analytics
  WHERE created_at >= now() - interval '90 days'
  GROUP BY pin_id, event_type;
CREATE UNIQUE INDEX IF NOT EXISTS pin_analytics_mv_key ON pin_analytics_mv (pin_id, event_type);

-- {"pin_id", "refreshed_at", "30d": {"total", "by_type": {type: n}}, "90d": {...}} from the rollup.
CREATE OR REPLACE FUNCTION get_pin_analytics_summary(p_pin_id bigint)
RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'pin_id', p_pin_id,
    'refreshed_at', max(refreshed_at),
    '30d', json_build_object('total', coalesce(sum(events_30d), 0)::bigint,
                             'by_type', coalesce(json_object_agg(event_type, events_30d) FILTER (WHERE events_30d > 0), '{}'::json)),
    '90d', json_build_object('total', coalesce(sum(events_90d), 0)::bigint,
                             'by_type', coalesce(json_object_agg(event_type, events_90d), '{}'::json))
  )
  FROM pin_analytics_mv WHERE pin_id = p_pin_id
$$;
