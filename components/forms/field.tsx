import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type FieldChrome = {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
};

/** aria-describedby for a field: the error text first (when present, it matters most), then the hint. */
export function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

// The label holds only the field's name (no "*" or "optional" inside it), so its accessible
// name is exactly "Slug", "Name", ... and tests and screen readers find it unambiguously.
function Chrome({ id, label, error, hint, optional, className, children }: FieldChrome & { children: ReactNode }) {
  return (
    <div className={`field${error ? " field-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {optional && <span className="field-optional">optional</span>}
      </div>
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function TextField(props: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const { id, label, error, hint, optional, className, ...input } = props;
  return (
    <Chrome {...{ id, label, error, hint, optional, className }}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </Chrome>
  );
}

export function SelectField(props: FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  const { id, label, error, hint, optional, className, children, ...select } = props;
  return (
    <Chrome {...{ id, label, error, hint, optional, className }}>
      <select
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
    </Chrome>
  );
}

export function TextAreaField(props: FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const { id, label, error, hint, optional, className, ...area } = props;
  return (
    <Chrome {...{ id, label, error, hint, optional, className }}>
      <textarea
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...area}
      />
    </Chrome>
  );
}
