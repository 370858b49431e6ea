/*
 * Fastify JSON-schema route options with the school API's error codes: a failure of the params, querystring or
 * body schema becomes 400 INVALID_PARAMS / INVALID_QUERYSTRING / INVALID_BODY ({"error":{"code","message"}}),
 * never a 5xx. coerceTypes is off (buildApp), so query strings and params are strings and are checked with
 * patterns; numbers in JSON bodies must be JSON numbers.
 */
import type { FastifySchema } from 'fastify';
import { schoolErrors } from '../errors/schoolErrors.ts';

type SchemaErrorFormatter = (errors: Array<{ instancePath?: string; message?: string }>, dataVar: string) => Error;

const formatter: SchemaErrorFormatter = (errors, dataVar) => {
  const first = errors[0];
  const where = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
  return schoolErrors.invalidRequest(dataVar, `${where ? `${where} ` : ''}${first?.message ?? 'does not match the schema'}`);
};

/** Route options: the schema plus the formatter that gives its failures our codes. */
export function routeSchema(schema: FastifySchema): { schema: FastifySchema; schemaErrorFormatter: SchemaErrorFormatter } {
  return { schema, schemaErrorFormatter: formatter };
}

// Shared pieces. Each is a whole JSON schema for one string field.
export const patterns = {
  /** Well-formed school codes (the dataset's are SCH + 5 digits); unknown ones are 404, not 400. */
  schoolCode: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
  /** A positive id that fits a bigint and a JS safe integer. */
  id: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
  date: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
  /** 1..100. */
  limit: { type: 'string', pattern: '^(100|[1-9][0-9]?)$' },
} as const;
