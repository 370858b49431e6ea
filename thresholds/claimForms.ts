/*
 * Short forms for the claims files (thresholds/<workload>Claims.ts): most of a plan's numbered sentences are
 * money, schedules, design parameters or production facts that no run here can measure. They are listed all the
 * same (never dropped), each with its reason, and these helpers keep one such claim to one line.
 */
import type { PlanClaim } from '../harness/plan/PlanClaims.ts';

type Quoted = Pick<PlanClaim, 'id' | 'quote' | 'section' | 'unit' | 'better' | 'claimed'>;

/** A claim listed as `not measurable here`, with the reason. */
export function notHere(c: Quoted, reason: string): PlanClaim {
  return { ...c, notMeasurable: reason };
}

/** Why the common kinds cannot be measured here. */
export const reasons = {
  cost: 'money (cloud bills, engineering hours); a benchmark on one machine measures no cost',
  schedule: "a project schedule; it is about the team's weeks, not the system's behaviour",
  production: 'needs production traffic over months (availability, real users); a bench run lasts minutes',
  designParameter: 'a design parameter the optimized variant is built with (its configuration), not an effect to compare between variants',
  illustration: "the plan's own arithmetic example, not a claim about this system's measured behaviour",
  clientSide: 'happens in the browser or mobile app (React Query, service worker, CDN images), which the workload has no part of',
} as const;
