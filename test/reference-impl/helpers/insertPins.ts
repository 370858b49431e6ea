/* Hand-inserted rows for API tests: a PIN per id with its profile, two skills and two experiences. */
import pg from 'pg';
import { pinNumber } from '../../../seeders/analytics/pinNumber.ts';

export async function insertPins(url: string, ids: number[], opts: { visibility?: string } = {}): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const id of ids) {
      await c.query('INSERT INTO profiles (id, user_id, full_name, headline, email, location) VALUES ($1, $1, $2, $3, $4, $5)',
        [id, `Person ${id}`, `Engineer #${id}`, `p${id}@example.test`, 'Oslo']);
      await c.query('INSERT INTO professional_pins (id, pin_number, user_id, title, bio, visibility) VALUES ($1, $2, $1, $3, $4, $5)',
        [id, pinNumber(id), `Title ${id}`, `Bio of ${id}`, opts.visibility ?? 'public']);
      await c.query('INSERT INTO pin_skills (pin_id, skill_name, level) VALUES ($1, $2, 3), ($1, $3, 5)', [id, 'sql', 'typescript']);
      await c.query("INSERT INTO pin_experiences (id, pin_id, company, role, start_date, end_date) VALUES ($1 * 10, $1, 'Acme', 'Dev', '2019-01-01', '2021-06-30'), ($1 * 10 + 1, $1, 'Globex', 'Lead', '2021-07-01', NULL)", [id]);
    }
  } finally {
    await c.end();
  }
}

export async function countEvents(url: string, where = 'true', values: unknown[] = []): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pin_analytics WHERE ${where}`, values);
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}
