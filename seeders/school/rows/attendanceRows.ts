/*
 * attendance rows of the term's school days that fall in one month (one leaf partition), day by day, every
 * student of the district each day, in student order (a class's 40 rows are adjacent, as a teacher marks
 * them). Status: absent with the student's own risk (absencePerMille, studentRows.ts), late 3%, else
 * present. marked_at is 08:30 UTC plus a minute per class index in its school. rows = students x days.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { CLASSES_PER_SCHOOL, STUDENTS_PER_CLASS, TERM_SCHOOL_DAYS } from '../../../scenarios/school/layout.ts';
import { SchoolHash, type SchoolRowContext } from '../SchoolRowContext.ts';
import { absencePerMille } from './studentRows.ts';

export const ATTENDANCE_COLUMNS = ['student_id', 'class_instance_id', 'date', 'status', 'marked_at'] as const;

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late'] as const;
const STATUS_BYTES = ATTENDANCE_STATUSES.map((s) => new TextEncoder().encode(s));
const LATE_PER_MILLE = 30;
const MARKED_MS = 8.5 * 3_600_000;
const MAX_ATTENDANCE_ROW_BYTES = 96;

/** 0 present, 1 absent, 2 late for student `studentId` on term day `dayIndex`. */
export function attendanceStatus(seed: number, studentId: number, dayIndex: number, absent: number): number {
  const u = columnHash(rowKey(seed, SchoolHash.attendance, (studentId - 1) * TERM_SCHOOL_DAYS + dayIndex), 0) % 1000;
  return u < absent ? 1 : u < absent + LATE_PER_MILLE ? 2 : 0;
}

/** Per-student absence risk, computed once per unit (2 bytes a student). */
function absenceTable(seed: number, students: number): Uint16Array {
  const t = new Uint16Array(students + 1);
  for (let s = 1; s <= students; s++) t[s] = absencePerMille(seed, s);
  return t;
}

/** Rows of term days [firstDay, endDay) (indexes into cal.days), which must lie in one month. */
export function* attendanceRows(ctx: SchoolRowContext, days: readonly number[], firstDay: number, endDay: number): Generator<CopyChunk> {
  const { seed, students } = ctx;
  const absent = absenceTable(seed, students);
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let d = firstDay; d < endDay; d++) {
    const dayMs = days[d]!;
    const markedBase = dayMs + MARKED_MS;
    for (let s = 1; s <= students; s++) {
      if (w.full(MAX_ATTENDANCE_ROW_BYTES)) yield w.take();
      const classId = Math.ceil(s / STUDENTS_PER_CLASS);
      w.row(5);
      w.int8(s);
      w.int8(classId);
      w.dateMs(dayMs);
      w.bytes(STATUS_BYTES[attendanceStatus(seed, s, d, absent[s]!)]!);
      w.timestamptzMs(markedBase + ((classId - 1) % CLASSES_PER_SCHOOL) * 60_000);
    }
  }
  yield w.finish();
}
