/*
 * The school district's layout (seed 001) as arithmetic of the student id, so the seeder and the load
 * scenarios agree on every id without asking the database. Pure: no imports, no Node APIs (k6 imports it
 * through scenarios/school/endpoints.ts). Every id is 1-based and dense.
 *
 * Volumes are those of a real district rather than the plan's (it gives none beyond "1M users"):
 * - 40 students per class and 25 classes per school (grades 6-10, sections A-E) make 1,000 students per
 *   school, a typical secondary school; 1,000,000 students are 1,000 schools and 25,000 classes.
 * - 6 subjects per school; one academic year per school (id = school id), the current one.
 * - A term of TERM_SCHOOL_DAYS school days (Mon-Fri) ending on the last school day before asOf's day
 *   (asOf = today 00:00 UTC by default): every student has one attendance row per term day, the biggest
 *   table. asOf's own day is left unmarked, so a load test's attendance writes for "today" are new rows.
 * - Two tasks (homework) per class per school week, due Tuesday-ish and Friday-ish, from the term's first
 *   week to one week after asOf, so there are overdue, completed and still pending tasks.
 * - One test per subject per class in the term (6), with marks for most students.
 * - Two learning resources per class.
 *
 * Student s sits in class ceil(s / 40) of school ceil(s / 1000); class c is class ((c - 1) % 25) of school
 * ceil(c / 25). With a student count that is not a multiple of 1,000 the last school has fewer classes and
 * its last class fewer students; every school still has its 6 subjects and its year.
 */

export const STUDENTS_PER_CLASS = 40;
export const CLASSES_PER_SCHOOL = 25;
export const STUDENTS_PER_SCHOOL = STUDENTS_PER_CLASS * CLASSES_PER_SCHOOL;
export const GRADES: readonly number[] = [6, 7, 8, 9, 10];
export const SECTIONS: readonly string[] = ['A', 'B', 'C', 'D', 'E'];
export const SUBJECT_NAMES: readonly string[] = ['Mathematics', 'Science', 'English', 'History', 'Geography', 'Computer Science'];
export const SUBJECT_CODES: readonly string[] = ['MATH', 'SCI', 'ENG', 'HIST', 'GEO', 'CS'];
export const SUBJECTS_PER_SCHOOL = SUBJECT_NAMES.length;

/**
 * School days in the seeded term. Attendance rows = students x this (20M at 1M students), the table that
 * bounds the seed time: see seeders/school/schoolDataset.ts for the measured budget behind the choice.
 */
export const TERM_SCHOOL_DAYS = 20;
/** Tasks are due on school-day index floor(k * 5 / 2) + TASK_FIRST_DUE_INDEX: two per five school days. */
export const TASK_FIRST_DUE_INDEX = 2;
/** Task k is assigned this many school days before it is due. */
export const TASK_LEAD_SCHOOL_DAYS = 3;
/** Tasks are set up to one school week past the last term day (still pending at asOf). */
export const TASK_LOOKAHEAD_SCHOOL_DAYS = 5;
export const TASKS_PER_CLASS = countTasksPerClass();
export const TESTS_PER_CLASS = SUBJECTS_PER_SCHOOL;
export const RESOURCES_PER_CLASS = 2;

const DAY_MS = 86400000;

function countTasksPerClass(): number {
  let k = 0;
  while (taskDueIndex(k) <= TERM_SCHOOL_DAYS - 1 + TASK_LOOKAHEAD_SCHOOL_DAYS) k++;
  return k;
}

// ---- counts for a district of `students` students

export function schoolCount(students: number): number {
  return Math.ceil(students / STUDENTS_PER_SCHOOL);
}

export function classCount(students: number): number {
  return Math.ceil(students / STUDENTS_PER_CLASS);
}

/** Students in class c (40 except maybe the last class). */
export function classSize(classId: number, students: number): number {
  return Math.max(0, Math.min(STUDENTS_PER_CLASS, students - (classId - 1) * STUDENTS_PER_CLASS));
}

// ---- students, classes, schools

export function schoolIdOfStudent(studentId: number): number {
  return Math.ceil(studentId / STUDENTS_PER_SCHOOL);
}

export function classIdOfStudent(studentId: number): number {
  return Math.ceil(studentId / STUDENTS_PER_CLASS);
}

/** 1..40: the student's place in its class. */
export function seatOfStudent(studentId: number): number {
  return ((studentId - 1) % STUDENTS_PER_CLASS) + 1;
}

export function firstStudentOfClass(classId: number): number {
  return (classId - 1) * STUDENTS_PER_CLASS + 1;
}

