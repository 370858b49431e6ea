/*
 * Cuts a school plan into COPY units: one per attendance month (straight into its leaf partition, no tuple
 * routing) and one per other table. One unit per relation, because COPY FREEZE needs the relation truncated
 * in the COPY's own transaction. A unit's bytes depend only on the plan, so it can be rendered again alone.
 */
import type { LoadUnit } from '../engine/LoadUnit.ts';
import type { SchoolPlan, SchoolTable } from './schoolPlan.ts';
import type { SchoolRowContext } from './SchoolRowContext.ts';
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import { ATTENDANCE_COLUMNS, attendanceRows } from './rows/attendanceRows.ts';
import { ACADEMIC_YEAR_COLUMNS, CLASS_COLUMNS, SCHOOL_COLUMNS, SUBJECT_COLUMNS, academicYearRows, classRows, schoolRows, subjectRows } from './rows/districtRows.ts';
import { RESOURCE_COLUMNS, resourceRows } from './rows/resourceRows.ts';
import { STUDENT_COLUMNS, studentRows } from './rows/studentRows.ts';
import { SUBMISSION_COLUMNS, TASK_COLUMNS, submissionRows, taskRows } from './rows/taskRows.ts';
import { MARK_COLUMNS, TEST_COLUMNS, markRows, testRows } from './rows/testRows.ts';

// Typical encoded bytes a row (measured at 1M students): the scheduler starts the biggest units first.
const ROW_BYTES: Record<SchoolTable, number> = {
  attendance: 60, task_submissions: 42, test_marks: 44, student: 150, tasks: 150, tests: 110, learning_resources: 140,
  class_instances: 80, subjects: 50, academic_years: 50, schools: 70,
};

export function attendanceUnits(plan: SchoolPlan, ctx: SchoolRowContext): LoadUnit[] {
  return plan.months.map((m) => ({
    table: 'attendance', relation: m.partition, columns: ATTENDANCE_COLUMNS, rows: m.rows, weight: m.rows * ROW_BYTES.attendance,
    render: () => attendanceRows(ctx, plan.calendar.days, m.firstDay, m.endDay),
  }));
}

export function tableUnits(plan: SchoolPlan, ctx: SchoolRowContext): LoadUnit[] {
  const cal = plan.calendar;
  const unit = (table: Exclude<SchoolTable, 'attendance'>, columns: readonly string[], render: () => Generator<CopyChunk>): LoadUnit => ({
    table, relation: table, columns, rows: plan.rowCounts[table], weight: plan.rowCounts[table] * ROW_BYTES[table], render,
  });
  return [
    unit('task_submissions', SUBMISSION_COLUMNS, () => submissionRows(ctx, cal)),
    unit('test_marks', MARK_COLUMNS, () => markRows(ctx, cal)),
    unit('student', STUDENT_COLUMNS, () => studentRows(ctx, cal)),
    unit('tasks', TASK_COLUMNS, () => taskRows(ctx, cal)),
    unit('tests', TEST_COLUMNS, () => testRows(ctx, cal)),
    unit('learning_resources', RESOURCE_COLUMNS, () => resourceRows(ctx, cal)),
    unit('class_instances', CLASS_COLUMNS, () => classRows(ctx, cal)),
    unit('subjects', SUBJECT_COLUMNS, () => subjectRows(ctx)),
    unit('academic_years', ACADEMIC_YEAR_COLUMNS, () => academicYearRows(ctx, cal)),
    unit('schools', SCHOOL_COLUMNS, () => schoolRows(ctx)),
  ];
}
