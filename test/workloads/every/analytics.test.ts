/* Every variant of the analytics workload through the real pipeline (describeWorkload.ts). */
import { describeWorkload } from './describeWorkload.ts';

await describeWorkload('analytics');
