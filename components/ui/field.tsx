// Form primitives shared by every form (issue 19): the controls — Input, Select, Textarea — in two densities, "touch"
// (44 px high, 16 px text: the phone forms of vendors and OPD staff, and anything a person fills on the go) and
// "compact" (40 px, 14 px: the admins' desktop screens); and Field: a control's label, an optional hint and its
// errors — each error on its own line, never two run together (issue 17, item 5).
import { cn } from "@/lib/utils";

const BASE = "block w-full rounded-md border border-slate-300 bg-white";
const DENSITY = { touch: "h-11 px-3 text-base", compact: "h-10 px-2 text-sm" } as const;
type Density = keyof typeof DENSITY;

/** The controls' look, for a control that cannot be one of the components below. */
export const inputClass = `${BASE} ${DENSITY.touch}`;

export function Input({
  density = "touch",
  className,
  ...props
}: React.ComponentProps<"input"> & { density?: Density }) {
  return <input {...props} className={cn(BASE, DENSITY[density], className)} />;
}

export function Select({
  density = "touch",
  className,
  ...props
}: React.ComponentProps<"select"> & { density?: Density }) {
  return <select {...props} className={cn(BASE, DENSITY[density], className)} />;
}

export function Textarea({
  density = "touch",
  className,
  ...props
}: React.ComponentProps<"textarea"> & { density?: Density }) {
  return (
    <textarea
      {...props}
      className={cn(BASE, density === "touch" ? "px-3 py-2 text-base" : "px-2 py-1.5 text-sm", "h-auto", className)}
    />
  );
}

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
