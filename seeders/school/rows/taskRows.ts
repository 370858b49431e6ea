/*
 * tasks (TASKS_PER_CLASS per class, two per school week, see layout.ts) and task_submissions.
 *
 * A student submits a task with 90% probability; 85% of those on time (between the assignment at 07:00 and
 * the end of the due day, uniformly), the rest up to three days late. A submission whose time falls on or
 * after asOf has not happened yet and has no row, so tasks due after asOf are partly submitted (pending).
 * Rows come out in primary key order (task_id, student_id).
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import {
  STUDENTS_PER_CLASS, SUBJECT_NAMES, SUBJECTS_PER_SCHOOL, TASKS_PER_CLASS, academicYearIdOfSchool, classCount, classSize,
  firstStudentOfClass, schoolIdOfClass, subjectId, taskId,
  isTaskActive,
} from '../../../scenarios/school/layout.ts';
import { MAX_ROW_BYTES, SchoolHash, type SchoolRowContext } from '../SchoolRowContext.ts';
import { DAY_MS, type TermCalendar } from '../termCalendar.ts';

export const TASK_COLUMNS = ['id', 'school_id', 'class_instance_id', 'subject_id', 'academic_year_id', 'title', 'description', 'assigned_date', 'due_date', 'is_active', 'created_at'] as const;
export const SUBMISSION_COLUMNS = ['task_id', 'student_id', 'submitted_at'] as const;

const encoder = new TextEncoder();
const SUBJECT_BYTES = SUBJECT_NAMES.map((s) => encoder.encode(s));
const HOMEWORK = encoder.encode(' homework ');
const COLON = encoder.encode(': ');
const ASSIGNED_HOUR_MS = 7 * 3_600_000;
const LATE_SPAN_MS = 3 * DAY_MS;

const enum TaskCol { Topic, HasDescription, Description }
const enum SubCol { Submits, OnTime, When }

/** Subject index (0..5) of task k of class c: subjects rotate, starting at a different one per class. */
export function taskSubjectIndex(classId: number, k: number): number {
  return (k + classId) % SUBJECTS_PER_SCHOOL;
}

/** When the student in `seat` of task `task`'s class submitted it (epoch ms), or -1: not (yet) submitted. */
export function submissionAtMs(seed: number, cal: TermCalendar, task: number, k: number, seat: number): number {
  const key = rowKey(seed, SchoolHash.submissions, (task - 1) * STUDENTS_PER_CLASS + seat);
  if (columnHash(key, SubCol.Submits) % 100 >= 90) return -1;
  const u = columnHash(key, SubCol.When) / 4294967296;
  const assigned = cal.taskAssignedMs[k]! + ASSIGNED_HOUR_MS;
  const dueEnd = cal.taskDueMs[k]! + DAY_MS;
  const at = columnHash(key, SubCol.OnTime) % 100 < 85
    ? assigned + Math.floor(u * (dueEnd - assigned))
    : dueEnd + Math.floor(u * LATE_SPAN_MS);
  return at < cal.asOfMs ? at : -1;
}

/** Submission rows of the whole district (the plan counts with the loop the renderer walks). */
export function countSubmissions(seed: number, cal: TermCalendar, students: number): number {
  let n = 0;
  for (let c = 1, classes = classCount(students); c <= classes; c++) {
    const size = classSize(c, students);
    for (let k = 0; k < TASKS_PER_CLASS; k++) {
      const task = taskId(c, k);
      for (let seat = 1; seat <= size; seat++) if (submissionAtMs(seed, cal, task, k, seat) >= 0) n++;
    }
  }
  return n;
}

export function* taskRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let c = 1, classes = classCount(ctx.students); c <= classes; c++) {
    const school = schoolIdOfClass(c);
    for (let k = 0; k < TASKS_PER_CLASS; k++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const id = taskId(c, k);
      const key = rowKey(seed, SchoolHash.tasks, id);
      const subject = taskSubjectIndex(c, k);
      w.row(11);
      w.int8(id);
      w.int8(school);
      w.int8(c);
      w.int8(subjectId(school, subject));
      w.int8(academicYearIdOfSchool(school));
      const title = w.beginText(); // "Science homework 3: quiet river"
      w.raw(SUBJECT_BYTES[subject]!);
      w.raw(HOMEWORK);
      w.digitsRaw(k + 1, 1);
      w.raw(COLON);
      w.raw(pools.topics[columnHash(key, TaskCol.Topic) % pools.topics.length]!);
      w.endText(title);
      if (columnHash(key, TaskCol.HasDescription) % 100 < 50) w.bytes(pools.sentences[columnHash(key, TaskCol.Description) % pools.sentences.length]!);
      else w.null();
      w.dateMs(cal.taskAssignedMs[k]!);
      w.dateMs(cal.taskDueMs[k]!);
      w.bool(isTaskActive(id)); // teachers withdraw a few: the layout says which, so scenarios submit only to active ones
      w.timestamptzMs(cal.taskAssignedMs[k]! + ASSIGNED_HOUR_MS);
    }
  }
  yield w.finish();
}

export function* submissionRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let c = 1, classes = classCount(ctx.students); c <= classes; c++) {
    const size = classSize(c, ctx.students);
    const firstStudent = firstStudentOfClass(c);
    for (let k = 0; k < TASKS_PER_CLASS; k++) {
      const task = taskId(c, k);
      for (let seat = 1; seat <= size; seat++) {
        const at = submissionAtMs(seed, cal, task, k, seat);
        if (at < 0) continue;
        if (w.full(MAX_ROW_BYTES)) yield w.take();
        w.row(3);
        w.int8(task);
        w.int8(firstStudent + seat - 1);
        w.timestamptzMs(at);
      }
    }
  }
  yield w.finish();
}
