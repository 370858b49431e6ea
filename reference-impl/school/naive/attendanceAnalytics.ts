/*
 * get_attendance_analytics in JavaScript (the naive variant): from raw attendance marks, the RPC's document.
 * Marks are grouped per class per day (what mv_attendance_analytics holds); avgAttendanceRate is the mean of
 * those per-class-day rates (as the plan), dailyBreakdown sums the classes per day, newest first, 50 days.
 */
import type { AnalyticsQuery } from '../validation/analyticsQuery.ts';
import { Ratio } from './Ratio.ts';

/** The RPC's p_limit default: days in dailyBreakdown. */
export const ATTENDANCE_DAYS_LISTED = 50;

export interface AttendanceRow {
  class_instance_id: string;
  date: string;
  status: 'present' | 'absent' | 'late';
}

interface Counts {
  present: number;
  absent: number;
  late: number;
  total: number;
}

function add(map: Map<string, Counts>, key: string, status: AttendanceRow['status']): void {
  let c = map.get(key);
  if (c === undefined) map.set(key, (c = { present: 0, absent: 0, late: 0, total: 0 }));
  c[status]++;
  c.total++;
}

export function attendanceAnalyticsDocument(q: AnalyticsQuery, schoolCode: string, marks: readonly AttendanceRow[]): object {
  const perClassDay = new Map<string, Counts>();
  const perDay = new Map<string, Counts>();
  for (const m of marks) {
    add(perClassDay, `${m.class_instance_id}|${m.date}`, m.status);
    add(perDay, m.date, m.status);
  }
  const groups = [...perClassDay.values()];
  const sum = (k: keyof Counts) => groups.reduce((s, c) => s + c[k], 0);
  const days = [...perDay.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).slice(0, ATTENDANCE_DAYS_LISTED);
  return {
    schoolCode,
    startDate: q.from,
    endDate: q.to,
    aggregation: {
      totalDays: perDay.size,
      avgAttendanceRate: Ratio.mean(groups.map((c) => Ratio.percent(c.present, c.total))).round2(),
      totalPresent: sum('present'),
      totalAbsent: sum('absent'),
      totalLate: sum('late'),
      totalRecords: sum('total'),
    },
    dailyBreakdown: days.map(([date, c]) => ({
      date,
      attendanceRate: Ratio.percent(c.present, c.total).round2(),
      presentCount: c.present,
      absentCount: c.absent,
      lateCount: c.late,
      totalCount: c.total,
    })),
  };
}
