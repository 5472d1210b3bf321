import "server-only";
import { RiskInput, RiskUpdate } from "@/lib/schemas/risk";
import { todayIn } from "@/lib/domain/action-items";
import { ActionItemInput } from "@/lib/schemas/action-item";
import { createActionItem } from "../../action-items";
import { prisma } from "../../db";
import { createRisk, linkIncident, reviewRisk, updateRisk } from "../../risks-write";
import { as, DAY, type DemoContext } from "../context";
import { SCENARIOS } from "../data/incidents";
import { PEOPLE } from "../data/organisation";
import { RISKS, type DemoRisk } from "../data/risks";

const assessment = (cell: DemoRisk["current"]) => ({ likelihood: cell[0], consequence: Number(cell[1]) });

/** The register: each risk with its reviews, the incidents that realised it and its mitigation work. */
export async function fillRisks(ctx: DemoContext): Promise<number> {
  for (const r of RISKS) {
    const owner = as(r.owner);
    const created = await createRisk(
      owner,
      RiskInput.parse({
        title: r.title,
        description: r.description,
        cause: r.cause,
        event: r.event,
        consequence: r.consequence,
        service: r.service,
        owner: PEOPLE[r.owner],
        identifiedAt: new Date(ctx.now - r.identifiedDaysAgo * DAY).toISOString(),
        inherent: assessment(r.inherent),
        current: assessment(r.current),
        target: assessment(r.target),
        treatment: r.treatment,
        acceptedBy: r.accepted ? PEOPLE[r.accepted.by] : null,
        acceptedUntil: r.accepted ? new Date(ctx.now + r.accepted.forDays * DAY).toISOString() : null,
        monitoringDetects: r.monitoringDetects,
        mitigationPlan: r.mitigationPlan,
        ettdMinutes: r.estimates?.ettd ?? null,
        ettrMinutes: r.estimates?.ettr ?? null,
        ettfDays: r.estimates?.ettf ?? null,
        impactFraction: r.estimates?.impact ?? null,
      }),
    );
    ctx.risks.set(r.key, created.id);
    // Logged when it was identified, not when the demo wrote it: a review's "new this week" reads this.
    await prisma.risk.update({ where: { id: created.id }, data: { createdAt: new Date(ctx.now - r.identifiedDaysAgo * DAY) } });
    for (const review of r.reviews) {
      await reviewRisk(as(review.by), created.id, { note: review.note }, { at: new Date(ctx.now - review.daysAgo * DAY) });
    }
    const realisedBy = new Set(SCENARIOS.filter((s) => s.risk === r.key).map((s) => s.key));
    for (const incident of ctx.incidents.filter((i) => realisedBy.has(i.scenario))) {
      await linkIncident(owner, created.id, incident.reference, true);
    }
    for (const a of r.actions ?? []) {
      await createActionItem(
        owner,
        ActionItemInput.parse({ title: a.title, owner: PEOPLE[a.owner], dueDate: todayIn(ctx.timeZone, ctx.now + a.dueDays * DAY), status: a.status ?? "open", risk: created.id }),
      );
    }
    if (r.closed) {
      const { version } = await prisma.risk.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
      await updateRisk(owner, created.id, RiskUpdate.parse({ status: "closed", version }));
    }
  }
  return RISKS.length;
}

