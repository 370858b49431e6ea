/*
 * The five plans' claims files (thresholds/<workload>Claims.ts) are well-formed data for bench:plan: ids unique,
 * every step runs a variant the workload has, every claim names steps that exist, measurable claims carry a
 * metric and both steps, the others a reason; and every quote occurs verbatim in its seed, under its section.
 * The seeds live outside the repo (../shared/seeds/); test/fixtures/seeds/ holds byte-for-byte copies so this
 * runs in a fresh clone (CI clones the repo alone).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanClaims } from '../../harness/plan/PlanClaims.ts';
import { workloads } from '../../scenarios/registry.ts';
import { analyticsClaims } from '../../thresholds/analyticsClaims.ts';
import { catalogClaims } from '../../thresholds/catalogClaims.ts';
import { marketplaceClaims } from '../../thresholds/marketplaceClaims.ts';
import { ridersClaims } from '../../thresholds/ridersClaims.ts';
import { schoolClaims } from '../../thresholds/schoolClaims.ts';

const SEEDS = path.join(import.meta.dirname, '../fixtures/seeds');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const files: Record<string, PlanClaims> = { analytics: analyticsClaims, school: schoolClaims, riders: ridersClaims, marketplace: marketplaceClaims, catalog: catalogClaims };

/** Markdown headings of the seed with their level and character offset. */
function headings(text: string): Array<{ title: string; level: number; at: number }> {
  const out: Array<{ title: string; level: number; at: number }> = [];
  let at = 0;
  let inCode = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const m = /^(#{1,6})\s+(.*)$/.exec(line);
    if (m && !inCode) out.push({ title: m[2]!.trim(), level: m[1]!.length, at });
    at += line.length + 1;
  }
  return out;
}

/** Offsets of every occurrence of `quote` in `text`. */
function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

/** Whether some occurrence of the quote lies under a heading titled (or ending with) `section`, before the next heading of its level or above. */
function underSection(text: string, quote: string, section: string): boolean {
  const hs = headings(text);
  return hs.some((h, i) => {
    if (h.title !== section && !h.title.endsWith(section)) return false;
    const next = hs.slice(i + 1).find((n) => n.level <= h.level);
    const end = next ? next.at : text.length;
    return occurrences(text, quote).some((at) => at > h.at && at < end);
  });
}

it('every registered workload has a claims file, and only those', () => {
  expect(Object.keys(files).sort()).toEqual(Object.keys(workloads).sort());
});

describe.each(Object.entries(files))('%s claims', (name, claims) => {
  const seed = fs.readFileSync(path.join(SEEDS, claims.seedFile), 'utf8');

  it('names its workload and that workload\'s seed file', async () => {
    const workload = await workloads[name]!();
    expect(claims.workload).toBe(name);
    expect(claims.seedFile).toBe(workload.seedFile);
  });

  it("has unique step ids, each running a variant the workload has, with naive and optimized among them", async () => {
    const workload = await workloads[name]!();
    const ids = claims.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['naive', 'optimized']));
    const missing = claims.steps.filter((s) => !(s.variant in workload.variants)).map((s) => `${s.id} -> ${s.variant}`);
    expect(missing, `steps whose variant ${name} does not register`).toEqual([]);
  });

  it('has unique kebab-case claim ids and at least one measurable claim', () => {
    const ids = claims.claims.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !KEBAB.test(id))).toEqual([]);
    expect(claims.claims.some((c) => c.notMeasurable === undefined)).toBe(true);
  });

  it.each(claims.claims.map((c) => [c.id, c] as const))('%s: is measurable with a metric and two steps, or says why not', async (_id, c) => {
    const steps = new Set(claims.steps.map((s) => s.id));
    const values = [c.claimed.before, c.claimed.after, c.claimed.factor].filter((v) => v !== undefined);
    expect(values.length, 'a claim states at least one number').toBeGreaterThan(0);
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    if (c.claimed.factor !== undefined) expect(c.claimed.factor).toBeGreaterThanOrEqual(1);
    expect(c.unit.length).toBeGreaterThan(0);
    if (c.notMeasurable !== undefined) {
      expect(c.notMeasurable.trim().length, 'the reason').toBeGreaterThan(10);
      expect(c.metric).toBeUndefined();
    } else {
      expect(c.metric, 'a measurable claim has a metric').toBeDefined();
      expect(steps.has(c.before ?? ''), `before step ${c.before}`).toBe(true);
      expect(steps.has(c.after ?? ''), `after step ${c.after}`).toBe(true);
      expect(c.before).not.toBe(c.after);
      const endpoint = c.metric?.kind === 'queriesPerRequest' || c.metric?.kind === 'latency' ? c.metric.endpoint : undefined;
      if (endpoint !== undefined) expect(Object.keys((await workloads[name]!()).endpoints), 'the endpoint its metric names').toContain(endpoint);
    }
  });

  it.each(claims.claims.map((c) => [c.id, c] as const))('%s: its quote occurs verbatim in the seed, under its section', (_id, c) => {
    expect(c.quote.trim().length).toBeGreaterThan(0);
    expect(seed.includes(c.quote), `quote not in ${claims.seedFile}: ${JSON.stringify(c.quote)}`).toBe(true);
    expect(underSection(seed, c.quote, c.section), `quote not under heading "${c.section}"`).toBe(true);
  });
});
