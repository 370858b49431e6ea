/* What the naive analytics routes use: the platform's parts and the typed settings. No write buffer, no cache. */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import type { AnalyticsSettings } from '../analyticsSettings.ts';

export interface NaiveParts extends Omit<PlatformParts, 'settings'> {
  settings: Readonly<AnalyticsSettings>;
}
