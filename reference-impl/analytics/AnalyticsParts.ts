/* What the analytics routes use: the platform's parts, the typed settings and the events write buffer. */
import type { PlatformParts } from '../platform/PlatformParts.ts';
import type { WriteBuffer } from '../platform/writeBuffer/WriteBuffer.ts';
import type { AnalyticsSettings } from './analyticsSettings.ts';

export interface AnalyticsParts extends Omit<PlatformParts, 'settings'> {
  settings: Readonly<AnalyticsSettings>;
  buffer: WriteBuffer;
}
