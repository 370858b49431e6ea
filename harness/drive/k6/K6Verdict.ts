/* One threshold verdict as k6 reported it (summary export or handleSummary data), normalised: ok = held. */
export interface K6Verdict {
  /** The key as k6 reports it, e.g. "http_req_duration{endpoint:pin_public}". */
  metric: string;
  expression: string;
  ok: boolean;
}
