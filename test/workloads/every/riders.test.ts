/* Every variant of the riders workload through the real pipeline (describeWorkload.ts). */
import { describeWorkload } from './describeWorkload.ts';

await describeWorkload('riders');
