/*
 * The pgbouncer.ini the harness's own pgBouncer runs with (pure, so a test can read it): transaction pooling,
 * one database alias per schema. A client cannot choose its schema through pgBouncer (it does not forward the
 * startup `options`, and a SET would leak to the next client of the server connection), so each alias's
 * connect_query sets search_path, and statement_timeout, once per server connection: every server connection
 * of an alias serves one schema. pg sends statement_timeout as a startup parameter, which pgBouncer would
 * refuse, so it is ignored there and set by the alias instead.
 */
export interface PgBouncerAlias {
  /** The database name clients use (the schema's name). */
  alias: string;
  /** The schema every server connection of the alias is set to (then `public`, for extensions). */
  schema: string;
}

export interface PgBouncerConfigInput {
  /** The Postgres the pool connects to: host, port, database, user, password are taken from it. */
  serverUrl: string;
  aliases: readonly PgBouncerAlias[];
  port: number;
  authFile: string;
  /** The user clients (and the admin console) log in as. */
  clientUser: string;
  poolSize: number;
  maxClientConn: number;
  statementTimeoutMs: number;
  /** pgBouncer >= 1.21 keeps protocol-level prepared statements in transaction mode when this is > 0. */
  maxPreparedStatements: number;
}

const PLAIN = /^[a-z_][a-z0-9_]{0,62}$/;

/** A libpq-style value for pgBouncer's [databases] line, quoted with '' doubled. */
function value(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

export function pgBouncerConfig(i: PgBouncerConfigInput): string {
  const server = new URL(i.serverUrl);
  const dbname = decodeURIComponent(server.pathname.replace(/^\//, '')) || 'postgres';
  const user = decodeURIComponent(server.username || 'postgres');
  const password = decodeURIComponent(server.password);
  const lines = ['[databases]'];
  for (const a of i.aliases) {
    if (!PLAIN.test(a.alias) || !PLAIN.test(a.schema)) throw new Error(`not a plain alias/schema name: ${a.alias}/${a.schema}`);
    const connectQuery = `SET search_path = ${a.schema}, public; SET statement_timeout = ${i.statementTimeoutMs}`;
    const parts = [
      `host=${value(server.hostname.replace(/^\[|\]$/g, ''))}`,
      `port=${server.port || '5432'}`,
      `dbname=${value(dbname)}`,
      `user=${value(user)}`,
      ...(password ? [`password=${value(password)}`] : []),
      `connect_query=${value(connectQuery)}`,
    ];
    lines.push(`${a.alias} = ${parts.join(' ')}`);
  }
  lines.push(
    '',
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${i.port}`,
    'unix_socket_dir =',
    'auth_type = scram-sha-256',
    `auth_file = ${i.authFile}`,
    `admin_users = ${i.clientUser}`,
    `stats_users = ${i.clientUser}`,
    'pool_mode = transaction',
    `default_pool_size = ${i.poolSize}`,
    'min_pool_size = 0',
    'reserve_pool_size = 0',
    `max_client_conn = ${i.maxClientConn}`,
    // pg's startup packet carries these; search_path and statement_timeout come from the alias instead.
    'ignore_startup_parameters = extra_float_digits,statement_timeout',
    ...(i.maxPreparedStatements > 0 ? [`max_prepared_statements = ${i.maxPreparedStatements}`] : []),
    'server_lifetime = 3600',
    'server_idle_timeout = 60',
    'log_connections = 0',
    'log_disconnections = 0',
    'log_pooler_errors = 1',
    '',
  );
  return lines.join('\n');
}

/** userlist.txt: the one client user with its (generated) password. */
export function pgBouncerUserlist(user: string, password: string): string {
  return `"${user.replace(/"/g, '""')}" "${password.replace(/"/g, '""')}"\n`;
}
