/*
 * Fastify JSON-schema route options with the riders API's error codes: a failure of the params or body schema
 * becomes 400 INVALID_PARAMS / INVALID_BODY, never a 5xx. coerceTypes is off (buildApp), so path parameters
 * are strings checked with patterns, and numbers in bodies must be JSON numbers.
 */
import type { FastifySchema } from 'fastify';
import { ridersErrors } from '../ridersErrors.ts';

type SchemaErrorFormatter = (errors: Array<{ instancePath?: string; message?: string }>, dataVar: string) => Error;

const formatter: SchemaErrorFormatter = (errors, dataVar) => {
  const first = errors[0];
  const where = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
  return ridersErrors.invalidRequest(dataVar, `${where ? `${where} ` : ''}${first?.message ?? 'does not match the schema'}`);
};

export function routeSchema(schema: FastifySchema): { schema: FastifySchema; schemaErrorFormatter: SchemaErrorFormatter } {
  return { schema, schemaErrorFormatter: formatter };
}

/** A positive rider id that fits a bigint and a JS safe integer. */
export const riderIdParams = {
  type: 'object', required: ['id'], additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } },
} as const;

/** A well-formed city slug; unknown ones are 404. */
export const cityParams = {
  type: 'object', required: ['city'], additionalProperties: false,
  properties: { city: { type: 'string', pattern: '^[a-z][a-z-]{1,39}$' } },
} as const;

/** Device timestamps accepted: 2000-01-01 .. 2100-01-01 (epoch ms), so a unit mix-up (seconds) is refused. */
export const TS_MIN_MS = 946_684_800_000;
export const TS_MAX_MS = 4_102_444_800_000;

export const locationBody = {
  type: 'object', required: ['lat', 'lon', 'ts'], additionalProperties: false,
  properties: {
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
    ts: { type: 'integer', minimum: TS_MIN_MS, maximum: TS_MAX_MS },
  },
} as const;

export const dutyBody = {
  type: 'object', required: ['status'], additionalProperties: false,
  properties: { status: { type: 'string', enum: ['ON', 'OFF'] } },
} as const;

export const ENTRY_TYPES = ['earning', 'incentive', 'penalty', 'withdrawal', 'adjustment'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
/** Entry types that take money out of the wallet: stored as negative amounts. */
export const DEBIT_TYPES: ReadonlySet<EntryType> = new Set(['penalty', 'withdrawal']);

export const walletBody = {
  type: 'object', required: ['amount', 'entry_type'], additionalProperties: false,
  properties: {
    amount: { type: 'number', exclusiveMinimum: 0, maximum: 100_000 },
    entry_type: { type: 'string', enum: ENTRY_TYPES },
  },
} as const;

/** The amount in paise when it has at most 2 decimals; NaN otherwise. */
export function paiseOf(amount: number): number {
  const p = Math.round(amount * 100);
  return Math.abs(p - amount * 100) < 1e-6 ? p : NaN;
}

/** Paise as the text Postgres gives numeric(12,2): "-50.00", "1234.50". */
export function rupees(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const a = Math.abs(paise);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
