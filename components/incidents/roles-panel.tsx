"use client";

import { useState, type FormEvent } from "react";
import { roleLabel, rolesToShow, type RoleHolder } from "@/lib/domain/incident-roles";
import { ApiError } from "@/lib/query/api";
import type { IncidentDetailDto } from "@/lib/query/types";
import { Name } from "@/lib/schemas/common";
import { ConflictRetry } from "./conflict-retry";
import { useIncidentChange } from "./use-incident-change";

export type Person = { id: string; name: string };
type Props = { incident: IncidentDetailDto; roles: string[]; people: Person[]; me: Person | null; timeZone: string; canEdit: boolean };

const OTHER = "__other__";

/**
 * The incident roles (commander and the others an admin lists in Settings): who holds each, and
 * for an editor, assigning and handing over. A holder is a Nines user or a name typed for
 * someone without an account.
 */
export function RolesPanel({ incident, roles, people, me, timeZone, canEdit }: Props) {
  const change = useIncidentChange(incident);
  const [editing, setEditing] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState("Save");
  const held = incident.roles.map((r) => ({ role: r.role, user: r.user?.id ?? null, name: r.name }));
  const shown = rolesToShow(roles, held);

  function assign(role: string, holder: { user: string } | { name: string } | null, action: string) {
    setLastAction(action);
    change.send({ roles: { [role]: holder } }, () => setEditing(null));
  }

  return (
    <section className="card" aria-labelledby="roles-heading">
      <h2 id="roles-heading">Roles</h2>
      <ConflictRetry error={change.error} timeZone={timeZone} theirChanges={change.theirChanges} refreshing={change.refreshing} retry={change.retry} onDismiss={change.reset} what={lastAction} />
      {shown.length === 0 ? (
        <p className="muted">No incident roles are listed. An admin lists them in Settings.</p>
      ) : (
        <ul className="roles-list">
          {shown.map(({ role, holder, listed }) => (
            <li key={role} className="role-row">
              <span className="role-name">{roleLabel(role)}</span>
              <span className="role-holder">{holder ? <HolderName holder={holder} /> : <span className="muted">Unassigned</span>}</span>
              {canEdit && editing !== role && (
                <span className="role-actions">
                  {listed && me && holder?.user !== me.id && (
                    <button type="button" className="btn btn-secondary btn-small" disabled={change.pending} onClick={() => assign(role, { user: me.id }, `Take ${roleLabel(role).toLowerCase()}`)}>
                      {holder ? "Take over" : "Take it"}
                      <span className="visually-hidden"> ({roleLabel(role)})</span>
                    </button>
                  )}
                  {listed && (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(role)}>
                      {holder ? "Hand over…" : "Assign…"}
                      <span className="visually-hidden"> ({roleLabel(role)})</span>
                    </button>
                  )}
                  {holder && (
                    <button type="button" className="btn btn-ghost btn-small" disabled={change.pending} onClick={() => assign(role, null, `Unassign ${roleLabel(role).toLowerCase()}`)}>
                      Unassign<span className="visually-hidden"> ({roleLabel(role)})</span>
                    </button>
                  )}
                </span>
              )}
              {canEdit && editing === role && (
                <AssignForm role={role} people={people} pending={change.pending} error={change.error} onCancel={() => setEditing(null)} onAssign={(h) => assign(role, h, `Assign ${roleLabel(role).toLowerCase()}`)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HolderName({ holder }: { holder: RoleHolder }) {
  return holder.user === null ? (
    <>
      {holder.name} <span className="muted small">(no account)</span>
    </>
  ) : (
    <>{holder.name}</>
  );
}

function AssignForm({ role, people, pending, error, onCancel, onAssign }: { role: string; people: Person[]; pending: boolean; error: unknown; onCancel: () => void; onAssign: (h: { user: string } | { name: string }) => void }) {
  const [who, setWho] = useState(people[0]?.id ?? OTHER);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const id = `role-${role}`;
  const apiError = error instanceof ApiError && error.status === 400 ? error.issues.find((i) => i.path.startsWith(`roles.${role}`))?.message : undefined;
  const shownError = nameError ?? apiError;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (who !== OTHER) return onAssign({ user: who });
    const parsed = Name.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? "Enter a name");
    setNameError(null);
    onAssign({ name: parsed.data });
  }

  return (
    <form className="role-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-who`}>
        Who<span className="visually-hidden"> ({roleLabel(role)})</span>
      </label>
      <select id={`${id}-who`} className="input input-inline" value={who} onChange={(e) => setWho(e.target.value)}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>{p.name}</option>
        ))}
        <option value={OTHER}>Someone without an account…</option>
      </select>
      {who === OTHER && (
        <>
          <label htmlFor={`${id}-name`}>Their name</label>
          <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={shownError ? true : undefined} aria-describedby={shownError ? `${id}-error` : undefined} />
        </>
      )}
      {shownError && <p id={`${id}-error`} className="field-error">{shownError}</p>}
      <div className="button-row">
        <button type="submit" className="btn btn-primary btn-small" disabled={pending}>Assign</button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
