// The load benchmark reads the pages' forms as a browser without JavaScript would post them.
import { describe, expect, it } from "vitest";
import { formsOf } from "@/scripts/bench/load-traffic";

describe("formsOf", () => {
  it("keeps each form's hidden fields, valued inputs and textareas, decoded, in order", () => {
    const html = `
      <form action="" method="POST"><input type="hidden" name="$ACTION_ID_abc"/><input type="hidden" name="locale" value="id"/>
        <button type="submit">ID</button></form>
      <form class="space-y-4" action="" encType="multipart/form-data" method="POST">
        <input type="hidden" name="$ACTION_REF_2"/>
        <input type="hidden" name="$ACTION_2:0" value="{&quot;id&quot;:&quot;60f0&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
        <input type="hidden" name="offerId" value="7d1c"/>
        <input id="x" name="pax" type="number"/>
        <input type="submit" name="go" value="Kirim"/>
        <textarea name="reason" required></textarea>
      </form>
      <input type="hidden" name="outside" value="1"/>`;
    const forms = formsOf(html);
    expect(forms).toHaveLength(2);
    expect(forms[0]!.fields).toEqual([
      ["$ACTION_ID_abc", ""],
      ["locale", "id"],
    ]);
    const f = forms[1]!;
    expect(f.get("$ACTION_2:0")).toBe('{"id":"60f0","bound":"$@1"}');
    expect(f.has("reason")).toBe(true);
    expect(f.has("go")).toBe(false);
    expect(f.fields.map(([k]) => k)).toEqual(["$ACTION_REF_2", "$ACTION_2:0", "offerId", "pax", "reason"]);
    expect(forms.some((x) => x.has("outside"))).toBe(false);
  });

  it("finds no form in a page without one", () => {
    expect(formsOf("<main><p>Tidak ada penawaran</p></main>")).toEqual([]);
  });
});
