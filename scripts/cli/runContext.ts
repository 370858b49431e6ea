/* The RunContext a workload command (bench, bench:capacity) hands the engine: its env, its API command, its output. */
import { fileURLToPath } from 'node:url';
import { childEnvironment, type Env } from '../../harness/config/readEnv.ts';
import type { RunContext } from '../../harness/run/runBench.ts';
import type { ResolvedWorkload } from '../../harness/workload/WorkloadRegistry.ts';
import type { terminalOutput } from './terminalOutput.ts';

export function runContext(resolved: ResolvedWorkload, env: Readonly<Env>, out: ReturnType<typeof terminalOutput>): RunContext {
  return {
    env,
    resolved,
    childEnv: childEnvironment(),
    // The variant's API as `pnpm api <workload> --variant v` runs it.
    apiCommand: { entry: fileURLToPath(new URL('../api.ts', import.meta.url)), args: [resolved.workload.name, '--variant', resolved.variant.name] },
    cwd: process.cwd(),
    tty: out.tty,
    log: out.log,
    progress: out.progress,
  };
}
