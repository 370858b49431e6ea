/*
 * JSON text framed exactly as Postgres frames json_build_object and json_agg ({"k" : v, "k2" : v2} and
 * [a, b]), around member values that Postgres itself rendered as json text. The naive routes fetch each
 * table's part in its own query and assemble it here, so their bodies are byte-identical to the optimized
 * variant's single-query json_build_object (same ETag for the same row).
 */

/** json_build_object's output for these keys and json-text values (SQL NULL -> null). Keys are plain ASCII. */
export function jsonObjectText(entries: ReadonlyArray<readonly [key: string, json: string | null]>): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)} : ${v ?? 'null'}`).join(', ')}}`;
}

/** json_agg's output for these json-text elements; [] for none (the optimized SQL's coalesce(..., '[]')). */
export function jsonArrayText(elements: readonly string[]): string {
  return `[${elements.join(', ')}]`;
}
