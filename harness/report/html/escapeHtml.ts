/* Escaping for the self-contained HTML pages: text/attributes, and JSON embedded in a <script> element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON safe inside <script type="application/json">: "<", ">" and "&" become \u escapes (so "</script>" or
 * "<!--" in any string cannot end or change the element) and U+2028/2029 are escaped too. JSON.parse of the
 * element's text gives the original value back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline JS/CSS must not contain a closing tag of its own element; fail loudly rather than emit a broken page. */
export function assertInlineSafe(code: string, tag: 'script' | 'style', what: string): string {
  if (new RegExp(`</${tag}`, 'i').test(code)) throw new Error(`${what} contains "</${tag}" and cannot be inlined`);
  return code;
}

/** Content-Security-Policy that forbids every network fetch: the page may only run what it carries inline. */
export const OFFLINE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";
