import Link from "next/link";
import { OrgTime } from "@/components/org-time";
import { formatPercent, tierLabel } from "@/components/format";
import type { ServicePolicyDto } from "@/lib/dto/budget-policy";
import { EffectivePolicy } from "./effective-policy";
import { GateExceptionForm } from "./gate-exception-form";
import { LiftFreezeForm } from "./lift-freeze-form";
import { PolicyStateBadge } from "./policy-state";
import { ServicePolicyForm } from "./service-policy-form";

type Props = { policy: ServicePolicyDto; timeZone: string; canEdit: boolean; canAdmin: boolean; origin: string };

/** Where a service stands under its error-budget policy: frozen, caution or normal, why, until when, and what may ship. */
export function ServicePolicyCard({ policy, timeZone, canEdit, canAdmin, origin }: Props) {
  const { state, currentFreeze: freeze, service } = policy;
  const reasons = policy.slos.filter((s) => s.state !== "normal").flatMap((s) => s.reasons.map((r) => `${s.name}: ${r}`));
  const past = policy.freezes.filter((f) => f.endedAt !== null);
  return (
    <section className={`card policy-card policy-${state}`} aria-labelledby="policy-heading">
      <div className="section-head">
        <h2 id="policy-heading">Error-budget policy</h2>
        {/* The tier's page is for admins: a link others would follow into a refusal is left out. */}
        {canAdmin && <Link href={`/settings/tiers/${policy.service.tierId}`}>{tierLabel({ rank: service.tierRank, name: service.tierName })}&apos;s policy</Link>}
      </div>
      <p className="policy-lead">
        <PolicyStateBadge state={state} />
        {state === "frozen" && freeze ? (
          <span>
            Frozen since <OrgTime iso={freeze.startedAt} timeZone={timeZone} showZone />;{" "}
            {freeze.recoversAt ? (
              <>recovers <OrgTime iso={freeze.recoversAt} timeZone={timeZone} showZone /> if nothing more is spent.</>
            ) : (
              <>recovers when its budget is back above {formatPercent(policy.policy.freezeAtOrBelow)} left.</>
            )}{" "}
            Only urgent fixes with a recorded exception ship.
          </span>
        ) : state === "caution" ? (
          <span>Changes may ship; keep them small and watched{policy.stateSince ? <> (since <OrgTime iso={policy.stateSince} timeZone={timeZone} showZone />)</> : null}.</span>
        ) : (
          <span>Changes ship as usual.</span>
        )}
      </p>
      {reasons.length > 0 && (
        <ul className="policy-reasons" aria-label="Why">
          {reasons.map((r) => <li key={r}>{r}</li>)}
        </ul>
      )}
      {state === "caution" && past[0]?.liftedAt && past[0].endedAt === past[0].liftedAt && (
        <p className="muted">The last freeze was lifted early by {past[0].liftedBy}: {past[0].liftReason}</p>
      )}
      {policy.openExceptions.length > 0 && (
        <>
          <h3>Releases allowed through once</h3>
          <ul className="plain-list">
            {policy.openExceptions.map((e) => (
              <li key={e.id}>
                <code>{e.release}</code> — {e.reason} <span className="muted">({e.createdBy}, <OrgTime iso={e.createdAt} timeZone={timeZone} />)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {state === "frozen" && freeze && canAdmin && <LiftFreezeForm freezeId={freeze.id} serviceName={service.name} />}
      {state === "frozen" && canEdit && <GateExceptionForm slug={service.slug} />}
      {/* After what a freeze asks for now: the values that led to it, and (admins) changing them. */}
      <EffectivePolicy policy={policy} />
      {canAdmin && (
        <details className="disclosure">
          <summary>Set this service&apos;s own values</summary>
          <ServicePolicyForm policy={policy} />
        </details>
      )}
      <details className="disclosure">
        <summary>Ask the gate from a pipeline</summary>
        <p>A step that fails the job while the service is frozen (a token with the viewer role in <code>NINES_TOKEN</code>):</p>
        <code className="gate-command">{`curl -fsS -H "Authorization: Bearer $NINES_TOKEN" "${origin}/api/v1/services/${service.slug}/gate?release=$RELEASE" | jq -e .allowed`}</code>
        <p className="muted">Then record what shipped with <code>POST /api/v1/services/{service.slug}/gate/deploys</code> (an editor token); see the API page.</p>
      </details>
      {past.length > 0 && (
        <details className="disclosure">
          <summary>{past.length === 1 ? "1 earlier freeze" : `${past.length} earlier freezes`}</summary>
          <ul className="plain-list">
            {past.map((f) => (
              <li key={f.id}>
                <OrgTime iso={f.startedAt} timeZone={timeZone} /> to {f.endedAt ? <OrgTime iso={f.endedAt} timeZone={timeZone} showZone /> : null}: {f.reason}
                {f.liftedAt && <> — lifted early by {f.liftedBy}: {f.liftReason}</>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
