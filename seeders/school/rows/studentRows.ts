/*
 * student rows, id 1..students: school and class from the layout, a name from the pools, an email built from
 * the name and the id (unique without a dedupe pass), a phone for 60%. Two per-student traits other tables
 * read (absence risk, ability) are hashes of the student id, computable alone.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, hash32, rowKey } from '../../engine/hash32.ts';
import { classIdOfStudent, schoolCode, schoolIdOfStudent, studentCode } from '../../../scenarios/school/layout.ts';
import { MAX_ROW_BYTES, SchoolHash, type SchoolRowContext } from '../SchoolRowContext.ts';
import { DAY_MS, type TermCalendar } from '../termCalendar.ts';

export const STUDENT_COLUMNS = ['id', 'school_id', 'school_code', 'class_instance_id', 'student_code', 'full_name', 'email', 'phone', 'created_at'] as const;

const DOT = '.'.charCodeAt(0);
const SPACE = 32;
const EMAIL_DOMAIN = '@students.example.org';
const PHONE_PREFIX = '+1-555-';

const enum Col { First, Last, HasPhone, Phone, Enrolled, AbsenceRisk, Ability }

/** Absences per 1,000 school days: most students rarely miss, a few often (85% / 10% / 5%). */
export function absencePerMille(seed: number, studentId: number): number {
  const r = hash32(seed, SchoolHash.students, studentId, Col.AbsenceRisk) % 100;
  return r < 85 ? 20 : r < 95 ? 80 : 200;
}

/** The student's typical score, 45..90 percent. */
export function abilityPercent(seed: number, studentId: number): number {
  return 45 + (hash32(seed, SchoolHash.students, studentId, Col.Ability) % 46);
}

export function* studentRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let id = 1; id <= ctx.students; id++) {
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    const key = rowKey(seed, SchoolHash.students, id);
    const first = columnHash(key, Col.First) % pools.firstNames.length;
    const last = columnHash(key, Col.Last) % pools.lastNames.length;
    w.row(9);
    w.int8(id);
    w.int8(schoolIdOfStudent(id));
    w.ascii(schoolCode(schoolIdOfStudent(id)));
    w.int8(classIdOfStudent(id));
    w.ascii(studentCode(id));
    w.joined(pools.firstNames[first]!, SPACE, pools.lastNames[last]!);
    const email = w.beginText(); // first.last.<id>@students.example.org
    w.asciiRaw(pools.firstNamesEmail[first]!);
    w.byte(DOT);
    w.asciiRaw(pools.lastNamesEmail[last]!);
    w.byte(DOT);
    w.digitsRaw(id, 1);
    w.asciiRaw(EMAIL_DOMAIN);
    w.endText(email);
    if (columnHash(key, Col.HasPhone) % 100 < 60) {
      const phone = w.beginText();
      w.asciiRaw(PHONE_PREFIX);
      w.digitsRaw(columnHash(key, Col.Phone) % 10_000_000, 7);
      w.endText(phone);
    } else {
      w.null();
    }
    // Enrolled at the start of one of the last five school years.
    w.timestamptzMs(cal.yearStartMs - (columnHash(key, Col.Enrolled) % 5) * 365 * DAY_MS);
  }
  yield w.finish();
}
