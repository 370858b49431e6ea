/* No connection-string password reaches any report file, wherever in the summary it was written. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regressionGate } from '../../harness/compare/regressionGate.ts';
import { writeComparison } from '../../harness/compare/writeComparison.ts';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import { readSummary } from '../../harness/report/readSummary.ts';
import { redactOutput } from '../../harness/report/redactSummary.ts';
import { writeReports } from '../../harness/report/writeReports.ts';
import { syntheticRun } from './syntheticRun.ts';

const SECRET = 's3cr3t-Pa55';

function leakySummary(): RunSummary {
  const s = syntheticRun({
    seed: 21,
    thresholds: [{ metric: 'http_req_duration', expression: 'p(95)<800' }],
    environment: {
      target: `postgres://app:${SECRET}@db.internal:5432/pins`,
      dataset: { source: `postgresql://loader:${SECRET}@10.0.0.5/seed`, seed: 42 },
      method: `DATABASE_URL=postgres://user:${SECRET}@127.0.0.1:5432/bench REDIS_URL=redis://:${SECRET}@cache:6379 pnpm bench:analytics`,
    },
  });
  s.runId = 'leaky-run';
  s.validity.notes.push(`driver said: connect ECONNREFUSED for postgres://user:${SECRET}@127.0.0.1/bench (password ${SECRET})`);
  s.thresholds[0]!.note = `https://admin:${SECRET}@grafana.example/d/1`;
  return s;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sp-redact-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report redaction', () => {
  it('the test input really carries the password in environment.target, dataset, method, notes and a threshold note', () => {
    const s = leakySummary();
    expect(JSON.stringify(s.environment.target)).toContain(SECRET);
    expect(JSON.stringify(s.environment.dataset)).toContain(SECRET);
    expect(s.environment.method).toContain(SECRET);
  });

  it('writes no password into summary.json, report.md, report.html, junit.xml or bmf.json', async () => {
    const out = path.join(dir, 'run');
    const { files } = await writeReports(leakySummary(), out);
    expect(Object.keys(files)).toHaveLength(5);
    for (const name of await readdir(out)) {
      const text = await readFile(path.join(out, name), 'utf8');
      expect(text, name).not.toContain(SECRET);
    }
    const md = await readFile(files['report.md']!, 'utf8');
    expect(md).toContain('db.internal'); // the rest of the URL is still there to read
  });

  it('keeps summary.json readable and the histograms intact after redaction', async () => {
    const original = leakySummary();
    const back = await readSummary(path.join(dir, 'run'));
    expect(back.environment.target).toBe('postgres://app:***@db.internal:5432/pins');
    expect(back.environment.method).toContain('postgres://user:***@127.0.0.1:5432/bench');
    expect(back.environment.method).toContain('redis://:***@cache:6379');
    expect(back.validity.notes[0]).toContain('(password ***)');
    expect(back.totals.histogram).toBe(original.totals.histogram);
  });

  it('writes no password into compare.md or compare.html either', async () => {
    const a = leakySummary();
    const b = leakySummary();
    b.runId = `other postgres://x:${SECRET}@h/db`;
    const gate = regressionGate(a, b, { maxRegression: 0.1 });
    const { files } = await writeComparison(gate.comparison, path.join(dir, 'cmp'), { result: gate, maxRegression: 0.1 });
    for (const f of Object.values(files)) expect(await readFile(f, 'utf8'), f).not.toContain(SECRET);
  });
});

describe('redactOutput', () => {
  it('masks URL-shaped credentials of any scheme, with or without a user name, and leaves other text alone', () => {
    const text = `a postgres://u:${SECRET}@h/db b redis://:${SECRET}@cache:6379 c https://admin:${SECRET}@x.example/p d mailto:someone@example.com e p(95)<800`;
    const out = redactOutput(text);
    expect(out).not.toContain(SECRET);
    expect(out).toContain('postgres://u:***@h/db');
    expect(out).toContain('redis://:***@cache:6379');
    expect(out).toContain('https://admin:***@x.example/p');
    expect(out).toContain('mailto:someone@example.com e p(95)<800');
  });
});
