import { describe, expect, it } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { buildCustomer } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import {
  type ForgetAtProvider,
  listSavedMethods,
  providerCustomerIdOf,
  recordSavedMethodInTx,
  removeSavedMethod,
  type SavedMethodRef,
  setDefaultSavedMethod,
} from "./saved-methods.service.js";

const { ctx, org } = setUpTestApp("Saved Methods Org");

const principal = (customer: Customer, index = 0): ContactPrincipal => ({
  sessionId: crypto.randomUUID(),
  orgId: org.orgId,
  customerId: customer.id,
  contactId: customer.contacts[index]?.id as string,
  preview: false,
});

async function save(p: ContactPrincipal, providerMethodId: string, label: string) {
  await withContact(ctx.database.db, p.orgId, p.customerId, (tx) =>
    recordSavedMethodInTx(
      tx,
      { orgId: p.orgId, customerId: p.customerId, contactId: p.contactId, gateway: "stripe" },
      { providerCustomerId: "cus_test_1", providerMethodId, label },
    ),
  );
}

describe("saved payment methods (E12)", () => {
  it("a method saved twice is one row; the first is the default; each contact sees only its own", async () => {
    const customer = await buildCustomer(ctx, org, "Savers");
    const ana = principal(customer);
    const ben = principal(customer, 1);
    await save(ana, "pm_1", "Visa ····4242");
    await save(ana, "pm_1", "Visa ····4242");
    await save(ana, "pm_2", "Mastercard ····4444");
    await save(ben, "pm_3", "SEPA ····3000");
    const list = await listSavedMethods(ctx.database.db, ana);
    expect(list.map((m) => [m.label, m.isDefault])).toEqual([
      ["Visa ····4242", true],
      ["Mastercard ····4444", false],
    ]);
    expect((await listSavedMethods(ctx.database.db, ben)).map((m) => m.label)).toEqual(["SEPA ····3000"]);
    const reused = await withContact(ctx.database.db, org.orgId, customer.id, (tx) =>
      providerCustomerIdOf(tx, ana, "stripe"),
    );
    expect(reused).toBe("cus_test_1");
  });

  it("picks the default, and removes at the provider first: a provider failure keeps the row", async () => {
    const customer = await buildCustomer(ctx, org, "Removers");
    const ana = principal(customer);
    await save(ana, "pm_a", "Visa ····4242");
    await save(ana, "pm_b", "Mastercard ····4444");
    const [visa, master] = await listSavedMethods(ctx.database.db, ana);
    const picked = await setDefaultSavedMethod(ctx.database.db, ana, master?.id as string);
    expect(picked.map((m) => [m.label, m.isDefault])).toEqual([
      ["Mastercard ····4444", true],
      ["Visa ····4242", false],
    ]);

    const down: ForgetAtProvider = async () => {
      throw new AppError("GATEWAY_UNAVAILABLE");
    };
    await expect(removeSavedMethod(ctx.database.db, down, ana, master?.id as string)).rejects.toThrow(
      AppError,
    );
    expect(await listSavedMethods(ctx.database.db, ana)).toHaveLength(2);

    const forgotten: SavedMethodRef[] = [];
    const forget: ForgetAtProvider = async (_orgId, method) => {
      forgotten.push(method);
    };
    const left = await removeSavedMethod(ctx.database.db, forget, ana, master?.id as string);
    expect(forgotten.map((m) => m.providerMethodId)).toEqual(["pm_b"]);
    expect(left.map((m) => [m.id, m.isDefault])).toEqual([[visa?.id, true]]);
  });

  it("another contact's method is not found, to remove or to pick", async () => {
    const customer = await buildCustomer(ctx, org, "Strangers");
    const ana = principal(customer);
    const ben = principal(customer, 1);
    await save(ana, "pm_x", "Visa ····4242");
    const [own] = await listSavedMethods(ctx.database.db, ana);
    const forget: ForgetAtProvider = async () => {
      throw new Error("must not reach the provider");
    };
    await expect(setDefaultSavedMethod(ctx.database.db, ben, own?.id as string)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeSavedMethod(ctx.database.db, forget, ben, own?.id as string)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
