/** Public API of the availability / error-budget engine. Pure: no I/O, no Prisma, no Next. */

export {
  type CivilDate,
  daysInMonth,
  isLeapYear,
  isoWeekOf,
  isoWeeksInYear,
  isValidCivilDate,
} from "./civil-date";
export * from "./instant-range";
export * from "./incident-cost";
export * from "./incident-history";
export * from "./incident-lane";
export * from "./incident-lifecycle";
export * from "./time-zone";
export * from "./windows";
export { formatIsoInstant, parseIsoInstant } from "./window-labels";
export * from "./availability";
export * from "./measured";
export * from "./burn-down";
export * from "./burn-state";
export * from "./error-budget";
export * from "./action-items";
export * from "./allowed-downtime";
export * from "./format";
export * from "./incident-metrics";
export { buildTimeline, integrate, segmentSeconds, type ClippedImpact, type RangeTotals, type Timeline } from "./timeline";
export * from "./risk-matrix";
export * from "./risk-budget";
export * from "./risk-review";
export * from "./risk-calibration";
export * from "./risk-rules";
export * from "./review-week";
export * from "./review-discussion";
export * from "./alerts";
export * from "./openslo";
