-- Seed 000, Retention & Archival: "KV audits: retain 90 days; summarize daily counts to Postgres table
-- pin_audit_daily". One row per UTC day and action, recounted from the Redis stream by the summary job
-- (audit/summarizeAuditDays.ts), so a rerun replaces a day's counts instead of adding to them.
CREATE TABLE IF NOT EXISTS pin_audit_daily (
  day            date   NOT NULL,
  action         text   NOT NULL,
  entries        bigint NOT NULL,
  summarized_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (day, action)
);
