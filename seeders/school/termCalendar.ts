/*
 * The term's dates as the seeder uses them (epoch ms at 00:00 UTC), from scenarios/school/layout.ts: the
 * school days of the term, each task's assigned and due day, each test's day, and the academic year that
 * holds the term (1 August to 31 July).
 */
import { TASK_LEAD_SCHOOL_DAYS, TERM_SCHOOL_DAYS, schoolDayMs, taskDueIndex, testDayIndex } from '../../scenarios/school/layout.ts';

export const DAY_MS = 86_400_000;

export interface TermCalendar {
  asOfMs: number;
  /** The term's school days, first to last. */
  days: number[];
  /** Per task index k: assigned and due day. */
  taskAssignedMs: number[];
  taskDueMs: number[];
  /** Per test index j: its day. */
  testMs: number[];
  yearStartMs: number;
  yearEndMs: number;
  /** e.g. "2026-27". */
  yearName: string;
}

export function termCalendar(asOfMs: number, tasksPerClass: number, testsPerClass: number): TermCalendar {
  const days = Array.from({ length: TERM_SCHOOL_DAYS }, (_, i) => schoolDayMs(asOfMs, i));
  const taskDueMs = Array.from({ length: tasksPerClass }, (_, k) => schoolDayMs(asOfMs, taskDueIndex(k)));
  const taskAssignedMs = Array.from({ length: tasksPerClass }, (_, k) => schoolDayMs(asOfMs, taskDueIndex(k) - TASK_LEAD_SCHOOL_DAYS));
  const testMs = Array.from({ length: testsPerClass }, (_, j) => schoolDayMs(asOfMs, testDayIndex(j)));
  const first = new Date(days[0]!);
  const y = first.getUTCMonth() >= 7 ? first.getUTCFullYear() : first.getUTCFullYear() - 1;
  return {
    asOfMs, days, taskAssignedMs, taskDueMs, testMs,
    yearStartMs: Date.UTC(y, 7, 1),
    yearEndMs: Date.UTC(y + 1, 6, 31),
    yearName: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
  };
}
