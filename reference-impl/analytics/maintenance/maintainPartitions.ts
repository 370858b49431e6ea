/*
 * Seed 000's partition rotation: keep the current month plus `monthsAhead` partitions of pin_analytics
 * ahead of now(), and drop monthly partitions older than the retention (12 months); messages gets its months
 * ahead too. Run at start and daily.
 */
import type { Database } from '../../platform/db/Database.ts';

export interface PartitionChanges {
  /** pin_analytics partitions created and dropped. */
  created: string[];
  dropped: string[];
  /** messages partitions created (no retention: the plan sets none for chat). */
  messagesCreated: string[];
}

export async function maintainPartitions(db: Database, monthsAhead: number, retentionMonths: number): Promise<PartitionChanges> {
  const created = await db.query<{ name: string }>({ text: 'SELECT ensure_pin_analytics_partitions($1) AS name', values: [monthsAhead] });
  const dropped = await db.query<{ name: string }>({ text: 'SELECT drop_old_pin_analytics_partitions($1) AS name', values: [retentionMonths] });
  const messages = await db.query<{ name: string }>({ text: "SELECT ensure_monthly_partitions('messages', $1) AS name", values: [monthsAhead] });
  return { created: created.rows.map((r) => r.name), dropped: dropped.rows.map((r) => r.name), messagesCreated: messages.rows.map((r) => r.name) };
}
