import { Fragment } from "react";
import { tierLabel } from "@/components/format";
import { BUDGET_POLICY_KEYS } from "@/lib/domain/budget-policy";
import { policyValueText } from "@/lib/domain/policy-input";
import type { ServicePolicyDto } from "@/lib/dto/budget-policy";
import { POLICY_LABELS } from "./policy-fields";

/** The policy a service follows, value by value, each saying in words whether it is the tier's or the service's own. */
export function EffectivePolicy({ policy }: { policy: ServicePolicyDto }) {
  const tier = tierLabel({ rank: policy.service.tierRank, name: policy.service.tierName });
  const own = BUDGET_POLICY_KEYS.filter((k) => policy.overrides[k] !== null).length;
  return (
    <>
      <h3 id="policy-values-heading">Policy in effect</h3>
      <p className="muted">
        {own === 0 ? `Every value is ${tier}'s.` : `${own} of ${BUDGET_POLICY_KEYS.length} values set for this service; the others are ${tier}'s.`}
      </p>
      <dl className="props policy-values">
        {BUDGET_POLICY_KEYS.map((key) => {
          const overridden = policy.overrides[key] !== null;
          return (
            <Fragment key={key}>
              <dt>{POLICY_LABELS[key]}</dt>
              <dd>
                {overridden ? <strong>{policyValueText(key, policy.policy[key])}</strong> : policyValueText(key, policy.policy[key])}{" "}
                <span className="inherited">
                  {overridden ? `set for this service (${tier}: ${policyValueText(key, policy.tierPolicy[key])})` : `from ${tier}`}
                </span>
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </>
  );
}
