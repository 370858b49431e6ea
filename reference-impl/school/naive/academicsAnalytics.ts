/*
 * get_academics_analytics in JavaScript (the naive variant): from a school's tests, their marks and their
 * classes' students, the RPC's document. Only tests with at least one mark count (the view is built from
 * test_marks). A test's average is the mean of its students' percentages; totalStudents sums the class sizes
 * of the tests' distinct classes; participationRate is marks recorded over seats (class size per test).
 */
import type { AnalyticsQuery } from '../validation/analyticsQuery.ts';
import { Ratio } from './Ratio.ts';
import { className, countBy, groupBy } from './rowTools.ts';

export interface TestRow {
  id: string;
  title: string;
  class_instance_id: string;
  test_date: string;
  grade: number;
  section: string;
  subject_name: string | null;
}

export interface MarkRow {
  test_id: string;
  marks_obtained: number;
  max_marks: number;
}

/** A test's mean percentage: mean of marks_obtained / max_marks * 100. */
export function testAverage(marks: ReadonlyArray<Pick<MarkRow, 'marks_obtained' | 'max_marks'>>): Ratio {
  return Ratio.mean(marks.map((m) => Ratio.percent(m.marks_obtained, m.max_marks)));
}

export function academicsAnalyticsDocument(
  q: AnalyticsQuery,
  schoolCode: string,
  tests: readonly TestRow[],
  marks: readonly MarkRow[],
  studentClasses: ReadonlyArray<{ class_instance_id: string }>,
): object {
  const classSize = countBy(studentClasses, (s) => s.class_instance_id);
  const marksByTest = groupBy(marks, (m) => m.test_id);
  const rows = tests
    .filter((t) => marksByTest.has(t.id))
    .map((t) => {
      const ms = marksByTest.get(t.id)!;
      return { t, count: ms.length, avg: testAverage(ms), size: classSize.get(t.class_instance_id) ?? 0 };
    });
  const classes = new Map(rows.map((r) => [r.t.class_instance_id, r.size]));
  const seats = rows.reduce((s, r) => s + r.size, 0);
  const ranked = [...rows].sort((a, b) => b.avg.compare(a.avg) || Number(a.t.id) - Number(b.t.id)).slice(0, q.limit);
  return {
    schoolCode,
    startDate: q.from,
    endDate: q.to,
    aggregation: {
      totalTests: rows.length,
      totalStudents: [...classes.values()].reduce((s, n) => s + n, 0),
      avgScore: Ratio.mean(rows.map((r) => r.avg)).round2(),
      participationRate: Ratio.percent(rows.reduce((s, r) => s + r.count, 0), seats).round2(),
    },
    rankedRows: ranked.map((r, i) => ({
      rank: i + 1,
      data: {
        testId: Number(r.t.id),
        testName: r.t.title,
        className: className(r.t.grade, r.t.section),
        subjectName: r.t.subject_name,
        testDate: r.t.test_date,
        avgScore: r.avg.round2(),
        participationCount: r.count,
      },
    })),
  };
}
