/*
 * The commander setup every workload script shares: the workload argument, --variant, and the dataset and
 * load flags with one set of bounds (harness/run/flagBounds.ts). Flags left unset take the workload's defaults
 * (the unit's own, then its variant's), applied after the workload is known.
 */
import { Command } from 'commander';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { flagBounds } from '../../harness/run/flagBounds.ts';
import { choiceArg, intArg } from '../../harness/run/parseArgs.ts';
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import type { Workload } from '../../harness/workload/Workload.ts';
import { quietCommander } from './exitWithError.ts';

export interface DatasetFlags {
  users?: number;
  seed?: number;
  eventsPerUser?: number;
  distribution?: 'zipf' | 'uniform' | 'hotspot';
  zipfExponent?: number;
  hotFraction?: number;
  hotTraffic?: number;
  variant?: string;
}

/** A program taking `<workload>` and --variant, with the dataset flags. */
export function workloadProgram(name: string, description: string, workloadNames: readonly string[]): Command {
  const b = flagBounds;
  return quietCommander(
    new Command(name)
      .description(description)
      .argument('<workload>', `workload: ${workloadNames.join(', ')}`)
      .option('--variant <name>', "variant: optimized (the plan) or naive (the before it replaces); default the workload's")
      .option('--users <n>', "dataset size in users (default: the workload's)", intArg('--users', b.users.min, b.users.max))
      .option('--seed <n>', 'dataset and key-sampler seed (default 42)', intArg('--seed', b.seed.min, b.seed.max))
      .option('--events-per-user <n>', 'analytics only: seeded events per user (default 10)', intArg('--events-per-user', b.eventsPerUser.min, b.eventsPerUser.max))
      .option('--distribution <kind>', "key popularity: zipf, uniform or hotspot (default: the workload's)", choiceArg('--distribution', ['zipf', 'uniform', 'hotspot'] as const))
      .option('--zipf-exponent <s>', "Zipf exponent (default: the workload's)", zipfArg)
      .option('--hot-fraction <f>', 'hotspot: fraction of keys that are hot (default 0.01)', fractionIn('--hot-fraction', 0.000001, 1))
      .option('--hot-traffic <f>', 'hotspot: fraction of traffic on the hot keys (default 0.8)', fractionIn('--hot-traffic', 0, 1)),
  );
}

function fractionIn(flag: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new ScaleproofError('SP_USAGE', `${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
}

function zipfArg(v: string): number {
  const n = Number(v);
  const { min, max } = flagBounds.zipfExponent;
  if (!(n > min && n < max)) throw new ScaleproofError('SP_USAGE', `--zipf-exponent must be a number between ${min} and ${max} (exclusive), got ${JSON.stringify(v)}`);
  return n;
}

/** The key distribution the flags ask for, over the workload's default. */
export function distributionOf(flags: DatasetFlags, fallback: KeyDistribution): KeyDistribution {
  const kind = flags.distribution ?? fallback.kind;
  if (kind === 'uniform') return { kind: 'uniform' };
  if (kind === 'hotspot') {
    const d = fallback.kind === 'hotspot' ? fallback : { hotFraction: 0.01, hotTrafficFraction: 0.8 };
    return { kind: 'hotspot', hotFraction: flags.hotFraction ?? d.hotFraction, hotTrafficFraction: flags.hotTraffic ?? d.hotTrafficFraction };
  }
  const exponent = flags.zipfExponent ?? (fallback.kind === 'zipf' ? fallback.exponent : 1.1);
  return { kind: 'zipf', exponent };
}

/** Dataset knobs given on the command line, each checked against what the workload's dataset declares. */
export function datasetParametersOf(flags: DatasetFlags, workload: Readonly<Workload>): Record<string, number> {
  if (flags.eventsPerUser === undefined) return {};
  if (!workload.dataset.parameters?.eventsPerUser) throw new ScaleproofError('SP_USAGE', `--events-per-user does not apply to workload ${workload.name}: its dataset has no events per user`);
  return { eventsPerUser: flags.eventsPerUser };
}

/** The write acknowledgement --ack asks for; only a workload whose API declares SCALEPROOF_ACK_MODE has one. */
export function ackModeOf(flag: AckFlag | undefined, workload: Readonly<Workload>, target: string | undefined): AckFlag | undefined {
  if (flag === undefined) return undefined;
  if (!workload.env.SCALEPROOF_ACK_MODE) throw new ScaleproofError('SP_USAGE', `--ack does not apply to workload ${workload.name}: its API declares no SCALEPROOF_ACK_MODE (no buffered writes)`);
  if (target) throw new ScaleproofError('SP_USAGE', '--ack sets the API the harness starts; with --target, start that API with SCALEPROOF_ACK_MODE instead');
  return flag;
}

export const ACK_FLAG_CHOICES = ['buffered', 'committed'] as const;
export type AckFlag = (typeof ACK_FLAG_CHOICES)[number];
