/*
 * One progress bar per table (cli-progress multibar) with rows/s and ETA, on stderr. Only when asked
 * (the CLI asks when stderr is a TTY; benchmarks and tests never do). Log lines go through the multibar
 * while it is drawn so they do not tear the bars.
 */
import cliProgress from 'cli-progress';

export interface SeedProgress {
  onRows(table: string, rows: number): void;
  log(line: string): void;
  stop(): void;
}

export function createSeedProgress(totals: Readonly<Record<string, number>>, log: (line: string) => void, enabled: boolean): SeedProgress {
  if (!enabled) return { onRows: () => undefined, log, stop: () => undefined };
  const multibar = new cliProgress.MultiBar({
    format: '{table} |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50,
    fps: 5,
  }, cliProgress.Presets.shades_classic);
  const width = Math.max(...Object.keys(totals).map((t) => t.length));
  const started = new Map<string, number>();
  const done = new Map<string, number>();
  const bars = new Map(Object.entries(totals).map(([table, total]) => [table, multibar.create(total, 0, { table: table.padEnd(width), rate: '-' })]));
  return {
    onRows(table, rows) {
      const now = performance.now();
      if (!started.has(table)) started.set(table, now);
      const value = (done.get(table) ?? 0) + rows;
      done.set(table, value);
      const seconds = (now - started.get(table)!) / 1000;
      bars.get(table)?.update(value, { rate: seconds > 0 ? Math.round(value / seconds).toLocaleString('en-US') : '-' });
    },
    log(line) {
      multibar.log(line + '\n');
    },
    stop() {
      multibar.stop();
    },
  };
}
