/* Test helper: one md5 per seeded table over its rows in key order (pin_analytics rows with their partition). */
import pg from 'pg';

const ORDERED: Record<string, string> = {
  profiles: 'SELECT md5(string_agg(t::text, E\'\\n\' ORDER BY id)) AS sum FROM profiles t',
  professional_pins: 'SELECT md5(string_agg(t::text, E\'\\n\' ORDER BY id)) AS sum FROM professional_pins t',
  pin_experiences: 'SELECT md5(string_agg(t::text, E\'\\n\' ORDER BY id)) AS sum FROM pin_experiences t',
  pin_skills: 'SELECT md5(string_agg(t::text, E\'\\n\' ORDER BY pin_id, skill_name)) AS sum FROM pin_skills t',
  matches: 'SELECT md5(string_agg(t::text, E\'\\n\' ORDER BY id)) AS sum FROM matches t',
  pin_analytics: 'SELECT md5(string_agg(t::text || \'@\' || t.tableoid::regclass::text, E\'\\n\' ORDER BY id)) AS sum FROM pin_analytics t',
};

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Timestamps render in one zone whatever the server's default.
    await c.query(`SET TIME ZONE 'UTC'`);
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function datasetChecksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const [table, sql] of Object.entries(ORDERED)) out[table] = (await c.query<{ sum: string }>(sql)).rows[0]!.sum;
    return out;
  });
}

/** Every index (name and definition) on the seeded tables and their partitions, sorted. */
export function indexDefinitions(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const r = await c.query<{ d: string }>(
      `SELECT indexname || ': ' || indexdef AS d FROM pg_indexes
        WHERE schemaname = 'public' AND (tablename IN ('profiles', 'professional_pins', 'pin_experiences', 'pin_skills', 'matches') OR tablename LIKE 'pin_analytics%')
        ORDER BY 1`,
    );
    return r.rows.map((row) => row.d);
  });
}
