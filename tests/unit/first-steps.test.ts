import { describe, expect, it } from "vitest";
import { firstSteps, firstStepsPending } from "@/lib/domain/first-steps";

describe("a vendor's first steps", () => {
  const fresh = { passwordChanged: false, activeMenuItems: 0, whatsapp: "12", email: null, daysOff: 0 };
  it("lists every step, and stays until the required ones are done (days off are optional)", () => {
    expect(
      firstSteps(fresh)
        .filter((s) => !s.done)
        .map((s) => s.step),
    ).toEqual(["password", "menu", "whatsapp", "email", "daysOff"]);
    expect(firstStepsPending(fresh)).toBe(true);
    const ready = {
      passwordChanged: true,
      activeMenuItems: 2,
      whatsapp: "0812 3456 7890",
      email: "a@b.id",
      daysOff: 0,
    };
    expect(firstStepsPending(ready)).toBe(false);
    expect(firstStepsPending({ ...ready, whatsapp: "+62 812" })).toBe(true);
    expect(firstStepsPending({ ...ready, email: "bukan-email" })).toBe(true);
  });
});
