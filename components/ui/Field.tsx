import type { InputHTMLAttributes } from "react";

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  multiline?: boolean;
  className?: string;
  /** Controlled value kept in the browser, for fields the server must never send back. */
  value?: string;
  onValueChange?: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className" | "value" | "onChange">;

/** A labelled input whose error is announced and tied to it for screen readers. */
export function Field({
  name,
  label,
  error,
  multiline,
  className,
  value,
  onValueChange,
  ...input
}: FieldProps) {
  const errorId = `${name}-error`;
  const shared = {
    id: name,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    className: `w-full rounded border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-sky-600 ${className ?? ""}`,
    ...(onValueChange ? { value: value ?? "" } : {}),
  };
  return (
    <div>
      <label htmlFor={name} className="mb-1 block font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...shared}
          rows={3}
          spellCheck={false}
          defaultValue={onValueChange ? undefined : input.defaultValue}
          onChange={onValueChange ? (event) => onValueChange(event.target.value) : undefined}
        />
      ) : (
        <input
          {...shared}
          {...input}
          onChange={onValueChange ? (event) => onValueChange(event.target.value) : undefined}
        />
      )}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
