/*
 * JSON bodies of the write routes. Ids are JSON integers (coerceTypes is off: "5" is 400), dates YYYY-MM-DD
 * (checked again as calendar days), status one of the plan's three. Unknown properties are dropped (ajv
 * removeAdditional), not stored.
 */
import { patterns } from './routeSchema.ts';

const idNumber = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface AttendanceBody {
  student_id: number;
  class_instance_id: number;
  date: string;
  status: AttendanceStatus;
}

export const attendanceBodySchema = {
  type: 'object',
  required: ['student_id', 'class_instance_id', 'date', 'status'],
  additionalProperties: false,
  properties: {
    student_id: idNumber,
    class_instance_id: idNumber,
    date: patterns.date,
    status: { type: 'string', enum: [...ATTENDANCE_STATUSES] },
  },
} as const;

export interface SubmissionBody {
  student_id: number;
}

export const submissionBodySchema = {
  type: 'object',
  required: ['student_id'],
  additionalProperties: false,
  properties: { student_id: idNumber },
} as const;

export const taskParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: patterns.id },
} as const;

/** POST /schools/:code/reports: an optional term; without one, the school's current academic year. */
export interface ReportBody {
  from?: string;
  to?: string;
}

export const reportBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { from: patterns.date, to: patterns.date },
  dependencies: { from: ['to'], to: ['from'] },
} as const;

export const jobParamsSchema = taskParamsSchema;
