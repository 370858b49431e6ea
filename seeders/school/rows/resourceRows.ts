/* learning_resources: RESOURCES_PER_CLASS per class, in the class's subjects, posted during the term. */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { RESOURCES_PER_CLASS, SUBJECT_NAMES, SUBJECTS_PER_SCHOOL, classCount, resourceId, schoolIdOfClass, subjectId } from '../../../scenarios/school/layout.ts';
import { MAX_ROW_BYTES, SchoolHash, type SchoolRowContext } from '../SchoolRowContext.ts';
import type { TermCalendar } from '../termCalendar.ts';

export const RESOURCE_COLUMNS = ['id', 'school_id', 'class_instance_id', 'subject_id', 'title', 'resource_type', 'url', 'created_at'] as const;

const encoder = new TextEncoder();
const SUBJECT_BYTES = SUBJECT_NAMES.map((s) => encoder.encode(s));
const TYPES = ['video', 'pdf', 'link'].map((s) => encoder.encode(s));
const COLON = encoder.encode(': ');
const URL_PREFIX = 'https://cdn.example.org/resources/';

const enum Col { Topic, Type, Day, Minute }

export function* resourceRows(ctx: SchoolRowContext, cal: TermCalendar): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let c = 1, classes = classCount(ctx.students); c <= classes; c++) {
    const school = schoolIdOfClass(c);
    for (let r = 0; r < RESOURCES_PER_CLASS; r++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const id = resourceId(c, r);
      const key = rowKey(seed, SchoolHash.resources, id);
      const subject = (c + r) % SUBJECTS_PER_SCHOOL;
      w.row(8);
      w.int8(id);
      w.int8(school);
      w.int8(c);
      w.int8(subjectId(school, subject));
      const title = w.beginText();
      w.raw(SUBJECT_BYTES[subject]!);
      w.raw(COLON);
      w.raw(pools.topics[columnHash(key, Col.Topic) % pools.topics.length]!);
      w.endText(title);
      w.bytes(TYPES[columnHash(key, Col.Type) % TYPES.length]!);
      w.ascii(URL_PREFIX + id);
      w.timestamptzMs(cal.days[columnHash(key, Col.Day) % cal.days.length]! + 6 * 3_600_000 + (columnHash(key, Col.Minute) % 720) * 60_000);
    }
  }
  yield w.finish();
}
