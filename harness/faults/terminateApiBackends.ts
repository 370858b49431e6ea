/*
 * pg-restart against a Postgres the harness did not start (DATABASE_URL): restarting someone else's server is
 * not ours to do, so the fault terminates the API's own connections instead (application_name scaleproof-api-*,
 * set by the platform's pools), which the API sees as a server restart would look to it. Nothing is held down:
 * the pools reconnect at once.
 */
import pg from 'pg';
import type { ServiceOutage } from '../services/ServiceHandle.ts';

export function terminateApiBackends(databaseUrl: string): ServiceOutage {
  return {
    method: "pg_terminate_backend of the API's connections (external DATABASE_URL: the server itself is not restarted)",
    down: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'scaleproof-api-%'`);
      } finally {
        await client.end();
      }
    },
    up: async () => undefined,
  };
}
