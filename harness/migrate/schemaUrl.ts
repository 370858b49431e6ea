/*
 * Each workload x variant lives in its own Postgres schema. The schema is chosen per connection with the
 * startup option search_path, so every statement of the migrations, the seeder and the API stays unqualified
 * and the same SQL serves every variant; `public` stays on the path for extensions (pg_stat_statements).
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/** "school" + "naive" -> "school_naive". */
export function schemaName(workload: string, variant: string): string {
  const name = `${workload}_${variant}`;
  if (!SCHEMA_RE.test(name)) throw new ScaleproofError('SP_CONFIG', `workload/variant names must be lowercase letters, digits and _, got ${JSON.stringify(name)}`);
  return name;
}

/** The same URL with search_path = schema, public for every connection opened from it. */
export function withSchema(databaseUrl: string, schema: string): string {
  if (!SCHEMA_RE.test(schema)) throw new ScaleproofError('SP_CONFIG', `not a plain schema name: ${JSON.stringify(schema)}`);
  const u = new URL(databaseUrl);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

/** The schema a URL made by withSchema selects, or undefined (the server's default search_path). */
export function schemaOf(databaseUrl: string): string | undefined {
  const opts = new URL(databaseUrl).searchParams.get('options') ?? '';
  return /search_path=([a-z_][a-z0-9_]*)/.exec(opts)?.[1];
}
