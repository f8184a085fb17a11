import { describe, expect, test } from "vitest";
import { checkStaffTemplate, renderStaffTemplate } from "./templates.js";

// Decision 038: staff write reminder texts; a customer's email must show them as text, never as markup.
describe("staff-written templates", () => {
  const vars = { contact_name: '<img src=x onerror="alert(1)">Eve', number: "F-7" };

  test("what staff type and every value are escaped in the HTML part, plain in the text part", async () => {
    const t = {
      subject: "Invoice {{ number }}",
      body: "<b>Hello</b> {{ contact_name }} & co\n\n{{ button }}",
      button: "Pay",
    };
    const email = await renderStaffTemplate(t, "en", vars, { buttonUrl: "https://portico.test/p/x" });
    expect(email.html).toContain("&#60;b&#62;Hello&#60;/b&#62;");
    expect(email.html).toContain("&#60;img src=x onerror=");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain('<a href="https://portico.test/p/x"');
    expect(email.text).toContain('<b>Hello</b> <img src=x onerror="alert(1)">Eve & co');
  });

  test("the raw filter cannot print a value unescaped", async () => {
    const t = { subject: "x", body: "{{ contact_name | raw }}" };
    expect(await checkStaffTemplate(t.body, "en", vars)).toBeNull();
    const email = await renderStaffTemplate(t, "en", vars);
    expect(email.html).not.toContain("<img");
  });
});
