/**
 * Human formatting of durations and ratios. Pure string functions so the server can put the same
 * text in pages, JSON and exports.
 */

/** "2.59s", "25.9s", "4m 19.2s", "43m 12s", "7h 12m", "3d 15h 40m", "259ms", "-1m 30s". */
export function formatDuration(seconds: number): string {
  if (Number.isNaN(seconds)) return "—";
  if (!Number.isFinite(seconds)) return seconds > 0 ? "∞" : "-∞";
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds === 0) return "0s";
  // Below a minute three significant digits keep small budgets (2.592 s) readable; each branch
  // rounds first and falls through when rounding carries into the next unit (59.96 s → "1m").
  if (seconds < 1) {
    const ms = Number((seconds * 1000).toPrecision(3));
    if (ms < 1000) return `${ms}ms`;
  }
  if (seconds < 60) {
    const s = Number(seconds.toPrecision(3));
    if (s < 60) return `${s}s`;
  }
  if (seconds < 3600) {
    const tenths = Math.round(seconds * 10);
    const minutes = Math.floor(tenths / 600);
    if (minutes < 60) {
      const rest = (tenths - minutes * 600) / 10;
      return rest === 0 ? `${minutes}m` : `${minutes}m ${rest}s`;
    }
  }
  if (seconds < 86_400) {
    const whole = Math.round(seconds);
    if (whole < 86_400) return joinUnits([Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60], ["h", "m", "s"]);
  }
  const minutes = Math.round(seconds / 60);
  return joinUnits([Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60], ["d", "h", "m"]);
}

/** Leading unit always shown; trailing zero units dropped ("7h 12m", "1h 0m 5s", "2d"). */
function joinUnits(values: readonly number[], units: readonly string[]): string {
  let last = 0;
  values.forEach((v, i) => {
    if (v !== 0) last = i;
  });
  return values
    .slice(0, last + 1)
    .map((v, i) => `${v}${units[i] ?? ""}`)
    .join(" ");
}

const NBSP = "\u00a0";

/**
 * The number part of a percentage. With `digits`, exactly that many decimals (0.998796296 with 4
 * → "99.8796"); without, the shortest exact form up to 7 decimals (0.999 → "99.9", no float noise
 * such as 99.90000000000001), which is how targets are typed. Either way a ratio below 1 never
 * shows as 100: it is truncated instead (0.99999 with 2 → "99.99"), so a dashboard never claims
 * a perfect record that was not kept.
 */
export function percentText(ratio: number, digits?: number): string {
  if (!Number.isFinite(ratio)) return "—";
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 0 || digits > 12)) throw new RangeError(`digits must be 0..12, got ${digits}`);
  const places = digits ?? 7;
  const scale = 10 ** places;
  let value = Math.round(ratio * 100 * scale) / scale;
  if (value >= 100 && ratio < 1) value = Math.floor(ratio * 100 * scale) / scale;
  return digits === undefined ? String(Number(value.toFixed(places))) : value.toFixed(digits);
}

/** percentText with its sign: "99.8796 %" (a no-break space keeps the two on one line). */
export function formatPercent(ratio: number, digits?: number): string {
  const text = percentText(ratio, digits);
  return text === "—" ? text : `${text}${NBSP}%`;
}

/** An error budget's share left, in words: "37.5 % left", or past zero "overspent by 94.5 %" (never "−94.5 % left"). */
export function budgetLeftText(remainingRatio: number, digits = 1): string {
  return remainingRatio < 0 ? `overspent by ${formatPercent(-remainingRatio, digits)}` : `${formatPercent(remainingRatio, digits)} left`;
}

const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A count as people read it: "1,234". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

const SECONDS = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * A count of seconds as a figure in a formula or a table: at most two decimals, grouped
 * ("2,537.34", not 2537.3417999999997). Sums shown beside it are rounded the same way.
 */
export function formatSecondsFigure(seconds: number): string {
  return Number.isFinite(seconds) ? SECONDS.format(seconds) : "—";
}

/** What the availability formula needs of a computed window. */
export type FormulaFigures = {
  rule: "count" | "exclude";
  downtimeSeconds: number;
  unplannedSeconds: number;
  maintenanceSeconds: number;
  elapsedSeconds: number;
  availability: number;
};

/**
 * "1 − 2,537.34 s / 2,592,000 s = 99.9021 %": the formula with the window's figures, rounded as
 * the page shows them (availability to four decimals of a percent, as in the headline).
 */
export function formatAvailabilityFormula(a: FormulaFigures): string {
  const s = (n: number) => `${formatSecondsFigure(n)}${NBSP}s`;
  const result = formatPercent(a.availability, 4);
  return a.rule === "count"
    ? `1 − ${s(a.downtimeSeconds)} / ${s(a.elapsedSeconds)} = ${result}`
    : `1 − ${s(a.unplannedSeconds)} / (${s(a.elapsedSeconds)} − ${s(a.maintenanceSeconds)}) = ${result}`;
}

/** A count with its noun, singular or plural as the count asks: "1 budget", "2 budgets", "1,204 services". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
