import type { CSSProperties } from "react";
import { levelInfo, type RiskLevel } from "@/lib/domain/risk-matrix";

/** The level in words and colour (never colour alone), with the score: "HIGH 19". */
export function LevelBadge({ level, score, cell }: { level: RiskLevel; score?: number; cell?: string }) {
  const info = levelInfo(level);
  return (
    <span className={`level-badge level-${level}`} style={{ "--level": info.colour } as CSSProperties}>
      {level}
      {score !== undefined && <span className="num-inline"> {score}</span>}
      {cell && <span className="level-cell"> · {cell}</span>}
    </span>
  );
}

/** "125.1 min/yr": bad minutes a year, one decimal below 1,000. */
export function formatBadMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  const rounded = minutes >= 1000 ? Math.round(minutes).toLocaleString("en-US") : minutes.toFixed(1);
  return `${rounded} min/yr`;
}
