/*
 * Cuts a dataset plan into COPY units: one per pin_analytics month (straight into its leaf partition, no
 * tuple routing) and one per other table. A unit is the regeneration granularity: its bytes depend only on
 * the plan, so a unit can be rendered again alone (after a retry, on another connection) and be identical.
 * The naive variant's pin_analytics is one plain table: its events are one unit, every month in one COPY,
 * since a COPY FREEZE unit truncates its relation first (copyUnit.ts) and so cannot share it with another.
 */
import type { DatasetPlan } from './datasetPlan.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import type { RowContext } from './RowContext.ts';
import { EVENT_COLUMNS, eventRows, eventRowsOf } from './rows/eventRows.ts';
import { EXPERIENCE_COLUMNS, experienceRows } from './rows/experienceRows.ts';
import { MATCH_COLUMNS, matchRows } from './rows/matchRows.ts';
import { PIN_COLUMNS, pinRows } from './rows/pinRows.ts';
import { PROFILE_COLUMNS, profileRows } from './rows/profileRows.ts';
import { SKILL_COLUMNS, skillRows } from './rows/skillRows.ts';

// Typical encoded bytes a row (measured at 1M users); Postgres's per-row work grows with it.
const ROW_BYTES = { pin_analytics: 59, profiles: 179, professional_pins: 160, pin_experiences: 95, pin_skills: 33, matches: 70 } as const;

export function eventUnits(plan: DatasetPlan, ctx: RowContext): LoadUnit[] {
  return plan.segments
    .filter((seg) => seg.count > 0)
    .map((seg) => ({ table: 'pin_analytics', relation: seg.partition, columns: EVENT_COLUMNS, rows: seg.count, weight: seg.count * ROW_BYTES.pin_analytics, render: () => eventRows(ctx, seg) }));
}

/** All events as one unit into the plain (unpartitioned) pin_analytics of the naive variant. */
export function flatEventUnits(plan: DatasetPlan, ctx: RowContext): LoadUnit[] {
  const rows = plan.rowCounts.pin_analytics;
  if (rows === 0) return [];
  return [{ table: 'pin_analytics', relation: 'pin_analytics', columns: EVENT_COLUMNS, rows, weight: rows * ROW_BYTES.pin_analytics, render: () => eventRowsOf(ctx, plan.segments) }];
}

export function entityUnits(plan: DatasetPlan, ctx: RowContext): LoadUnit[] {
  const end = plan.params.users + 1;
  const c = plan.rowCounts;
  return [
    { table: 'profiles', relation: 'profiles', columns: PROFILE_COLUMNS, rows: c.profiles, weight: c.profiles * ROW_BYTES.profiles, render: () => profileRows(ctx, 1, end) },
    { table: 'professional_pins', relation: 'professional_pins', columns: PIN_COLUMNS, rows: c.professional_pins, weight: c.professional_pins * ROW_BYTES.professional_pins, render: () => pinRows(ctx, 1, end) },
    { table: 'pin_experiences', relation: 'pin_experiences', columns: EXPERIENCE_COLUMNS, rows: c.pin_experiences, weight: c.pin_experiences * ROW_BYTES.pin_experiences, render: () => experienceRows(ctx, 1, end) },
    { table: 'pin_skills', relation: 'pin_skills', columns: SKILL_COLUMNS, rows: c.pin_skills, weight: c.pin_skills * ROW_BYTES.pin_skills, render: () => skillRows(ctx, 1, end) },
    { table: 'matches', relation: 'matches', columns: MATCH_COLUMNS, rows: c.matches, weight: c.matches * ROW_BYTES.matches, render: () => matchRows(ctx, 1, end) },
  ];
}
