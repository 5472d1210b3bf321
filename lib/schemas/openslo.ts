import { z } from "zod";
import { BooleanFlag, QueryInt } from "./common";

/** POST /api/v1/openslo's query. */
export const OpenSloImportQuery = z.strictObject({
  /** true (the default) lists what would change and every error; false applies all of it, or nothing. */
  dryRun: BooleanFlag.default(true),
  /** Services the documents name that do not exist are created, in the tier their SLO's nines.dev/tier annotation or `tier` names. */
  createServices: BooleanFlag.default(false),
  /** The tier (rank) of a created service whose SLO does not name one. */
  tier: QueryInt(1, 99).optional(),
});
