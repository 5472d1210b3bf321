"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { groupList } from "@/lib/domain/oidc-roles";
import { DEFAULT_OIDC_SCOPES } from "@/lib/domain/oidc-scopes";
import type { SignInSettingsDto } from "@/lib/dto/sign-in";
import type { FieldIssue } from "@/lib/schemas/issues";
import { zodIssues } from "@/lib/schemas/issues";
import { SignInSettingsUpdate } from "@/lib/schemas/sign-in-settings";
import { ApiError } from "@/lib/query/api";
import { useUpdateSignInSettings } from "@/lib/query/mutations";

const FIELDS = ["issuer", "clientId", "clientSecret", "displayName", "groupsClaim", "scopes", "adminGroups", "editorGroups", "viewerGroups", "defaultRole", "enabled"] as const;

/** "oidc.groups.admin.2" → "adminGroups", "oidc.issuer" → "issuer": the form's own field names. */
function toFormIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const parts = i.path.replace(/^oidc\.?/, "").split(".");
    const path = parts[0] === "groups" && parts[1] ? `${parts[1]}Groups` : (parts[0] ?? "");
    return { ...i, path };
  });
}

/** OpenID Connect: where the provider is, the client Nines is registered as, and which groups give which role. */
export function OidcSettingsForm({ settings }: { settings: SignInSettingsDto }) {
  const o = settings.oidc;
  const [v, setV] = useState({
    enabled: o?.enabled ?? true,
    issuer: o?.issuer ?? "",
    clientId: o?.clientId ?? "",
    clientSecret: "",
    displayName: o?.displayName ?? "",
    groupsClaim: o?.groupsClaim ?? "groups",
    scopes: o?.scopes ?? DEFAULT_OIDC_SCOPES,
    adminGroups: (o?.groups.admin ?? []).join(", "),
    editorGroups: (o?.groups.editor ?? []).join(", "),
    viewerGroups: (o?.groups.viewer ?? []).join(", "),
    defaultRole: o?.defaultRole ?? "",
  });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues: show, showApi, clear } = useFormErrors("oidc", FIELDS);
  const update = useUpdateSignInSettings();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 400) show(toFormIssues(error.issues), null);
    else showApi(error);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const body = {
      oidc: {
        enabled: v.enabled,
        issuer: v.issuer,
        clientId: v.clientId,
        ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
        displayName: v.displayName,
        groupsClaim: v.groupsClaim,
        scopes: v.scopes,
        groups: { admin: groupList(v.adminGroups), editor: groupList(v.editorGroups), viewer: groupList(v.viewerGroups) },
        defaultRole: v.defaultRole || null,
      },
      version: settings.version,
    };
    const parsed = SignInSettingsUpdate.safeParse(body);
    if (!parsed.success) return show(toFormIssues(zodIssues(parsed.error)), null);
    update.mutate(parsed.data, {
      onSuccess: () => {
        setSaved(v.enabled ? "Saved. The login page offers the button from now on; the client secret is stored encrypted and not shown again." : "Saved. OpenID Connect is off.");
        setV((x) => ({ ...x, clientSecret: "" }));
      },
      onError,
    });
  }

  function remove() {
    clear();
    setSaved(null);
    update.mutate({ oidc: null, version: settings.version }, { onSuccess: () => setSaved("The stored configuration is removed."), onError });
  }

  const f = errors.fields;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="OpenID Connect">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <div className="field">
        <label className="check">
          <input type="checkbox" id={fieldId("enabled")} checked={v.enabled} onChange={(e) => setV((x) => ({ ...x, enabled: e.target.checked }))} aria-describedby={`${fieldId("enabled")}-hint`} />
          Offer sign-in with the identity provider
        </label>
        <p id={`${fieldId("enabled")}-hint`} className="field-hint">
          Off keeps these settings without showing the button (and without falling back to the environment&apos;s).
        </p>
      </div>
      <div className="form-grid">
        <TextField id={fieldId("issuer")} label="Issuer URL" value={v.issuer} onChange={set("issuer")} error={f.issuer} inputMode="url" placeholder="https://login.example.com/realms/sre" hint="Nines reads <issuer>/.well-known/openid-configuration." />
        <TextField id={fieldId("displayName")} label="Provider name" value={v.displayName} onChange={set("displayName")} error={f.displayName} hint={`The button says "Sign in with ${v.displayName || "…"}".`} />
        <TextField id={fieldId("clientId")} label="Client ID" value={v.clientId} onChange={set("clientId")} error={f.clientId} autoComplete="off" />
        <TextField
          id={fieldId("clientSecret")}
          label="Client secret"
          type="password"
          autoComplete="new-password"
          value={v.clientSecret}
          onChange={set("clientSecret")}
          error={f.clientSecret}
          optional
          hint={o?.secretConfigured ? "A secret is stored. Type a new one to replace it; leave empty to keep it." : "Leave empty for a public client (PKCE only)."}
        />
        <TextField id={fieldId("groupsClaim")} label="Groups claim" value={v.groupsClaim} onChange={set("groupsClaim")} error={f.groupsClaim} hint="The claim listing a person's groups, e.g. groups or realm_access.roles." />
        <TextField
          id={fieldId("scopes")}
          label="Scopes"
          value={v.scopes}
          onChange={set("scopes")}
          error={f.scopes}
          autoComplete="off"
          spellCheck={false}
          hint={`Separated by spaces, with openid. Some providers send the groups claim only when asked for a scope of its own: add it here (e.g. "${DEFAULT_OIDC_SCOPES} groups").`}
        />
        <SelectField id={fieldId("defaultRole")} label="Role of people in no listed group" value={v.defaultRole} onChange={set("defaultRole")} error={f.defaultRole}>
          <option value="">None: refuse them</option>
          <option value="viewer">Viewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </SelectField>
        <TextAreaField id={fieldId("adminGroups")} label="Admin groups" rows={2} value={v.adminGroups} onChange={set("adminGroups")} error={f.adminGroups} optional hint="Group names, separated by commas." />
        <TextAreaField id={fieldId("editorGroups")} label="Editor groups" rows={2} value={v.editorGroups} onChange={set("editorGroups")} error={f.editorGroups} optional />
        <TextAreaField id={fieldId("viewerGroups")} label="Viewer groups" rows={2} value={v.viewerGroups} onChange={set("viewerGroups")} error={f.viewerGroups} optional hint="The highest role of a person's groups applies, set again at every sign-in." />
      </div>
      <div className="button-row">
        <SubmitButton pending={update.isPending}>Save OpenID Connect</SubmitButton>
        {o && (
          <button type="button" className="btn btn-secondary" disabled={update.isPending} onClick={remove}>
            Remove stored configuration
          </button>
        )}
      </div>
    </form>
  );
}

/** Local passwords on or off; off keeps them for admins who have one (the way in when the provider fails). */
export function LocalPasswordsForm({ settings }: { settings: SignInSettingsDto }) {
  const update = useUpdateSignInSettings();
  const error = update.error ? (update.error.issues[0]?.message ?? update.error.message) : null;
  const on = settings.localPasswords;
  return (
    <div className="stack-small">
      <p>
        {on ? "People with a local password may sign in with it." : "Local passwords are off: only admins who have one may still use it, for recovery."}{" "}
        {settings.adminsWithPassword === 1 ? "One active admin has" : `${settings.adminsWithPassword} active admins have`} a local password.
      </p>
      <div className="button-row">
        <button type="button" className="btn btn-secondary" disabled={update.isPending} aria-describedby={error ? "local-passwords-error" : undefined} onClick={() => update.mutate({ localPasswords: !on, version: settings.version })}>
          {on ? "Turn local passwords off" : "Turn local passwords on"}
        </button>
      </div>
      {error && (
        <p id="local-passwords-error" role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
