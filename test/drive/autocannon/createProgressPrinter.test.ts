import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressPrinter } from '../../../harness/drive/autocannon/createProgressPrinter.ts';
import type { DriveProgress } from '../../../harness/drive/autocannon/DriveProgress.ts';

function sink(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const s = new Writable({
    write(chunk, _enc, cb) {
      s.text += String(chunk);
      cb();
    },
  }) as Writable & { isTTY: boolean; text: string };
  s.isTTY = isTTY;
  s.text = '';
  return s;
}

const at = (elapsedS: number): DriveProgress => ({ phase: 'measured', elapsedS, durationS: 30, requests: 1234 * elapsedS, rps: 1234, p95Ms: 12.34, errors: 2 });

describe('createProgressPrinter', () => {
  it('rewrites one line in place on a terminal and ends it when done', () => {
    const out = sink(true);
    const print = createProgressPrinter(out);
    for (let s = 1; s <= 3; s++) print(at(s));
    print.done();
    expect(out.text.split('\r\x1b[2K')).toHaveLength(4);
    expect(out.text.endsWith('\n')).toBe(true);
    expect(out.text.split('\n')).toHaveLength(2);
    expect(out.text).toContain('[measured] 3/30 s  requests 3,702  1,234 req/s  p95 12.3 ms  errors 2');
  });

  it('prints one plain line every 5 seconds elsewhere', () => {
    const out = sink(false);
    const print = createProgressPrinter(out);
    for (let s = 1; s <= 12; s++) print({ ...at(s), p95Ms: s === 10 ? null : 12.34 });
    print.done();
    const lines = out.text.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[measured\] 5\/30 s /);
    expect(lines[1]).toMatch(/^\[measured\] 10\/30 s .* p95 - /);
    expect(out.text).not.toContain('\r');
  });
});
