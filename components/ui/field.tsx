// A form field: its label, the control, an optional hint and its errors — each error on its own line, never two run
// together (issue 17, item 5). Shared by every form that shows field errors; `inputClass` is the controls' look.
export const inputClass = "block h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base";

export function Field({
  id,
  label,
  hint,
  errors,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={`space-y-1 ${className ?? ""}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul id={`${id}-error`} className="space-y-0.5 text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A form's own refusal (what the server said), announced to screen readers; nothing when there is none. */
export function FormAlert({ message, className }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className={`rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 ${className ?? ""}`}
    >
      {message}
    </p>
  );
}