export function schoolIdOfClass(classId: number): number {
  return Math.ceil(classId / CLASSES_PER_SCHOOL);
}

/** 0..24: the class's index inside its school. */
export function classIndexInSchool(classId: number): number {
  return (classId - 1) % CLASSES_PER_SCHOOL;
}

export function gradeOfClass(classId: number): number {
  return GRADES[Math.floor(classIndexInSchool(classId) / SECTIONS.length)]!;
}

export function sectionOfClass(classId: number): string {
  return SECTIONS[classIndexInSchool(classId) % SECTIONS.length]!;
}

/** Class ids of a school: [first, last] inclusive, clipped to the district's classes. */
export function classIdsOfSchool(schoolId: number, students: number): { first: number; last: number } {
  return { first: (schoolId - 1) * CLASSES_PER_SCHOOL + 1, last: Math.min(schoolId * CLASSES_PER_SCHOOL, classCount(students)) };
}

/** 'SCH00042': the school's public code (the plan's school_code). */
export function schoolCode(schoolId: number): string {
  return 'SCH' + pad(schoolId, 5);
}

/** 42 from 'SCH00042'; NaN when the code is not one. */
export function schoolIdOfCode(code: string): number {
  return /^SCH\d{5,}$/.test(code) ? Number(code.slice(3)) : NaN;
}

/** 'STU0000042': the student's code (unique). */
export function studentCode(studentId: number): string {
  return 'STU' + pad(studentId, 7);
}

/** One academic year per school, the current one. */
export function academicYearIdOfSchool(schoolId: number): number {
  return schoolId;
}

// ---- subjects

/** Subject k (0..5) of a school. */
export function subjectId(schoolId: number, k: number): number {
  return (schoolId - 1) * SUBJECTS_PER_SCHOOL + k + 1;
}

export function schoolIdOfSubject(id: number): number {
  return Math.ceil(id / SUBJECTS_PER_SCHOOL);
}

/** 0..5: the subject's index inside its school (into SUBJECT_NAMES). */
export function subjectIndex(id: number): number {
  return (id - 1) % SUBJECTS_PER_SCHOOL;
}

// ---- tasks

/** Task k (0..TASKS_PER_CLASS-1) of class c. */
export function taskId(classId: number, k: number): number {
  return (classId - 1) * TASKS_PER_CLASS + k + 1;
}

export function taskIdsOfClass(classId: number): { first: number; last: number } {
  return { first: taskId(classId, 0), last: taskId(classId, TASKS_PER_CLASS - 1) };
}

export function classIdOfTask(id: number): number {
  return Math.ceil(id / TASKS_PER_CLASS);
}

export function taskIndex(id: number): number {
  return (id - 1) % TASKS_PER_CLASS;
}

/**
 * Teachers withdraw a few tasks (is_active false): one in 50, by id, so the load scenarios know without the
 * database which tasks take submissions. Never two in a row, so a class always has an active neighbour.
 */
export function isTaskActive(id: number): boolean {
  return id % 50 !== 0;
}

/** Subjects rotate over a class's tasks, starting at a different subject per class. */
export function subjectIdOfTask(id: number): number {
  const c = classIdOfTask(id);
  return subjectId(schoolIdOfClass(c), (taskIndex(id) + c) % SUBJECTS_PER_SCHOOL);
}

/** School-day index (0 = the term's first day) task k is due on. */
export function taskDueIndex(k: number): number {
  return Math.floor((k * 5) / 2) + TASK_FIRST_DUE_INDEX;
}

// ---- tests

/** Test j (0..5) of class c: one per subject. */
export function testId(classId: number, j: number): number {
  return (classId - 1) * TESTS_PER_CLASS + j + 1;
}

export function classIdOfTest(id: number): number {
  return Math.ceil(id / TESTS_PER_CLASS);
}

export function testIndex(id: number): number {
  return (id - 1) % TESTS_PER_CLASS;
}

export function subjectIdOfTest(id: number): number {
  const c = classIdOfTest(id);
  return subjectId(schoolIdOfClass(c), (testIndex(id) + c) % SUBJECTS_PER_SCHOOL);
}

/** School-day index test j is held on: spread evenly over the term, all on or before its last day. */
export function testDayIndex(j: number): number {
  return Math.floor(((j + 0.5) * TERM_SCHOOL_DAYS) / TESTS_PER_CLASS);
}

// ---- learning resources

export function resourceId(classId: number, r: number): number {
  return (classId - 1) * RESOURCES_PER_CLASS + r + 1;
}

// ---- staff accounts and the dashboard's tables (filled by SQL: seeders/school/derivedTables.ts)

