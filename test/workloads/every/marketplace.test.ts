/* Every variant of the marketplace workload through the real pipeline (describeWorkload.ts). */
import { describeWorkload } from './describeWorkload.ts';

await describeWorkload('marketplace');
