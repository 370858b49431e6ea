/*
 * The school API's coded errors, in the platform's shape ({"error":{"code","message"}}, HttpError): clients and
 * tests match on `code`. Messages say what was wrong and what is accepted.
 */
import { HttpError, quote } from '../../platform/errors/httpErrors.ts';

export const schoolErrors = {
  /** A JSON-schema failure of params, querystring or body (see validation/routeSchema.ts). */
  invalidRequest: (part: string, detail: string) =>
    new HttpError(400, `INVALID_${part.toUpperCase()}`, `invalid ${part}: ${detail}`),
  invalidDate: (field: string, raw: unknown) =>
    new HttpError(400, 'INVALID_DATE', `${field} ${quote(raw)} is not a calendar date; send YYYY-MM-DD, e.g. 2025-09-01.`),
  invalidRange: (from: string, to: string, maxDays: number) =>
    new HttpError(400, 'INVALID_RANGE', `from=${from} to=${to} is not a range of 1 to ${maxDays} days; send from <= to.`),
  missingUser: () =>
    new HttpError(401, 'UNAUTHENTICATED', 'send the x-user-id header (a positive whole number) to use analytics.'),
  invalidUser: (raw: unknown) =>
    new HttpError(400, 'INVALID_USER_ID', `x-user-id ${quote(raw)} is malformed; expected a positive whole number.`),
  rateLimited: (limit: number, windowS: number, retryAfterS: number) =>
    new HttpError(429, 'RATE_LIMITED', `more than ${limit} analytics requests in ${windowS} s; retry after ${retryAfterS} s.`, { 'retry-after': String(retryAfterS) }),
  schoolNotFound: (code: string) => new HttpError(404, 'SCHOOL_NOT_FOUND', `no school ${quote(code)}.`),
  classNotFound: (schoolCode: string, classId: number) =>
    new HttpError(404, 'CLASS_NOT_FOUND', `no class ${classId} in school ${quote(schoolCode)}; send one of its class ids or leave class out.`),
  userNotFound: (schoolCode: string, userId: number) =>
    new HttpError(404, 'USER_NOT_FOUND', `no user ${userId} in school ${quote(schoolCode)}.`),
  classNotAllowed: (userId: number, classId: number) =>
    new HttpError(403, 'CLASS_NOT_ALLOWED', `user ${userId} is a student of another class than ${classId}; leave class out to see their own.`),
  studentNotInClass: (studentId: number, classId: number) =>
    new HttpError(404, 'STUDENT_NOT_IN_CLASS', `no student ${studentId} in class ${classId}.`),
  dateOutsideAttendance: (date: string) =>
    new HttpError(422, 'DATE_NOT_STORABLE', `no attendance partition holds ${date}; marks are kept for the seeded academic months.`),
  taskNotOpenToStudent: (taskId: number, studentId: number) =>
    new HttpError(404, 'TASK_NOT_FOUND', `no active task ${taskId} for student ${studentId} (unknown task, unknown student, or another class).`),
  jobNotFound: (id: string) => new HttpError(404, 'JOB_NOT_FOUND', `no job ${quote(id)}.`),
};
