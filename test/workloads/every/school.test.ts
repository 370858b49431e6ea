/* Every variant of the school workload through the real pipeline (describeWorkload.ts). */
import { describeWorkload } from './describeWorkload.ts';

await describeWorkload('school');
