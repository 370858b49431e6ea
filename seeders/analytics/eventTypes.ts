/* The fixed set of PIN analytics event types the API accepts and the seeder generates. */
export const EVENT_TYPES = ['view', 'click', 'share', 'contact', 'save'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && (EVENT_TYPES as readonly string[]).includes(v);
}
