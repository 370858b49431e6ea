/* Every variant of the catalog workload through the real pipeline (describeWorkload.ts). */
import { describeWorkload } from './describeWorkload.ts';

await describeWorkload('catalog');
