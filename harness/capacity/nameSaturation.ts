/*
 * What ran out first, at the knee: the resource samples of the last passing step and of the first failing one
 * above it, read in this order (the first that holds is named):
 * 1. the load generator, when its own invalid window (lag or CPU) is the step's first failure;
 * 2. a single-threaded process at its core: API CPU or Redis CPU >= 90% of one core;
 * 3. the machine's CPUs >= 90% busy (shared by API, Postgres, Redis and, without --target, the generator): then
 *    no process gets its core, and a lagging event loop or a waiting pool are its symptoms, not the cause;
 * 4. the API's event loop lagging >= 50 ms p99;
 * 5. the API's database pool: clients waiting for a connection;
 * 6. Postgres: most active backends waiting on something other than the client (locks, LWLocks, IO);
 * 7. otherwise the highest utilisation seen, said to be below its limit.
 * Evidence quotes the figures at both steps.
 */
import type { CapacityStep, SaturationSample } from '../model/CapacityReport.ts';

const f = (x: number | null, unit = '') => (x === null ? 'n/a' : `${Math.round(x * 10) / 10}${unit}`);

function figures(s: SaturationSample): string {
  const waits = Object.entries(s.pgWaitEvents).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v}`).join(', ');
  return (
    `API CPU ${f(s.apiCpuPercent, '%')}, API event-loop p99 ${f(s.apiEventLoopLagP99Ms, ' ms')}, pool waiting ${f(s.poolWaiting)} of ${f(s.poolTotal)} open, ` +
    `Postgres active ${f(s.pgActiveBackends)} (waits: ${waits || 'none'}), Postgres CPU ${f(s.postgresCpuPercent, '%')}, Redis CPU ${f(s.redisCpuPercent, '%')} ` +
    `at ${f(s.redisOpsPerSecond)} ops/s, driver CPU ${f(s.driverCpuPercent, '%')}, machine ${f(s.machineCpuPercent, '%')} busy`
  );
}

export function nameSaturation(lastPass: CapacityStep | undefined, firstFail: CapacityStep | undefined, cores: number): { resource: string; evidence: string } | null {
  if (!firstFail) return null;
  const s = firstFail.saturation;
  const at = (x: CapacityStep) => `${x.offeredRps} req/s (${x.passed ? 'passed' : 'failed'}): ${figures(x.saturation)}`;
  const evidence = [lastPass ? at(lastPass) : undefined, at(firstFail)].filter(Boolean).join(' | ');
  const named = (resource: string) => ({ resource, evidence });
  // The generator is named only when its own window failed first; lagging later, in an overload the target had
  // already failed, it is one more victim of the busy machine.
  if (!firstFail.valid && firstFail.failures[0]?.metric === 'generator') return named(`the load generator (invalid windows: ${firstFail.failures.find((x) => x.metric === 'generator')?.reason ?? 'its own lag or CPU'})`);
  if ((s.apiCpuPercent ?? 0) >= 90) return named(`API CPU (${f(s.apiCpuPercent, '%')} of its one core)`);
  if ((s.redisCpuPercent ?? 0) >= 90) return named(`Redis CPU (${f(s.redisCpuPercent, '%')} of its one core)`);
  if ((s.machineCpuPercent ?? 0) >= 90) {
    const symptoms = [(s.apiEventLoopLagP99Ms ?? 0) >= 50 ? `API event-loop lag p99 ${f(s.apiEventLoopLagP99Ms, ' ms')}` : '', (s.poolWaiting ?? 0) >= 1 ? `${f(s.poolWaiting)} clients waiting for the database pool` : ''].filter(Boolean);
    return named(`the machine's CPUs (${f(s.machineCpuPercent, '%')} of ${cores} cores busy, shared by the API, Postgres, Redis and the generator; API at ${f(s.apiCpuPercent, '%')} of a core${symptoms.length ? `; symptoms: ${symptoms.join(', ')}` : ''})`);
  }
  if ((s.apiEventLoopLagP99Ms ?? 0) >= 50) return named(`the API's event loop (lag p99 ${f(s.apiEventLoopLagP99Ms, ' ms')})`);
  if ((s.poolWaiting ?? 0) >= 1) return named(`the API's database pool (${f(s.poolWaiting)} clients waiting, ${f(s.poolTotal)} connections open)`);
  const waiting = Object.entries(s.pgWaitEvents).filter(([k]) => !k.startsWith('Client:') && !k.startsWith('Activity:'));
  const waitingTotal = waiting.reduce((a, [, v]) => a + v, 0);
  if (s.pgActiveBackends && waitingTotal >= 1 && waitingTotal >= 0.5 * s.pgActiveBackends) {
    const top = waiting.sort((a, b) => b[1] - a[1])[0]!;
    return named(`Postgres waits (${f(waitingTotal)} of ${f(s.pgActiveBackends)} active backends waiting, mostly ${top[0]})`);
  }
  const utilisation: Array<[string, number]> = [
    ['API CPU', (s.apiCpuPercent ?? 0) / 100],
    ['Redis CPU', (s.redisCpuPercent ?? 0) / 100],
    ['Postgres CPU', (s.postgresCpuPercent ?? 0) / (100 * cores)],
    ['machine CPU', (s.machineCpuPercent ?? 0) / 100],
    ['driver CPU', (s.driverCpuPercent ?? 0) / 100],
  ];
  const top = utilisation.sort((a, b) => b[1] - a[1])[0]!;
  return named(`no resource at its limit: the highest was ${top[0]} at ${Math.round(top[1] * 100)}% (the step failed first on ${firstFail.failures[0]?.metric ?? 'unknown'})`);
}
