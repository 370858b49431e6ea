/*
 * Which request a statement is issued for: an AsyncLocalStorage scope opened per request (buildApp's onRequest
 * hook), so Database can count statements per route without any workload passing the request around. Work
 * outside a request (write-buffer flushes, periodic tasks) has no scope and is not attributed to a route.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestQueries {
  /** Statements issued through Database while serving this request. */
  statements: number;
}

export const requestQueries = new AsyncLocalStorage<RequestQueries>();

/** Counts one statement against the request being served, if any. */
export function countRequestStatement(): void {
  const scope = requestQueries.getStore();
  if (scope !== undefined) scope.statements++;
}