/** Staff user ids start above every student id (students are users 1..MAX_STUDENTS, at most 1e8). */
export const STAFF_USER_ID_BASE = 1_000_000_000;
/** One admin and one teacher per class. */
export const STAFF_PER_SCHOOL = CLASSES_PER_SCHOOL + 1;
export const EVENTS_PER_SCHOOL = 8;
export const SYLLABUS_TOPICS_PER_SUBJECT = 4;

/** The school's admin (principal). */
export function adminUserId(schoolId: number): number {
  return STAFF_USER_ID_BASE + (schoolId - 1) * STAFF_PER_SCHOOL + 1;
}

/** Class c's teacher. */
export function teacherUserId(classId: number): number {
  return STAFF_USER_ID_BASE + (schoolIdOfClass(classId) - 1) * STAFF_PER_SCHOOL + 2 + classIndexInSchool(classId);
}

// ---- dates (epoch ms at 00:00 UTC)

export function startOfUtcDayMs(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** 0 = Monday .. 6 = Sunday. */
function weekdayOf(dayMs: number): number {
  return (new Date(dayMs).getUTCDay() + 6) % 7;
}

/** The last school day (Mon-Fri) before asOf's day: the term's last day. */
export function lastSchoolDayMs(asOfMs: number): number {
  const day = startOfUtcDayMs(asOfMs) - DAY_MS;
  const w = weekdayOf(day);
  return w <= 4 ? day : day - (w - 4) * DAY_MS;
}

/** The school day `n` school days after (n < 0: before) a school day. */
export function addSchoolDays(schoolDayMs: number, n: number): number {
  const w = weekdayOf(schoolDayMs);
  const monday = schoolDayMs - w * DAY_MS;
  const total = w + n;
  const weeks = Math.floor(total / 5);
  return monday + weeks * 7 * DAY_MS + (total - weeks * 5) * DAY_MS;
}

/** School day `index` of the term (0 = first day, TERM_SCHOOL_DAYS - 1 = last, higher = after the term). */
export function schoolDayMs(asOfMs: number, index: number): number {
  return addSchoolDays(lastSchoolDayMs(asOfMs), index - (TERM_SCHOOL_DAYS - 1));
}

/** The term's first and last school day (the attendance range), epoch ms. */
export function termRangeMs(asOfMs: number): { startMs: number; endMs: number } {
  return { startMs: schoolDayMs(asOfMs, 0), endMs: schoolDayMs(asOfMs, TERM_SCHOOL_DAYS - 1) };
}

/** 'YYYY-MM-DD' of an epoch ms (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---- what a load scenario needs for one student key

export interface StudentKeys {
  studentId: number;
  studentCode: string;
  schoolId: number;
  schoolCode: string;
  classId: number;
  /** One of the class's subjects, varying with the key. */
  subjectId: number;
  /** One of the class's active tasks (isTaskActive), varying with the key. */
  taskId: number;
  /** One of the class's tests, varying with the key. */
  testId: number;
}

/** Task k of the class, or the next one when k is withdrawn (withdrawn tasks are never adjacent). */
function activeTaskOfClass(classId: number, k: number): number {
  const id = taskId(classId, k);
  return isTaskActive(id) ? id : taskId(classId, (k + 1) % TASKS_PER_CLASS);
}

/** Real ids related to student `studentId` (1..students), a pure function of the key. */
export function keysOfStudent(studentId: number): StudentKeys {
  const classId = classIdOfStudent(studentId);
  const schoolId = schoolIdOfClass(classId);
  return {
    studentId,
    studentCode: studentCode(studentId),
    schoolId,
    schoolCode: schoolCode(schoolId),
    classId,
    subjectId: subjectId(schoolId, studentId % SUBJECTS_PER_SCHOOL),
    taskId: activeTaskOfClass(classId, studentId % TASKS_PER_CLASS),
    testId: testId(classId, studentId % TESTS_PER_CLASS),
  };
}

/**
 * A date range inside the seeded term for a key: the whole term, its last 5 school days or its last 10,
 * depending on the key (dashboards ask for a week, a fortnight or the term). Dates are 'YYYY-MM-DD'.
 */
export function dateRangeOfKey(key: number, asOfMs: number): { from: string; to: string } {
  const spans = [TERM_SCHOOL_DAYS, 5, 10];
  const span = spans[key % spans.length]!;
  return { from: isoDate(schoolDayMs(asOfMs, TERM_SCHOOL_DAYS - span)), to: isoDate(schoolDayMs(asOfMs, TERM_SCHOOL_DAYS - 1)) };
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}
