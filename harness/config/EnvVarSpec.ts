/*
 * One environment variable scaleproof reads: what it means and how its value is checked. The platform's list is
 * in platformEnv.ts; each workload declares its own (Workload.env), and readEnv.ts reads them all the same way.
 */
export type EnvVarSpec =
  | { description: string; kind: 'int'; default: number; min: number; max?: number | undefined }
  | { description: string; kind: 'flag'; default: boolean }
  | { description: string; kind: 'string'; default: string }
  | { description: string; kind: 'choice'; default: string; choices: readonly string[] };

export type EnvValue = number | boolean | string;
