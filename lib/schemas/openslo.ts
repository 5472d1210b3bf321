import { z } from "zod";
import { BooleanFlag, PlainString, QueryInt } from "./common";

/** POST /api/v1/openslo's query. */
export const OpenSloImportQuery = z.strictObject({
  /** true (the default) lists what would change and every error; false applies all of it, or nothing. */
  dryRun: BooleanFlag.default(true),
  /** Services the documents name that do not exist are created, in the tier their SLO's nines.dev/tier annotation or `tier` names. */
  createServices: BooleanFlag.default(false),
  /** The registered datasource (by name) of a Prometheus metric source that names none by metricSourceRef. */
  datasource: PlainString().trim().min(1, { error: "Required" }).max(80, { error: "Must be at most 80 characters" }).optional(),
  /** The tier (rank) of a created service whose SLO does not name one. */
  tier: QueryInt(1, 99).optional(),
});
