import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildOrg, putOrganisationProfile, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Bank Account Org");
});
afterAll(() => ctx.close());

const profile = async () =>
  (await ctx.app.inject({ method: "GET", url: "/api/organisation", headers: { cookie: org.cookie } })).json();
const save = (bank: { iban: string | null; bic: string | null }) => putOrganisationProfile(ctx, org, bank);
const fieldCodes = async (bank: { iban: string | null; bic: string | null }) => {
  const res = await save(bank);
  expect(res.statusCode).toBe(400);
  return Object.fromEntries(
    (res.json().errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );
};

describe("the organisation's IBAN and BIC (issue 13)", () => {
  test("are stored in the electronic format, whatever spacing and case staff type", async () => {
    const res = await save({ iban: " es91 2100 0418 4502 0005 1332 ", bic: "caix es bb xxx" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ iban: "ES9121000418450200051332", bic: "CAIXESBBXXX" });
    expect(await profile()).toMatchObject({ iban: "ES9121000418450200051332", bic: "CAIXESBBXXX" });
    expect((await save({ iban: "", bic: "" })).json()).toMatchObject({ iban: null, bic: null });
  });

  test("answer a field error with a stable code for each way they can be wrong, and save nothing", async () => {
    await save({ iban: "ES9121000418450200051332", bic: "CAIXESBBXXX" });
    const before = JSON.stringify(await profile());
    // Check digits 92 instead of 91: a typing slip.
    expect(await fieldCodes({ iban: "ES9221000418450200051332", bic: null })).toEqual({
      "body.iban": "iban_checksum",
    });
    // The Spanish account's own control digits (45 → 54) are checked too.
    expect(await fieldCodes({ iban: "ES9121000418540200051332", bic: null })).toEqual({
      "body.iban": "iban_checksum",
    });
    expect(await fieldCodes({ iban: "XX9121000418450200051332", bic: null })).toEqual({
      "body.iban": "iban_unknown_country",
    });
    expect(await fieldCodes({ iban: "ES91210004184502", bic: null })).toEqual({
      "body.iban": "invalid_iban",
    });
    expect(await fieldCodes({ iban: null, bic: "CAIXQQBBXXX" })).toEqual({
      "body.bic": "bic_unknown_country",
    });
    expect(await fieldCodes({ iban: null, bic: "CA1XESBB" })).toEqual({ "body.bic": "invalid_bic" });
    expect(await fieldCodes({ iban: null, bic: "CAIXESBBXX" })).toEqual({ "body.bic": "invalid_bic" });
    expect(JSON.stringify(await profile())).toBe(before);
  });
});
