/*
 * A small YAML writer for the k6-operator manifest (plain objects, arrays, strings, numbers, booleans), so the
 * runtime needs no YAML library. Every string is written JSON-quoted (a valid YAML double-quoted scalar, so no
 * value can be misread as a number, a boolean or a comment), except multi-line text, written as a literal block.
 */
type Yaml = string | number | boolean | null | readonly Yaml[] | { readonly [k: string]: Yaml | undefined };

const pad = (n: number) => ' '.repeat(n);

function scalar(v: string | number | boolean | null, indent: number): string {
  if (typeof v === 'string' && v.includes('\n')) {
    const chomp = v.endsWith('\n') ? '|' : '|-';
    return `${chomp}\n${v.replace(/\n$/, '').split('\n').map((l) => (l ? pad(indent) + l : '')).join('\n')}`;
  }
  return JSON.stringify(v);
}

const isScalar = (v: Yaml): v is string | number | boolean | null => v === null || typeof v !== 'object';

function block(v: Yaml, indent: number): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return v.map((item: Yaml) => `${pad(indent)}-${isScalar(item) ? ' ' + scalar(item, indent + 2) : '\n' + block(item, indent + 2)}`).join('\n')
      .replace(new RegExp(`-\\n${pad(indent + 2)}`, 'g'), '- ');
  }
  if (isScalar(v)) return scalar(v, indent);
  const entries = Object.entries(v as Record<string, Yaml | undefined>).filter((e): e is [string, Yaml] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return entries
    .map(([k, val]) => {
      const key = /^[A-Za-z_][\w.-]*$/.test(k) ? k : JSON.stringify(k);
      if (isScalar(val)) return `${pad(indent)}${key}: ${scalar(val, indent + 2)}`;
      const empty = Array.isArray(val) ? val.length === 0 : Object.keys(val).length === 0;
      return empty ? `${pad(indent)}${key}: ${block(val, 0)}` : `${pad(indent)}${key}:\n${block(val, Array.isArray(val) ? indent : indent + 2)}`;
    })
    .join('\n');
}

/** One YAML document per value, separated by `---`. */
export function toYaml(docs: readonly Yaml[]): string {
  return docs.map((d) => `---\n${block(d, 0)}\n`).join('');
}

export type { Yaml };
