/*
 * A pg Client that sends every statement unnamed. pg's QueryConfig `name` makes a protocol-level prepared
 * statement that lives on the server connection; behind a transaction-mode pooler that does not track them
 * (pgBouncer before 1.21, or max_prepared_statements = 0) the next transaction may run on another server
 * connection, where it is missing ("prepared statement sp_... does not exist") or, worse, another client's. The
 * unnamed statement is parsed and bound in the same round trip, so it is correct under any pooler.
 */
import pg from 'pg';

type QueryFn = (...args: unknown[]) => unknown;

export class UnnamedStatementClient extends pg.Client {}

const named = (config: unknown): config is { name: unknown } =>
  typeof config === 'object' && config !== null && 'name' in config && typeof (config as { submit?: unknown }).submit !== 'function';

const baseQuery = pg.Client.prototype.query as unknown as QueryFn;
(UnnamedStatementClient.prototype as unknown as { query: QueryFn }).query = function query(this: pg.Client, config: unknown, ...rest: unknown[]) {
  if (named(config)) {
    const { name: _name, ...unnamed } = config as Record<string, unknown>;
    return baseQuery.call(this, unnamed, ...rest);
  }
  return baseQuery.call(this, config, ...rest);
};
