/*
 * The shape of a school dataset before any row exists: exact row counts per table, the term's calendar, and
 * the term's school days cut into calendar months (one attendance leaf partition each). Submissions and
 * marks are counted by walking the same hashes the renderers use (about 16M cheap hash calls at 1M students).
 */
import {
  RESOURCES_PER_CLASS, SUBJECTS_PER_SCHOOL, TASKS_PER_CLASS, TESTS_PER_CLASS, classCount, schoolCount,
} from '../../scenarios/school/layout.ts';
import type { SchoolSeedParameters } from './SchoolParameters.ts';
import { termCalendar, type TermCalendar } from './termCalendar.ts';
import { countSubmissions } from './rows/taskRows.ts';
import { countMarks } from './rows/testRows.ts';

/** Seeded tables, biggest first (SchoolDataset.tables). */
export const SCHOOL_TABLES = [
  'attendance', 'task_submissions', 'test_marks', 'student', 'tasks', 'tests', 'learning_resources', 'class_instances',
  'subjects', 'academic_years', 'schools',
] as const;
export type SchoolTable = (typeof SCHOOL_TABLES)[number];

export interface AttendanceMonth {
  /** Leaf partition, attendance_yYYYYmMM. */
  partition: string;
  /** First day of its month, YYYY-MM-DD. */
  monthStart: string;
  /** Term day indexes [firstDay, endDay). */
  firstDay: number;
  endDay: number;
  rows: number;
}

export interface SchoolPlan {
  params: SchoolSeedParameters;
  calendar: TermCalendar;
  months: AttendanceMonth[];
  rowCounts: Record<SchoolTable, number>;
}

export function attendancePartitionName(dayMs: number): string {
  const d = new Date(dayMs);
  return `attendance_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function planSchoolDataset(params: SchoolSeedParameters): SchoolPlan {
  const asOfMs = new Date(params.asOf).getTime();
  const calendar = termCalendar(asOfMs, TASKS_PER_CLASS, TESTS_PER_CLASS);
  const months: AttendanceMonth[] = [];
  calendar.days.forEach((day, i) => {
    const partition = attendancePartitionName(day);
    const last = months[months.length - 1];
    if (last?.partition === partition) {
      last.endDay = i + 1;
      last.rows += params.users;
    } else {
      months.push({ partition, monthStart: new Date(day).toISOString().slice(0, 8) + '01', firstDay: i, endDay: i + 1, rows: params.users });
    }
  });
  const schools = schoolCount(params.users);
  const classes = classCount(params.users);
  return {
    params,
    calendar,
    months,
    rowCounts: {
      attendance: params.users * calendar.days.length,
      task_submissions: countSubmissions(params.seed, calendar, params.users),
      test_marks: countMarks(params.seed, params.users),
      student: params.users,
      tasks: classes * TASKS_PER_CLASS,
      tests: classes * TESTS_PER_CLASS,
      learning_resources: classes * RESOURCES_PER_CLASS,
      class_instances: classes,
      subjects: schools * SUBJECTS_PER_SCHOOL,
      academic_years: schools,
      schools,
    },
  };
}
