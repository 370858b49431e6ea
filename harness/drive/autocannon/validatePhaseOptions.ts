/*
 * Checks a phase's options before any load is sent and splits the base URL into autocannon's origin and the
 * path prefix our requests go under (and the Host header they carry). Errors say what to change.
 */
import type { LoadModel } from '../../model/RunSummary.ts';
import type { Scenario } from '../../../scenarios/Scenario.ts';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';

const positiveInt = (x: number) => Number.isInteger(x) && x > 0;

export function validatePhaseOptions(
  opts: { scenario: Scenario; baseUrl: string; durationS: number; amount?: number | undefined; timeoutS?: number | undefined },
  load: LoadModel,
): { url: string; host: string; pathPrefix: string } {
  let parsed: URL;
  try {
    parsed = new URL(opts.baseUrl);
  } catch {
    throw new ScaleproofError('SP_CONFIG', `Target URL "${opts.baseUrl}" is not a URL. Give one like http://127.0.0.1:3000.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ScaleproofError('SP_CONFIG', `Target URL must be http or https (got ${parsed.protocol}).`);
  }
  if (opts.scenario.endpoints.length === 0) {
    throw new ScaleproofError('SP_CONFIG', `Scenario "${opts.scenario.name}" has no endpoints; give at least one endpoint a positive weight.`);
  }
  if (!positiveInt(load.connections)) {
    throw new ScaleproofError('SP_CONFIG', `connections must be a positive integer (got ${load.connections}).`);
  }
  if (load.kind === 'closed' && !positiveInt(load.pipelining)) {
    throw new ScaleproofError('SP_CONFIG', `pipelining must be a positive integer (got ${load.pipelining}); use 1 for no pipelining.`);
  }
  if (load.kind === 'open' && !positiveInt(load.ratePerSecond)) {
    throw new ScaleproofError('SP_CONFIG', `The open model's rate must be a positive integer of requests per second (got ${load.ratePerSecond}).`);
  }
  if (opts.amount !== undefined) {
    if (!positiveInt(opts.amount)) throw new ScaleproofError('SP_CONFIG', `amount must be a positive integer (got ${opts.amount}).`);
    if (opts.amount < load.connections) {
      throw new ScaleproofError('SP_CONFIG', `amount (${opts.amount}) is smaller than connections (${load.connections}); autocannon needs at least one request per connection.`);
    }
  } else if (!(opts.durationS > 0) || !Number.isFinite(opts.durationS)) {
    throw new ScaleproofError('SP_CONFIG', `Phase duration must be a positive number of seconds (got ${opts.durationS}).`);
  }
  if (opts.timeoutS !== undefined && !(opts.timeoutS > 0)) {
    throw new ScaleproofError('SP_CONFIG', `timeoutS must be positive (got ${opts.timeoutS}).`);
  }
  return { url: parsed.origin, host: parsed.host, pathPrefix: parsed.pathname.replace(/\/+$/, '') };
}
