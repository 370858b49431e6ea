/*
 * One analytics event as a line of COPY text: pin_id, pin_number, event_type, created_at, write_id (\N unless the
 * load generator sent one, see platform/writeId.ts). Built once, at
 * accept time, from validated parts only (digits, P+digits, a fixed event type), so nothing needs escaping.
 * pin_id is the number's digits: Postgres reads '0000042' as 42 (identity convention: pin_number = P + id).
 */
let memoMs = -1;
let memoIso = '';

export function eventLine(pinNumber: string, eventType: string, nowMs: number, writeId?: number): string {
  // toISOString is the costly part; many events share a millisecond under load.
  if (nowMs !== memoMs) {
    memoMs = nowMs;
    memoIso = new Date(nowMs).toISOString();
  }
  return `${pinNumber.slice(1)}\t${pinNumber}\t${eventType}\t${memoIso}\t${writeId ?? '\\N'}\n`;
}
