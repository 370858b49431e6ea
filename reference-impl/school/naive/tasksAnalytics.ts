/*
 * get_tasks_analytics in JavaScript (the naive variant): from a school's task rows, their submissions and their
 * classes' students, the same document the RPC builds over mv_tasks_analytics. A task is 'completed' when
 * every student of its class submitted, else 'overdue' after its due date, else 'pending'; on time means
 * submitted before the end of the due date (UTC); the ranking is by on-time rate, best first, then task id.
 */
import type { AnalyticsQuery } from '../validation/analyticsQuery.ts';
import { Ratio } from './Ratio.ts';
import { className, countBy, nextDay } from './rowTools.ts';

export interface TaskRow {
  id: string;
  title: string;
  class_instance_id: string;
  due_date: string;
  grade: number;
  section: string;
  subject_name: string | null;
}

export interface SubmissionRow {
  task_id: string;
  /** 'YYYY-MM-DDTHH:MI:SS.US' in UTC. */
  submitted_at: string;
}

export type TaskStatus = 'completed' | 'overdue' | 'pending';

export function taskStatus(submitted: number, classSize: number, dueDate: string, today: string): TaskStatus {
  if (submitted >= classSize) return 'completed';
  return today > dueDate ? 'overdue' : 'pending';
}

export function tasksAnalyticsDocument(
  q: AnalyticsQuery,
  schoolCode: string,
  today: string,
  tasks: readonly TaskRow[],
  submissions: readonly SubmissionRow[],
  studentClasses: ReadonlyArray<{ class_instance_id: string }>,
): object {
  const classSize = countBy(studentClasses, (s) => s.class_instance_id);
  const dueOf = new Map(tasks.map((t) => [t.id, t.due_date]));
  const submitted = new Map<string, number>();
  const onTime = new Map<string, number>();
  for (const s of submissions) {
    submitted.set(s.task_id, (submitted.get(s.task_id) ?? 0) + 1);
    if (s.submitted_at < `${nextDay(dueOf.get(s.task_id)!)}T00:00:00.000000`) onTime.set(s.task_id, (onTime.get(s.task_id) ?? 0) + 1);
  }
  const rows = tasks.map((t) => {
    const n = submitted.get(t.id) ?? 0;
    const size = classSize.get(t.class_instance_id) ?? 0;
    return { t, n, size, rate: Ratio.percent(onTime.get(t.id) ?? 0, n), status: taskStatus(n, size, t.due_date, today) };
  });
  const ranked = [...rows].sort((a, b) => b.rate.compare(a.rate) || Number(a.t.id) - Number(b.t.id)).slice(0, q.limit);
  return {
    schoolCode,
    startDate: q.from,
    endDate: q.to,
    aggregation: {
      totalTasks: rows.length,
      completedTasks: rows.filter((r) => r.status === 'completed').length,
      pendingTasks: rows.filter((r) => r.status === 'pending').length,
      overdueTasks: rows.filter((r) => r.status === 'overdue').length,
      avgOnTimeRate: Ratio.mean(rows.map((r) => r.rate)).round2(),
      totalSubmissions: rows.reduce((s, r) => s + r.n, 0),
    },
    rankedRows: ranked.map((r, i) => ({
      rank: i + 1,
      data: {
        taskId: Number(r.t.id),
        taskName: r.t.title,
        className: className(r.t.grade, r.t.section),
        subjectName: r.t.subject_name,
        dueDate: r.t.due_date,
        submittedCount: r.n,
        totalStudents: r.size,
        onTimeRate: r.rate.round2(),
        status: r.status,
      },
    })),
  };
}
