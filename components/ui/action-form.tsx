"use client";
// A plain form that keeps what was typed when the server refuses it (issue 17, item 5). Its action is one of the
// redirecting server actions (lib/actions/form-action.ts → `?done=` or `?error=&field=&why=`). Without JavaScript the
// browser posts it as before. With JavaScript it is submitted without React's reset of the form, and what was typed is
// put back after the redirect (a new address remounts the page, and with it the form), so a refusal leaves every field
// as the user left it; the field at fault is marked (aria-invalid, red) and focused, and the page's Flash says why.
// After a success the form shows what the page now shows (the saved values, or empty for an "add" form).
import { useEffect, useRef, useTransition, type FormHTMLAttributes, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the user typed in the form just sent: which form (page and place on it) and its fields. */
interface Typed {
  path: string;
  index: number;
  at: number;
  values: { name: string; value: string; checked?: boolean }[];
}
// Outlives the page's remount after the redirect; one form is sent at a time.
let lastSent: Typed | null = null;

function typedValues(form: HTMLFormElement): Typed["values"] {
  const out: Typed["values"] = [];
  for (const el of Array.from(form.elements) as FormControl[]) {
    if (!el.name || el.type === "hidden" || el.type === "file" || el.type === "submit" || el.type === "button")
      continue;
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      out.push({ name: el.name, value: el.value, checked: el.checked });
    } else out.push({ name: el.name, value: el.value });
  }
  return out;
}

function restore(form: HTMLFormElement, values: Typed["values"]) {
  const controls = Array.from(form.elements) as FormControl[];
  for (const v of values) {
    const el = controls.find(
      (c) => c.name === v.name && (v.checked === undefined || (c as HTMLInputElement).value === v.value),
    );
    if (!el) continue;
    if (v.checked !== undefined) (el as HTMLInputElement).checked = v.checked;
    else el.value = v.value;
  }
}

export function ActionForm({
  action,
  children,
  ...props
}: Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit"> & {
  action: (formData: FormData) => Promise<void>;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  const [pending, start] = useTransition();
  const params = useSearchParams();
  const outcome = `${params.get("done") ?? ""}|${params.get("error") ?? ""}|${params.get("field") ?? ""}|${params.get("why") ?? ""}`;

  useEffect(() => {
    const form = ref.current;
    if (!form || pending) return;
    // This form, remounted after its own post's redirect: put back what was typed if the server refused it.
    const sent = lastSent;
    const here = sent && sent.path === location.pathname && sent.index === Array.from(document.forms).indexOf(form);
    if (here && Date.now() - sent.at < 120_000) {
      lastSent = null;
      if (params.get("error")) {
        restore(form, sent.values);
        // A form folded in a <details> (the order page's, the vendor's invoice) opens again to show what was refused.
        for (let d = form.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
        submitted.current = true;
      }
    }
    if (!submitted.current) return;
    submitted.current = false;
    for (const el of Array.from(form.querySelectorAll("[data-invalid-mark]"))) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("data-invalid-mark");
    }
    if (!params.get("error")) {
      form.reset();
      return;
    }
    const field = params.get("field");
    const el = field ? (form.elements.namedItem(field) as FormControl | RadioNodeList | null) : null;
    const control = el instanceof RadioNodeList ? (el[0] as FormControl | undefined) : el;
    if (control && "focus" in control && control.type !== "hidden") {
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("data-invalid-mark", "");
      control.focus();
    }
    // The outcome in the address bar is what this effect reads; `params` itself changes identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outcome, pending]);

  return (
    <form
      {...props}
      ref={ref}
      action={action}
      aria-busy={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return; // a double tap sends once
        const form = e.currentTarget;
        const data = new FormData(form, (e.nativeEvent as SubmitEvent).submitter);
        submitted.current = true;
        lastSent = {
          path: location.pathname,
          index: Array.from(document.forms).indexOf(form),
          at: Date.now(),
          values: typedValues(form),
        };
        start(() => action(data));
      }}
      onInput={(e) => {
        const el = e.target as Element;
        if (el.hasAttribute("data-invalid-mark")) {
          el.removeAttribute("aria-invalid");
          el.removeAttribute("data-invalid-mark");
        }
      }}
    >
      {children}
    </form>
  );
}
