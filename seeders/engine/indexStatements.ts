/*
 * The CREATE INDEX statements of a schema's index file, parsed once for both seeders: they drop exactly these
 * before a bulk load and rebuild them after it (the file stays the one list of indexes).
 */

export interface IndexStatement {
  sql: string;
  name: string;
  table: string;
  unique: boolean;
  /** Everything after "ON <table>": method, columns, INCLUDE, WHERE. */
  tail: string;
}

/** A quoted SQL identifier. */
export const ident = (name: string) => '"' + name.replace(/"/g, '""') + '"';

const STATEMENT = /^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)([A-Za-z_][\w$]*)\2\s+ON\s+(?:ONLY\s+)?([A-Za-z_][\w$]*)\s+([\s\S]*)$/i;

/** Parses an index file's text (`file` names it in errors); comments are dropped, anything but CREATE INDEX is an error. */
export function parseIndexStatements(text: string, file: string): IndexStatement[] {
  return text.replace(/--[^\n]*/g, '').split(';').map((s) => s.trim()).filter(Boolean).map((sql) => {
    const m = STATEMENT.exec(sql);
    if (!m) throw new Error(`${file}: cannot read statement ${JSON.stringify(sql.slice(0, 80))}; an index file holds only CREATE INDEX statements`);
    return { sql, unique: Boolean(m[1]), name: m[3]!, table: m[4]!, tail: m[5]! };
  });
}
