import { describe, expect, test } from "vitest";
import { signupBody, slugFromName } from "../../../shared/contracts/index.js";
import {
  browserTimeZone,
  countryOptions,
  initialOrganisationValues,
  ONBOARDING_LINKS,
  toSignupBody,
} from "./signup-model.js";

describe("the sign-up form model", () => {
  test("starts in the UI's language with the browser's time zone", () => {
    expect(initialOrganisationValues("en-GB")).toMatchObject({
      language: "en",
      currency: "EUR",
      country: "ES",
    });
    expect(initialOrganisationValues("es").language).toBe("es");
    expect(initialOrganisationValues("en").timeZone).toBe(browserTimeZone());
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  test("sends what the contract accepts: trimmed, the email and slug in lowercase", () => {
    const body = toSignupBody({
      ...initialOrganisationValues("en"),
      timeZone: "Europe/Madrid",
      organisationName: "  Luna  ",
      slug: " Luna-Wood ",
      name: " Lucía ",
      email: " Lucia@Example.COM ",
      password: "granite meadow kettle",
    });
    expect(body).toMatchObject({
      organisationName: "Luna",
      slug: "luna-wood",
      name: "Lucía",
      email: "lucia@example.com",
    });
    expect(signupBody.safeParse(body).success).toBe(true);
  });

  test("names countries in the UI's language and suggests a slug from the name", () => {
    expect(countryOptions("es").find((c) => c.value === "DE")?.label).toBe("Alemania (DE)");
    expect(countryOptions("en").find((c) => c.value === "DE")?.label).toBe("Germany (DE)");
    expect(slugFromName("Carpintería Luna & Hijos")).toBe("carpinteria-luna-hijos");
    expect(slugFromName("")).toBe("");
  });

  test("links every checklist item to a back-office page", () => {
    for (const href of Object.values(ONBOARDING_LINKS)) expect(href).toMatch(/^\/[a-z-]+(\/[a-z-]+)?$/);
  });
});
