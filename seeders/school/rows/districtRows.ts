/*
 * The small tables of the district: schools, academic_years (one per school), subjects (6 per school) and
 * class_instances (25 per school). Ids and relations come from scenarios/school/layout.ts; names from the
 * pools by hash.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import {
  SUBJECT_CODES, SUBJECT_NAMES, SUBJECTS_PER_SCHOOL, academicYearIdOfSchool, classCount, gradeOfClass, schoolCode, schoolCount,
  schoolIdOfClass, sectionOfClass, subjectId,
} from '../../../scenarios/school/layout.ts';
import { MAX_ROW_BYTES, SchoolHash, type SchoolRowContext } from '../SchoolRowContext.ts';
import { DAY_MS, type TermCalendar } from '../termCalendar.ts';

export const SCHOOL_COLUMNS = ['id', 'school_code', 'name', 'city', 'created_at'] as const;
export const ACADEMIC_YEAR_COLUMNS = ['id', 'school_id', 'name', 'start_date', 'end_date', 'is_current'] as const;
export const SUBJECT_COLUMNS = ['id', 'school_id', 'subject_name', 'subject_code'] as const;
export const CLASS_COLUMNS = ['id', 'school_id', 'school_code', 'academic_year_id', 'grade', 'section', 'class_teacher', 'created_at'] as const;

const encoder = new TextEncoder();
const SCHOOL_KINDS = ['High School', 'Secondary School', 'Academy', 'Public School'].map((s) => encoder.encode(s));
const SUBJECT_NAME_BYTES = SUBJECT_NAMES.map((s) => encoder.encode(s));
const SUBJECT_CODE_BYTES = SUBJECT_CODES.map((s) => encoder.encode(s));
const SPACE = 32;

const enum SchoolCol { Name, Kind, City, Founded }
const enum ClassCol { TeacherFirst, TeacherLast }

export function* schoolRows(ctx: SchoolRowContext): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let id = 1, n = schoolCount(ctx.students); id <= n; id++) {
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    const key = rowKey(seed, SchoolHash.schools, id);
    w.row(5);
    w.int8(id);
    w.ascii(schoolCode(id));
    w.joined(pools.lastNames[columnHash(key, SchoolCol.Name) % pools.lastNames.length]!, SPACE, SCHOOL_KINDS[columnHash(key, SchoolCol.Kind) % SCHOOL_KINDS.length]!);
    w.bytes(pools.cities[columnHash(key, SchoolCol.City) % pools.cities.length]!);
    // Opened 5 to 50 years before asOf.
    w.timestamptzMs(ctx.asOfMs - (5 * 365 + (columnHash(key, SchoolCol.Founded) % (45 * 365))) * DAY_MS);
  }
  yield w.finish();
}

export function* academicYearRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  const name = encoder.encode(cal.yearName);
  for (let s = 1, n = schoolCount(ctx.students); s <= n; s++) {
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    w.row(6);
    w.int8(academicYearIdOfSchool(s));
    w.int8(s);
    w.bytes(name);
    w.dateMs(cal.yearStartMs);
    w.dateMs(cal.yearEndMs);
    w.bool(true);
  }
  yield w.finish();
}

export function* subjectRows(ctx: SchoolRowContext): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let s = 1, n = schoolCount(ctx.students); s <= n; s++) {
    for (let k = 0; k < SUBJECTS_PER_SCHOOL; k++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      w.row(4);
      w.int8(subjectId(s, k));
      w.int8(s);
      w.bytes(SUBJECT_NAME_BYTES[k]!);
      w.bytes(SUBJECT_CODE_BYTES[k]!);
    }
  }
  yield w.finish();
}

export function* classRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let c = 1, n = classCount(ctx.students); c <= n; c++) {
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    const key = rowKey(seed, SchoolHash.classes, c);
    const school = schoolIdOfClass(c);
    w.row(8);
    w.int8(c);
    w.int8(school);
    w.ascii(schoolCode(school));
    w.int8(academicYearIdOfSchool(school));
    w.int2(gradeOfClass(c));
    w.ascii(sectionOfClass(c));
    w.joined(pools.firstNames[columnHash(key, ClassCol.TeacherFirst) % pools.firstNames.length]!, SPACE, pools.lastNames[columnHash(key, ClassCol.TeacherLast) % pools.lastNames.length]!);
    w.timestamptzMs(cal.yearStartMs);
  }
  yield w.finish();
}
