/* "%text%" for ILIKE with the text's own %, _ and \ escaped, so a search for "a_b" matches "a_b" only. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
