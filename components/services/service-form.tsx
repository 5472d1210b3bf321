"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isStaleVersion, ReloadLatest } from "@/components/forms/stale-version";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { MaintenanceOptions, SloWindowOptions } from "@/components/forms/slo-options";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { targetPercentProblem } from "@/lib/domain/percent-input";
import { tierLabel } from "@/components/format";
import { useCreateService, useUpdateService } from "@/lib/query/mutations";
import type { ServiceDto } from "@/lib/query/types";
import { zodIssues } from "@/lib/schemas/issues";
import { ServiceInput, ServiceUpdate } from "@/lib/schemas/service";
import { DependencyPicker, type DependencyOption } from "./dependency-picker";
import { inheritHints, initialValues, PERCENT_MESSAGE, suggestSlug, toPayload, type ServiceFormValues, type TierOption } from "./service-form-values";

// In on-screen order: focus goes to the first invalid field after a failed submit.
const FIELDS = ["name", "slug", "tier", "owner", "sloTarget", "sloWindow", "maintenance", "measuredSince", "description", "dependsOn"] as const;

type Props = { tiers: TierOption[]; candidates: DependencyOption[]; timeZone: string } & (
  | { mode: "create"; service?: undefined }
  | { mode: "edit"; service: ServiceDto }
);

export function ServiceForm({ tiers, candidates, mode, service, timeZone }: Props) {
  const router = useRouter();
  const [initial] = useState<ServiceFormValues>(() => initialValues(service, tiers.find((t) => !t.archived)?.id ?? "", timeZone));
  const [values, setValues] = useState<ServiceFormValues>(initial);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors(mode === "create" ? "new-service" : "edit-service", FIELDS);
  const create = useCreateService();
  const update = useUpdateService(service?.slug ?? "");
  const mutation = mode === "create" ? create : update;
  const tier = tiers.find((t) => t.id === values.tier);
  const hints = inheritHints(tier);
  // New services get a slug suggested from the name until someone types one themselves.
  const [slugEdited, setSlugEdited] = useState(mode === "edit");
  const set = (key: Exclude<keyof ServiceFormValues, "dependsOn">) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const setName = (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, name: e.target.value, ...(slugEdited ? {} : { slug: suggestSlug(e.target.value) }) }));
  const setSlug = (e: { target: { value: string } }) => {
    setSlugEdited(true);
    set("slug")(e);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const payload = toPayload(values, timeZone, initial);
    const parsed =
      mode === "create" ? ServiceInput.safeParse(payload) : ServiceUpdate.safeParse({ ...payload, version: service.version });
    if (!parsed.success) {
      // Same messages as the server, except the percent field's: the form speaks percent.
      const issues = zodIssues(parsed.error).map((i) =>
        i.path === "sloTarget" ? { ...i, message: Number.isNaN(payload.sloTarget) ? PERCENT_MESSAGE : (targetPercentProblem(payload.sloTarget, false) ?? i.message) } : i,
      );
      return showIssues(issues, null);
    }
    const onSuccess = (saved: ServiceDto) => router.push(`/services/${saved.slug}`);
    if (mode === "create") create.mutate(parsed.data as ServiceInput, { onSuccess, onError: showApi });
    else update.mutate(parsed.data as ServiceUpdate, { onSuccess, onError: showApi });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details}>
        {isStaleVersion(mutation.error) && <ReloadLatest />}
      </FormAlert>
      <div className="form-grid">
        <TextField
          id={fieldId("name")}
          label="Name"
          value={values.name}
          onChange={setName}
          error={errors.fields.name}
          placeholder="Checkout API"
          required
          autoFocus={mode === "create"}
        />
        <TextField
          id={fieldId("slug")}
          label="Slug"
          value={values.slug}
          onChange={setSlug}
          error={errors.fields.slug}
          hint={mode === "create" ? "Used in URLs and the API, e.g. checkout-api." : "Changing it changes the service's URL and API path."}
          placeholder="checkout-api"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
        <SelectField id={fieldId("tier")} label="Tier" value={values.tier} onChange={set("tier")} error={errors.fields.tier} required>
          {tiers.length === 0 && <option value="">No tiers: an admin must create one first</option>}
          {tiers.map((t) => (
            <option key={t.id} value={t.id} disabled={t.archived && t.id !== values.tier}>
              {tierLabel(t)}
              {t.archived ? " (archived)" : ""}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fieldId("owner")}
          label="Owner team"
          value={values.owner}
          onChange={set("owner")}
          error={errors.fields.owner}
          placeholder="payments"
          optional
        />
        <TextField
          id={fieldId("sloTarget")}
          label="SLO target (%)"
          inputMode="decimal"
          value={values.sloTarget}
          onChange={set("sloTarget")}
          error={errors.fields.sloTarget}
          placeholder={hints.placeholder}
          hint={hints.target}
          optional
        />
        <SelectField
          id={fieldId("sloWindow")}
          label="SLO window"
          value={values.sloWindow}
          onChange={set("sloWindow")}
          error={errors.fields.sloWindow}
          hint={`Inherit uses the default of ${hints.from}.`}
        >
          <option value="">{hints.window}</option>
          <SloWindowOptions current={values.sloWindow} />
        </SelectField>
        <SelectField
          id={fieldId("maintenance")}
          label="Maintenance"
          value={values.maintenance}
          onChange={set("maintenance")}
          error={errors.fields.maintenance}
          hint="Whether planned maintenance spends error budget."
        >
          <option value="">{hints.maintenance}</option>
          <MaintenanceOptions />
        </SelectField>
        <TextField
          id={fieldId("measuredSince")}
          label={`Measured since (${timeZone})`}
          type="datetime-local"
          value={values.measuredSince}
          onChange={set("measuredSince")}
          error={errors.fields.measuredSince}
          hint={
            mode === "create"
              ? "Leave empty to count its incident record from now. Set it earlier to log history from before: figures before it show as no data."
              : "Its incident record counts from here: figures before it show as no data. Set it earlier to log older history."
          }
          optional={mode === "create"}
        />
        <TextAreaField
          id={fieldId("description")}
          label="Description"
          className="span-all"
          value={values.description}
          onChange={set("description")}
          error={errors.fields.description}
          placeholder="What it does and who notices when it is down"
          rows={3}
          optional
        />
        <DependencyPicker
          id={fieldId("dependsOn")}
          options={candidates}
          value={values.dependsOn}
          onChange={(dependsOn) => setValues((v) => ({ ...v, dependsOn }))}
          error={errors.fields.dependsOn}
        />
      </div>
      <div className="button-row">
        <SubmitButton pending={mutation.isPending}>{mode === "create" ? "Create service" : "Save changes"}</SubmitButton>
        <Link className="btn btn-ghost" href={mode === "create" ? "/services" : `/services/${service.slug}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
