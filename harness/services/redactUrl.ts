/* Connection strings are printed and stored in reports; their passwords never are. */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const u = new URL(url);
    if (!u.password) return url; // nothing to hide: keep it exactly as given
    u.password = '***';
    return u.toString();
  } catch {
    // Not a URL we can parse: strip anything that looks like user:pass@.
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/** Removes every password of the given URLs from free text (error messages from drivers, child stderr). */
export function redactText(text: string, urls: ReadonlyArray<string | undefined>): string {
  let out = text.replace(/(postgres(?:ql)?|rediss?):\/\/([^:/@\s]+):[^@\s]*@/g, '$1://$2:***@');
  for (const url of urls) {
    if (!url) continue;
    try {
      const pw = decodeURIComponent(new URL(url).password);
      if (pw) out = out.split(pw).join('***');
    } catch {
      /* unparseable URL: the regex above already covered the common shape */
    }
  }
  return out;
}
