/*
 * A k6-operator TestRun for the same test (k6.io/v1alpha1, as defined by grafana/k6-operator's CRD
 * config/crd/bases/k6.io_testruns.yaml; followed here: k6-operator v0.0.22, Helm chart 3.14.3). The operator
 * itself splits the test: runner i of `parallelism` N gets `--execution-segment (i-1)/N:i/N` and the sequence
 * `0,1/N,...,1` (pkg/segmentation), the tag `instance_id=i`, and starts all runners paused, then together.
 * The manifest adds what bench:merge needs: the script and keys in a ConfigMap (mounted at /test), the test-hash
 * and sequence tags, --no-thresholds, and `--out json` into a mounted volume, one file per runner pod
 * (`$(POD_NAME)` is expanded by Kubernetes from the runner's env, taken from the pod's own name).
 */
import { SEQUENCE_TAG, TEST_TAG, encodeSequenceTag, segmentSequence } from '../drive/k6/k6Segments.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { toYaml, type Yaml } from './toYaml.ts';

export interface ManifestOptions {
  name: string;
  namespace?: string | undefined;
  instances: number;
  testId: string;
  script: string;
  keys: string;
  /** -e settings, KEYS_FILE excepted (set to the ConfigMap's mount). */
  env: Readonly<Record<string, string>>;
  /** Size of the results volume (ReadWriteMany: every runner pod writes into it). */
  storage?: string | undefined;
}

export const RESULTS_MOUNT = '/results';

export function k6OperatorDocuments(o: ManifestOptions): Yaml[] {
  const meta = (name: string) => ({ name, ...(o.namespace ? { namespace: o.namespace } : {}) });
  // `arguments` is split on whitespace by the operator and not run through a shell: no value may hold a space.
  const args = [
    '--no-thresholds',
    '--tag', `${TEST_TAG}=${o.testId}`,
    '--tag', `${SEQUENCE_TAG}=${encodeSequenceTag(segmentSequence(o.instances))}`,
    '--out', `json=${RESULTS_MOUNT}/$(POD_NAME).ndjson`,
    ...Object.entries({ ...o.env, KEYS_FILE: '/test/keys.json' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
  ];
  const spaced = args.find((a) => /\s/.test(a));
  if (spaced) throw new ScaleproofError('SP_CONFIG', `k6-operator splits its arguments on whitespace; ${JSON.stringify(spaced)} holds a space`);
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${o.name}-script`), data: { 'script.js': o.script, 'keys.json': o.keys } },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(`${o.name}-results`),
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: o.storage ?? '5Gi' } } },
    },
    {
      apiVersion: 'k6.io/v1alpha1',
      kind: 'TestRun',
      metadata: meta(o.name),
      spec: {
        parallelism: o.instances,
        script: { configMap: { name: `${o.name}-script`, file: 'script.js' } },
        arguments: args.join(' '),
        runner: {
          env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          volumes: [{ name: 'results', persistentVolumeClaim: { claimName: `${o.name}-results` } }],
          volumeMounts: [{ name: 'results', mountPath: RESULTS_MOUNT }],
        },
      },
    },
  ];
}

export function k6OperatorManifest(o: ManifestOptions): string {
  return toYaml(k6OperatorDocuments(o));
}
