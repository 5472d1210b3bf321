"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ApiError } from "@/lib/query/api";
import { useUpdateUser } from "@/lib/query/mutations";
import type { Role, UserDto } from "@/lib/query/types";

/** A refused field says why; a stale edit says who overtook it and that the row shows their change. */
function errorText(error: ApiError): string {
  if (error.status === 400) return error.issues[0]?.message ?? error.message;
  if (error.status !== 409 || !error.issues.some((i) => i.path === "version")) return error.message;
  const who = error.current ? `${error.current.changedBy} changed this user` : "Someone else changed this user";
  return `${who} since this page was read; the row now shows that change. Apply yours again if you still want it.`;
}

/**
 * Change a user's role or disable/enable them, inline in their table row. Each change carries the
 * version the row was read at; when someone else changed the user meanwhile, the 409 says who, the
 * row is read again and the role chosen here stays selected, to apply again if still wanted.
 */
export function UserRowActions({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const [role, setRole] = useState<Role>(user.role);
  const router = useRouter();
  const mutation = useUpdateUser(user.id);
  const refused = (error: ApiError) => (error.status === 409 ? router.refresh() : setRole(user.role));
  const selectId = `role-${user.id}`;
  const errorId = `user-${user.id}-error`;
  const error = mutation.error ? errorText(mutation.error) : null;

  function changeRole(event: FormEvent) {
    event.preventDefault();
    if (role !== user.role) mutation.mutate({ role, version: user.version }, { onError: refused });
  }

  return (
    <div className="stack-small">
      <form className="confirm" onSubmit={changeRole}>
        <label htmlFor={selectId} className="visually-hidden">
          Role for {user.name}
        </label>
        <select
          id={selectId}
          className="input input-inline"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
        >
          <option value="viewer">Viewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
        <button type="submit" className="btn btn-secondary btn-small" disabled={role === user.role || mutation.isPending}>
          Change role<span className="visually-hidden"> of {user.name}</span>
        </button>
        <button
          type="button"
          className={`btn btn-small ${user.disabled ? "btn-secondary" : "btn-danger"}`}
          disabled={mutation.isPending || (isSelf && !user.disabled)}
          title={isSelf && !user.disabled ? "You cannot disable your own account" : undefined}
          onClick={() => mutation.mutate({ disabled: !user.disabled, version: user.version }, { onError: refused })}
        >
          {user.disabled ? "Enable" : "Disable"}
          <span className="visually-hidden"> {user.name}</span>
        </button>
      </form>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
