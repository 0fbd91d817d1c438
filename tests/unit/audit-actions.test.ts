// Every audit action has a label in both languages: no code like `auth.login` reaches a person (issue 18).
import { describe, expect, it } from "vitest";
import id from "@/messages/id.json";
import en from "@/messages/en.json";
import { AUDIT_ACTIONS } from "@/lib/domain/audit-actions";

function label(messages: Record<string, unknown>, action: string): unknown {
  return action
    .split(".")
    .reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages.auditActions);
}

describe("audit actions", () => {
  it.each([
    ["Indonesian", id],
    ["English", en],
  ])("each has a label in %s", (_lang, messages) => {
    const missing = AUDIT_ACTIONS.filter((a) => typeof label(messages, a) !== "string" || !label(messages, a));
    expect(missing).toEqual([]);
  });

  it("labels nothing that is not an action (no stale labels)", () => {
    for (const messages of [id, en]) {
      const groups = messages.auditActions as Record<string, Record<string, string>>;
      const labelled = Object.entries(groups).flatMap(([g, keys]) => Object.keys(keys).map((k) => `${g}.${k}`));
      expect(labelled.sort()).toEqual([...AUDIT_ACTIONS].sort());
    }
  });
});
