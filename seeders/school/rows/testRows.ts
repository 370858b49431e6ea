/*
 * tests (one per subject per class in the term, layout.ts) and test_marks. 95% of a class sits a test; a
 * student's score is their ability (45..90%, studentRows.ts) plus up to +-15 points of the day, clamped to
 * 0..100%, times the test's max marks (20, 25, 50 or 100). Rows come out in primary key order.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import {
  STUDENTS_PER_CLASS, SUBJECT_NAMES, SUBJECTS_PER_SCHOOL, TESTS_PER_CLASS, academicYearIdOfSchool, classCount, classSize,
  firstStudentOfClass, schoolIdOfClass, subjectId, testId,
} from '../../../scenarios/school/layout.ts';
import { MAX_ROW_BYTES, SchoolHash, type SchoolRowContext } from '../SchoolRowContext.ts';
import { DAY_MS, type TermCalendar } from '../termCalendar.ts';
import { abilityPercent } from './studentRows.ts';

export const TEST_COLUMNS = ['id', 'school_id', 'class_instance_id', 'subject_id', 'academic_year_id', 'title', 'test_date', 'max_marks', 'created_at'] as const;
export const MARK_COLUMNS = ['test_id', 'student_id', 'marks_obtained', 'max_marks', 'created_at'] as const;

const encoder = new TextEncoder();
const SUBJECT_BYTES = SUBJECT_NAMES.map((s) => encoder.encode(s));
const UNIT_TEST = encoder.encode(' unit test: ');
const MAX_MARKS = [20, 25, 50, 100];
const MARKED_HOUR_MS = 16 * 3_600_000;

const enum TestCol { Topic, MaxMarks }
const enum MarkCol { Sits, Day }

export function testSubjectIndex(classId: number, j: number): number {
  return (j + classId) % SUBJECTS_PER_SCHOOL;
}

export function testMaxMarks(seed: number, test: number): number {
  return MAX_MARKS[columnHash(rowKey(seed, SchoolHash.tests, test), TestCol.MaxMarks) % MAX_MARKS.length]!;
}

/** Marks of the student in `seat` for `test`, or -1 when absent from it. */
export function marksOf(seed: number, test: number, studentId: number, seat: number, maxMarks: number): number {
  const key = rowKey(seed, SchoolHash.marks, (test - 1) * STUDENTS_PER_CLASS + seat);
  if (columnHash(key, MarkCol.Sits) % 100 >= 95) return -1;
  const pct = Math.min(100, Math.max(0, abilityPercent(seed, studentId) - 15 + (columnHash(key, MarkCol.Day) % 31)));
  return Math.round((maxMarks * pct) / 100);
}

export function countMarks(seed: number, students: number): number {
  let n = 0;
  for (let c = 1, classes = classCount(students); c <= classes; c++) {
    const size = classSize(c, students);
    const first = firstStudentOfClass(c);
    for (let j = 0; j < TESTS_PER_CLASS; j++) {
      const test = testId(c, j);
      const max = testMaxMarks(seed, test);
      for (let seat = 1; seat <= size; seat++) if (marksOf(seed, test, first + seat - 1, seat, max) >= 0) n++;
    }
  }
  return n;
}

export function* testRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let c = 1, classes = classCount(ctx.students); c <= classes; c++) {
    const school = schoolIdOfClass(c);
    for (let j = 0; j < TESTS_PER_CLASS; j++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const id = testId(c, j);
      const key = rowKey(seed, SchoolHash.tests, id);
      const subject = testSubjectIndex(c, j);
      w.row(9);
      w.int8(id);
      w.int8(school);
      w.int8(c);
      w.int8(subjectId(school, subject));
      w.int8(academicYearIdOfSchool(school));
      const title = w.beginText(); // "History unit test: bright harbor"
      w.raw(SUBJECT_BYTES[subject]!);
      w.raw(UNIT_TEST);
      w.raw(pools.topics[columnHash(key, TestCol.Topic) % pools.topics.length]!);
      w.endText(title);
      w.dateMs(cal.testMs[j]!);
      w.int2(testMaxMarks(seed, id));
      w.timestamptzMs(cal.testMs[j]! - 7 * DAY_MS); // announced a week ahead
    }
  }
  yield w.finish();
}

export function* markRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let c = 1, classes = classCount(ctx.students); c <= classes; c++) {
    const size = classSize(c, ctx.students);
    const first = firstStudentOfClass(c);
    for (let j = 0; j < TESTS_PER_CLASS; j++) {
      const test = testId(c, j);
      const max = testMaxMarks(seed, test);
      const markedAt = cal.testMs[j]! + MARKED_HOUR_MS;
      for (let seat = 1; seat <= size; seat++) {
        const marks = marksOf(seed, test, first + seat - 1, seat, max);
        if (marks < 0) continue;
        if (w.full(MAX_ROW_BYTES)) yield w.take();
        w.row(5);
        w.int8(test);
        w.int8(first + seat - 1);
        w.int2(marks);
        w.int2(max);
        w.timestamptzMs(markedAt);
      }
    }
  }
  yield w.finish();
}
