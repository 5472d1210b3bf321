import "server-only";
import { pool } from "./db";

/** Rejects after `ms`: a stalled database must not hold a request for longer than its bound. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (Query read timeout)`)), ms);
  });
  work.catch(() => {}); // settled later, after the deadline, it must not count as unhandled
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

// A page request asks at most once a second while the database answers; while it does not, each
// asks again, so the first request after recovery goes through.
let healthyUntil = 0;

/** True when PostgreSQL answers a trivial query within `ms`. */
export async function databaseAnswers(ms = 1500): Promise<boolean> {
  if (Date.now() < healthyUntil) return true;
  try {
    await withDeadline(pool().query("SELECT 1"), ms, "database probe");
    healthyUntil = Date.now() + 1000;
    return true;
  } catch {
    healthyUntil = 0;
    return false;
  }
}
