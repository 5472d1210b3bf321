/**
 * Synthetic probes (docs/domain.md "Probes"): what a run means, when consecutive failures open
 * an incident, what a probe saw over a window (up, down, and unknown when nothing was running),
 * and where the probes and the incident record disagree. Pure.
 */

export const PROBE_METHODS = ["GET", "HEAD"] as const;
export type ProbeMethod = (typeof PROBE_METHODS)[number];

export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 86_400;
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_FAILURES_TO_OPEN = 3;
/**
 * A run covers its probe's state until the next one is due, plus this much slack (the scheduler
 * ticks once a second and a run takes up to its timeout). Past that, time is unknown: nobody was
 * looking, which is not the same as down.
 */
export const COVERAGE_SLACK_MS = 5_000;

/** "200-299", "200", "200-204": an inclusive range of HTTP status codes. */
export function parseStatusRange(text: string): { min: number; max: number } | null {
  const m = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(text);
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min >= 100 && max <= 599 && min <= max ? { min, max } : null;
}

export type RunOutcome = { status: number | null; error: string | null; textMatched: boolean | null };

/** A run succeeds when it got an answer, in the expected range, with the expected text if any. */
export function runSucceeded(outcome: RunOutcome, expected: { min: number; max: number }): boolean {
  return outcome.error === null && outcome.status !== null && outcome.status >= expected.min && outcome.status <= expected.max && outcome.textMatched !== false;
}

export type ProbeState = { consecutiveFailures: number; firstFailureAt: number | null; incidentOpen: boolean };

/**
 * What a run changes: N consecutive failures open an incident, starting at the first failed run
 * (the service is taken as down from there); the first success resolves it, at that run.
 */
export function afterRun(state: ProbeState, run: { at: number; ok: boolean }, failuresToOpen: number): ProbeState & { open: { startedAt: number } | null; resolve: { at: number } | null } {
  if (run.ok) return { consecutiveFailures: 0, firstFailureAt: null, incidentOpen: false, open: null, resolve: state.incidentOpen ? { at: run.at } : null };
  const consecutiveFailures = state.consecutiveFailures + 1;
  const firstFailureAt = state.firstFailureAt ?? run.at;
  const opens = !state.incidentOpen && consecutiveFailures >= failuresToOpen;
  return { consecutiveFailures, firstFailureAt, incidentOpen: state.incidentOpen || opens, open: opens ? { startedAt: firstFailureAt } : null, resolve: null };
}

export type Interval = { from: number; to: number };

/** The union of intervals, sorted and merged. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ ...i });
  }
  return out;
}

/** Parts of `a` not covered by `b` (both merged first). */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = mergeIntervals(b);
  const out: Interval[] = [];
  for (const piece of mergeIntervals(a)) {
    let from = piece.from;
    for (const c of cut) {
      if (c.to <= from || c.from >= piece.to) continue;
      if (c.from > from) out.push({ from, to: c.from });
      from = Math.max(from, c.to);
    }
    if (from < piece.to) out.push({ from, to: piece.to });
  }
  return out;
}

const total = (intervals: readonly Interval[]) => intervals.reduce((s, i) => s + (i.to - i.from), 0);

export type ProbeRunPoint = { at: number; ok: boolean };

/**
 * What the runs of one probe saw in [from, to): each run's result holds from the run until the
 * next run, or until its interval plus slack has passed (after that, unknown). Up and down are the
 * covered time split by result; unknown is the rest. Uptime = up / (up + down), or null when the
 * probe saw nothing.
 */
export function probeCoverage(runs: readonly ProbeRunPoint[], intervalSeconds: number, window: Interval): { up: Interval[]; down: Interval[]; unknown: Interval[]; upSeconds: number; downSeconds: number; unknownSeconds: number; uptime: number | null } {
  const sorted = [...runs].sort((a, b) => a.at - b.at);
  const reach = intervalSeconds * 1000 + COVERAGE_SLACK_MS;
  const up: Interval[] = [];
  const down: Interval[] = [];
  sorted.forEach((run, i) => {
    const next = sorted[i + 1];
    const end = Math.min(run.at + reach, next ? next.at : Number.POSITIVE_INFINITY);
    const span = { from: Math.max(run.at, window.from), to: Math.min(end, window.to) };
    if (span.to > span.from) (run.ok ? up : down).push(span);
  });
  const seen = mergeIntervals([...up, ...down]);
  const unknown = subtractIntervals([window], seen);
  const [u, d] = [total(mergeIntervals(up)), total(mergeIntervals(down))];
  return { up: mergeIntervals(up), down: mergeIntervals(down), unknown, upSeconds: u / 1000, downSeconds: d / 1000, unknownSeconds: total(unknown) / 1000, uptime: u + d > 0 ? u / (u + d) : null };
}

export type Disagreement = Interval & { kind: "probe_only" | "incident_only" };

/**
 * Where the probes and the incident record disagree, within the time the probes were watching:
 * down by the probes with no incident recording it, and recorded as down while the probes saw it
 * up. Time nobody watched is left out of both (it proves nothing either way).
 */
export function reconcile(probeDown: readonly Interval[], probeUp: readonly Interval[], incidentDown: readonly Interval[]): Disagreement[] {
  const probeOnly = subtractIntervals(probeDown, incidentDown).map((i) => ({ ...i, kind: "probe_only" as const }));
  const recordedWhileUp = subtractIntervals(mergeIntervals(incidentDown), subtractIntervals(mergeIntervals(incidentDown), probeUp));
  const incidentOnly = recordedWhileUp.map((i) => ({ ...i, kind: "incident_only" as const }));
  return [...probeOnly, ...incidentOnly].sort((a, b) => a.from - b.from);
}

/** IPv4 or IPv6 addresses a probe must not reach unless an admin allows it: link-local and cloud metadata. */
export function isForbiddenAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 169 && b === 254) return true; // link-local, 169.254.169.254 (AWS, GCP, Azure metadata)
    if (a === 100 && b === 100 && Number(v4[3]) === 100 && Number(v4[4]) === 200) return true; // Alibaba metadata
    if (a === 0) return true;
    return false;
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith("fe8") || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb")) return true; // fe80::/10
  if (v6 === "fd00:ec2::254") return true; // AWS metadata over IPv6
  return v6 === "::";
}

export const FORBIDDEN_HOSTNAMES = ["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"];

/**
 * Whether an address is on the public internet: not loopback, private (RFC 1918, unique local),
 * shared (CGNAT), link-local, metadata, unspecified, multicast or reserved. Status page readers
 * who subscribe a webhook may only name such addresses: Nines must not call into its own network
 * on a stranger's behalf.
 */
export function isPublicAddress(address: string): boolean {
  if (isForbiddenAddress(address)) return false;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 10 || a === 127 || a === 0 || a >= 224) return false; // private, loopback, this network, multicast and reserved
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 100 && b >= 64 && b <= 127) return false; // shared address space (CGNAT)
    if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
    if (a === 192 && b === 0 && Number(v4[3]) === 0) return false; // IETF protocol assignments
    return true;
  }
  const v6 = address.toLowerCase();
  if (!v6.includes(":")) return false;
  if (v6 === "::1" || v6 === "::") return false;
  if (/^f[cd]/.test(v6)) return false; // unique local fc00::/7
  if (v6.startsWith("ff")) return false; // multicast
  if (v6.startsWith("::ffff:")) return false; // mapped forms not matched above
  return true;
}
