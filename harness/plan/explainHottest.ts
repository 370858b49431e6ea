/*
 * EXPLAIN (ANALYZE, BUFFERS) of a step's hottest statements, captured once after its trials: the API names them
 * (GET /_scaleproof/statements: shapes by total time, one real example with its values), and each example runs
 * under EXPLAIN inside a transaction that is rolled back, so a write explained is not a write made. A one-round-
 * trip string (BEGIN; set_config ...; SELECT ...; COMMIT) runs its setup statements first (tenant context,
 * role), then the last one is explained: the plan is the one the API got, row-level security included.
 */
import pg from 'pg';
import type { ExplainedStatement } from './PlanReport.ts';

interface Sampled {
  shape: string;
  calls: number;
  totalMs: number;
  example: { text: string; values: unknown[] };
}

const EXPLAINABLE = /^\s*(select|with|insert|update|delete|values|table)\b/i;

export async function explainHottest(baseUrl: string, databaseUrl: string, top = 3): Promise<ExplainedStatement[]> {
  const res = await fetch(new URL(`/_scaleproof/statements?top=${top * 3}`, baseUrl));
  if (!res.ok) return [{ shape: '', calls: 0, totalMs: 0, error: `the API has no statement sampler (GET /_scaleproof/statements: HTTP ${res.status})` }];
  const { statements } = (await res.json()) as { statements: Sampled[] };
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'scaleproof-plan-explain' });
  await client.connect();
  const out: ExplainedStatement[] = [];
  try {
    for (const s of statements) {
      if (out.length >= top) break;
      const parts = splitStatements(s.example.text);
      const body = parts.filter((p) => !/^(begin|commit|start transaction)\b/i.test(p));
      const target = body.at(-1);
      // Transaction control alone (a bare BEGIN counted by a driver) is nothing to plan.
      if (!target || !EXPLAINABLE.test(target)) continue;
      const entry: ExplainedStatement = { shape: s.shape, calls: s.calls, totalMs: s.totalMs };
      try {
        await client.query('BEGIN');
        for (const setup of body.slice(0, -1)) await client.query(setup);
        const values = parts.length === 1 ? s.example.values : [];
        const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${target}`, values);
        entry.plan = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      } catch (err) {
        entry.error = (err as Error).message;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
      out.push(entry);
    }
  } finally {
    await client.end();
  }
  return out;
}

/** Splits a simple-protocol string on top-level semicolons (not inside quotes or dollar quotes). */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (text.startsWith(quote, i)) {
        cur += quote;
        i += quote.length - 1;
        quote = null;
      } else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '$') {
      const m = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
      if (m) {
        quote = m[0];
        cur += m[0];
        i += m[0].length - 1;
        continue;
      }
    } else if (ch === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
