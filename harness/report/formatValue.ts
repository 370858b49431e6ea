/*
 * Number formatting shared by every report, so the terminal table, report.md and report.html print the
 * same figure for the same value. Milliseconds keep three significant digits (the HDR precision).
 */
export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function fmtRate(perS: number | null | undefined): string {
  if (perS === null || perS === undefined || !Number.isFinite(perS)) return 'n/a';
  return perS.toFixed(1);
}

export function fmtCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return 'n/a';
  return String(Math.round(n));
}

/** A ratio 0..1 as a percentage with one decimal. */
export function fmtRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return 'n/a';
  return `${(r * 100).toFixed(1)}%`;
}

/** A threshold's observed value: as precise as the comparison needs, without float noise. */
export function fmtObserved(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) < 1) return String(Number(v.toPrecision(4)));
  return String(Number(v.toFixed(3)));
}

export function fmtBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

/** Signed percentage for changes: +12.3%. */
export function fmtChange(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return 'n/a';
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;
}
