import "server-only";
import { withWindow } from "@/lib/domain/measured-sli";
import type { PrometheusSli, ThresholdOp } from "@/lib/domain/slo";
import type { SliInput } from "@/lib/schemas/slo";
import { noteDatasource, resolveDatasource } from "./datasources";
import { prisma } from "./db";
import { ValidationError } from "./errors";
import { instantQuery, PrometheusRejected, PrometheusUnreachable } from "./prometheus";

type PrometheusInput = Extract<SliInput, { source: "prometheus" }>;

/** The stored SLI of a Prometheus input (its datasource by id). */
export function prometheusSli(sli: PrometheusInput, datasourceId: string): PrometheusSli {
  if (sli.kind === "ratio") return { source: "prometheus", datasource: datasourceId, kind: "ratio", total: sli.total as string, ...(sli.good === undefined ? {} : { good: sli.good }), ...(sli.bad === undefined ? {} : { bad: sli.bad }) };
  return { source: "prometheus", datasource: datasourceId, kind: "threshold", query: sli.query as string, op: sli.op as ThresholdOp, threshold: sli.threshold as number };
}

/**
 * Asks the SLI's Prometheus to run each query once (with `$window` as 5m): a query it refuses is a
 * 400 naming the field, with Prometheus's own message. A server that does not answer is noted on
 * the datasource and the SLO is created anyway: it shows as unknown until data arrives.
 */
export async function checkQueries(sli: PrometheusInput): Promise<void> {
  const ds = await resolveDatasource(prisma, sli.datasource);
  const fields = (sli.kind === "ratio" ? (["good", "bad", "total"] as const) : (["query"] as const)).filter((f) => sli[f] !== undefined);
  for (const field of fields) {
    try {
      const answer = await instantQuery(ds, withWindow(sli[field] as string, 300));
      if (answer.resultType === "vector" && answer.result.length > 1) {
        throw ValidationError.field(`sli.${field}`, `The query gives ${answer.result.length} series where one is expected: aggregate it, e.g. sum(...)`);
      }
      await noteDatasource(ds.id, { ok: true });
    } catch (err) {
      if (err instanceof PrometheusRejected) throw ValidationError.field(`sli.${field}`, `Prometheus refused the query: ${err.message}`);
      if (err instanceof PrometheusUnreachable) {
        await noteDatasource(ds.id, { ok: false, error: err.message });
        return;
      }
      throw err;
    }
  }
}
