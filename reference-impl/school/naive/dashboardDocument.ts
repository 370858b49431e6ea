/*
 * get_school_dashboard in JavaScript (the naive variant): the RPC's document assembled from the six widget
 * queries' rows (queries/naiveStatements.ts, dash*). Task statuses follow mv_tasks_analytics (taskStatus);
 * attendance counts today's and this week's (Monday to today) live marks.
 */
import type { SchoolRow } from '../queries/naiveStatements.ts';
import { Ratio } from './Ratio.ts';
import { className, addDays, groupBy, weekStart } from './rowTools.ts';
import { taskStatus } from './tasksAnalytics.ts';
import { testAverage, type MarkRow } from './academicsAnalytics.ts';

export interface DashboardRows {
  school: SchoolRow;
  counts: { students: number; classes: number; subjects: number };
  tasks: ReadonlyArray<{ due_date: string; submitted: number; class_size: number }>;
  /** Marks from weekStart(today) to today. */
  attendance: ReadonlyArray<{ date: string; status: 'present' | 'absent' | 'late' }>;
  /** One row per mark of the five most recent tests with marks. */
  recentTests: ReadonlyArray<{ id: string; title: string; test_date: string; grade: number; section: string; subject_name: string | null } & Omit<MarkRow, 'test_id'>>;
  upcoming: ReadonlyArray<{ id: string; title: string; class_instance_id: string; subject_id: string; due_date: string }>;
}

function attendanceCounts(marks: DashboardRows['attendance']) {
  const present = marks.filter((m) => m.status === 'present').length;
  const absent = marks.filter((m) => m.status === 'absent').length;
  const late = marks.filter((m) => m.status === 'late').length;
  return { present, absent, late, total: marks.length, rate: Ratio.percent(present, marks.length).round2() };
}

export function dashboardDocument(rows: DashboardRows): object {
  const { school } = rows;
  const asOf = school.today;
  const statuses = rows.tasks.map((t) => taskStatus(t.submitted, t.class_size, t.due_date, asOf));
  const weekEnd = addDays(asOf, 7);
  const tests = [...groupBy(rows.recentTests, (r) => r.id).values()]
    .sort((a, b) => (a[0]!.test_date < b[0]!.test_date ? 1 : a[0]!.test_date > b[0]!.test_date ? -1 : Number(b[0]!.id) - Number(a[0]!.id)));
  return {
    school: { id: Number(school.id), code: school.school_code, name: school.name, city: school.city },
    asOf,
    counts: rows.counts,
    tasks: {
      total: statuses.length,
      completed: statuses.filter((s) => s === 'completed').length,
      pending: statuses.filter((s) => s === 'pending').length,
      overdue: statuses.filter((s) => s === 'overdue').length,
      dueNext7Days: rows.tasks.filter((t) => t.due_date >= asOf && t.due_date < weekEnd).length,
    },
    attendance: {
      today: { date: asOf, ...attendanceCounts(rows.attendance.filter((m) => m.date === asOf)) },
      thisWeek: { from: weekStart(asOf), to: asOf, ...attendanceCounts(rows.attendance) },
    },
    recentTests: tests.map((marks) => {
      const t = marks[0]!;
      return {
        testId: Number(t.id),
        testName: t.title,
        className: className(t.grade, t.section),
        subjectName: t.subject_name,
        testDate: t.test_date,
        avgScore: testAverage(marks).round2(),
        participationCount: marks.length,
      };
    }),
    upcomingTasks: rows.upcoming.map((u) => ({
      taskId: Number(u.id),
      title: u.title,
      classInstanceId: Number(u.class_instance_id),
      subjectId: Number(u.subject_id),
      dueDate: u.due_date,
    })),
  };
}
