import type { ReactNode } from "react";

/** Form-level message: role=alert so it is announced when it appears after a submit. */
export function FormAlert({ message, details = [], children }: { message: string | null; details?: string[]; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

export function FormSuccess({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? "alert alert-success" : "visually-hidden"}>
      {message}
    </p>
  );
}
