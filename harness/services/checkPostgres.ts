/* Connects once to a Postgres URL and turns driver failures into coded errors that say the fix. */
import pg from 'pg';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { redactUrl } from './redactUrl.ts';

export async function checkPostgres(url: string, timeoutMs = 5000): Promise<{ serverVersion: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined); // a dying connection is reported by connect()/query() below
  const where = redactUrl(url);
  try {
    await client.connect();
    const r = await client.query<{ server_version: string }>('SHOW server_version');
    return { serverVersion: r.rows[0]?.server_version ?? 'unknown' };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === '28P01' || e.code === '28000') {
      throw new ScaleproofError('SP_DB_AUTH', `Postgres at ${where} refused the credentials (${e.code}); fix the user/password in DATABASE_URL.`, {}, { cause: err });
    }
    if (e.code === '3D000') {
      throw new ScaleproofError('SP_CONFIG', `Postgres at ${where} has no such database; create it or fix DATABASE_URL.`, {}, { cause: err });
    }
    throw new ScaleproofError('SP_DB_UNREACHABLE', `Postgres at ${where} is unreachable (${e.code ?? e.message ?? 'no answer'}); start it or fix DATABASE_URL (unset it to use embedded Postgres).`, {}, { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}
