import "server-only";
import { todayIn } from "@/lib/domain/action-items";
import { ActionItemInput } from "@/lib/schemas/action-item";
import { createActionItem } from "../../action-items";
import { as, DAY, type DemoContext } from "../context";
import { SCENARIOS } from "../data/incidents";
import { PEOPLE } from "../data/organisation";

/**
 * Each scenario's follow-ups, from its latest occurrence that is over: work due long ago is
 * mostly done (now and then dropped, or still open and overdue), recent work is open.
 */
export async function fillActionItems(ctx: DemoContext): Promise<number> {
  let count = 0;
  for (const scenario of SCENARIOS) {
    const from = ctx.incidents.filter((i) => i.scenario === scenario.key && i.resolvedAt !== null).at(-1);
    if (!from || !scenario.followUps) continue;
    for (const f of scenario.followUps) {
      const due = from.startedAt + f.dueDays * DAY;
      const late = due < ctx.now - 7 * DAY;
      const roll = ctx.random.int(1, 20);
      const status = !late ? "open" : roll <= 15 ? "done" : roll === 16 ? "wont_do" : "open";
      await createActionItem(
        as(from.responder),
        ActionItemInput.parse({ title: f.title, owner: PEOPLE[f.owner], dueDate: todayIn(ctx.timeZone, due), status, incident: from.reference }),
      );
      count++;
    }
  }
  return count;
}
