/*
 * A workload's API settings, declared once as field -> [environment variable, spec]: gives the variables for
 * Workload.env (readEnv reads and validates them), the defaults, and the conversions between values by
 * variable name (what the platform hands the plugin) and the typed object the routes use.
 */
import type { EnvValue, EnvVarSpec } from './EnvVarSpec.ts';

export interface SettingsDefinition<T> {
  /** The variables, for Workload.env and the README's table. */
  env: Readonly<Record<string, EnvVarSpec>>;
  defaults: Readonly<T>;
  /** Validated values by variable name (missing ones take their default) -> the typed object. */
  read(values: Readonly<Record<string, EnvValue>>): Readonly<T>;
  /** The other way, for tests and tools that set fields: typed overrides -> values by variable name. */
  values(overrides: Partial<T>): Record<string, EnvValue>;
}

export function defineSettings<T extends { [K in keyof T]: EnvValue }>(fields: { readonly [K in keyof T]: readonly [string, EnvVarSpec] }): SettingsDefinition<T> {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  const build = (pick: (k: keyof T & string) => EnvValue) => Object.freeze(Object.fromEntries(keys.map((k) => [k, pick(k)]))) as unknown as Readonly<T>;
  return Object.freeze({
    env: Object.freeze(Object.fromEntries(keys.map((k) => [fields[k][0], fields[k][1]]))),
    defaults: build((k) => fields[k][1].default),
    read: (values: Readonly<Record<string, EnvValue>>) => build((k) => values[fields[k][0]] ?? fields[k][1].default),
    values: (overrides: Partial<T>) => {
      const out: Record<string, EnvValue> = {};
      for (const k of keys) if (overrides[k] !== undefined) out[fields[k][0]] = overrides[k]!;
      return out;
    },
  });
}
