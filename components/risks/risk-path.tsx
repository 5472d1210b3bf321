import type { RiskDto } from "@/lib/dto/risks";
import { CONSEQUENCES, levelInfo, LIKELIHOODS, riskLevel, riskScore } from "@/lib/domain/risk-matrix";

const CELL = 28;
const PAD = 16;
const SIZE = PAD + CELL * 5;

/**
 * The three assessments as a path on a small matrix: inherent (I) → current (C) → target (T).
 * The figure's caption says the same in words.
 */
export function RiskPath({ risk }: { risk: Pick<RiskDto, "inherent" | "current" | "target"> }) {
  const centre = (a: { likelihood: string; consequence: number }) => ({
    x: PAD + (a.consequence - 1) * CELL + CELL / 2,
    y: PAD + LIKELIHOODS.indexOf(a.likelihood as (typeof LIKELIHOODS)[number]) * CELL + CELL / 2,
  });
  const points = [risk.inherent, risk.current, risk.target].map(centre);
  // Identical consecutive cells would draw a zero-length arrow: nudge the markers apart instead.
  const labels = ["I", "C", "T"].map((label, i) => {
    const p = points[i] as { x: number; y: number };
    const same = points.filter((q, j) => j < i && q.x === p.x && q.y === p.y).length;
    return { label, x: p.x + same * 8 - (same ? 4 : 0), y: p.y };
  });
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x},${p.y}`).join(" ");
  const words = (name: string, a: RiskDto["current"]) => `${name} ${a.likelihood}${a.consequence} (${a.level} ${a.score})`;
  return (
    <figure className="risk-path">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="risk-path-caption">
        <defs>
          <marker id="risk-path-arrow" viewBox="0 0 10 10" refX="15" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        {CONSEQUENCES.map((c) => (
          <text key={`c${c}`} className="path-axis" x={PAD + (c - 1) * CELL + CELL / 2} y={PAD / 2}>{c}</text>
        ))}
        {LIKELIHOODS.map((l, row) => (
          <g key={l}>
            <text className="path-axis" x={PAD / 2} y={PAD + row * CELL + CELL / 2}>{l}</text>
            {CONSEQUENCES.map((c) => (
              <rect key={c} className="path-cell" x={PAD + (c - 1) * CELL} y={PAD + row * CELL} width={CELL} height={CELL} fill={levelInfo(riskLevel(riskScore(l, c))).colour} fillOpacity={0.35} />
            ))}
          </g>
        ))}
        <path className="path-line" d={d} />
        {labels.map((m) => (
          <g key={m.label}>
            <circle className="path-dot" cx={m.x} cy={m.y} r={7} />
            <text className="path-label" x={m.x} y={m.y}>{m.label}</text>
          </g>
        ))}
      </svg>
      <figcaption id="risk-path-caption" className="muted small">
        {words("Inherent", risk.inherent)} → {words("current", risk.current)} → {words("target", risk.target)}
      </figcaption>
    </figure>
  );
}
