/*
 * The part of k6-operator's TestRun CRD (grafana/k6-operator config/crd/bases/k6.io_testruns.yaml, k6.io/v1alpha1,
 * k6-operator v0.0.22) that the manifest uses, transcribed: types and `required` lists as the CRD's
 * openAPIV3Schema states them (spec requires parallelism and script; configMap requires name; a volume requires
 * name; a volumeMount requires name and mountPath; an env var requires name). Fields outside this subset are
 * reported, so the manifest cannot grow a field nobody checked.
 */
export interface Schema {
  type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  /** An object whose fields are not checked further (metadata, a volume source). */
  open?: boolean;
}

const str: Schema = { type: 'string' };
const envVar: Schema = {
  type: 'object',
  required: ['name'],
  properties: { name: str, value: str, valueFrom: { type: 'object', properties: { fieldRef: { type: 'object', required: ['fieldPath'], properties: { fieldPath: str, apiVersion: str } } } } },
};

export const testRunSchema: Schema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: str,
    kind: str,
    metadata: { type: 'object', open: true },
    spec: {
      type: 'object',
      required: ['parallelism', 'script'],
      properties: {
        parallelism: { type: 'integer' },
        arguments: str,
        quiet: str,
        paused: str,
        separate: { type: 'boolean' },
        script: {
          type: 'object',
          properties: {
            configMap: { type: 'object', required: ['name'], properties: { name: str, file: str } },
            volumeClaim: { type: 'object', required: ['name'], properties: { name: str, file: str, readOnly: { type: 'boolean' } } },
            localFile: str,
          },
        },
        runner: {
          type: 'object',
          properties: {
            image: str,
            env: { type: 'array', items: envVar },
            volumes: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: str, persistentVolumeClaim: { type: 'object', required: ['claimName'], properties: { claimName: str, readOnly: { type: 'boolean' } } } } } },
            volumeMounts: { type: 'array', items: { type: 'object', required: ['mountPath', 'name'], properties: { name: str, mountPath: str, readOnly: { type: 'boolean' }, subPath: str } } },
          },
        },
      },
    },
  },
};

/** Every violation of the schema, as "path: problem". */
export function schemaErrors(value: unknown, schema: Schema, at = '$'): string[] {
  const errors: string[] = [];
  const t = schema.type;
  const ok = t === 'array' ? Array.isArray(value) : t === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : t === 'integer' ? Number.isInteger(value) : typeof value === t;
  if (!ok) return [`${at}: expected ${t}, got ${JSON.stringify(value)?.slice(0, 40)}`];
  if (t === 'array') (value as unknown[]).forEach((v, i) => errors.push(...schemaErrors(v, schema.items!, `${at}[${i}]`)));
  if (t === 'object' && !schema.open) {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) errors.push(`${at}: missing required ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      const sub = schema.properties?.[k];
      if (!sub) errors.push(`${at}.${k}: not in the checked part of the CRD`);
      else errors.push(...schemaErrors(v, sub, `${at}.${k}`));
    }
  }
  return errors;
}
