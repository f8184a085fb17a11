import { describe, expect, test } from "vitest";
import {
  DEFAULT_NOTIFICATION_PREFS,
  DEFAULT_PORTAL_OPTIONS,
  type PortalOptionKey,
} from "../../../shared/contracts/index.js";
import type { organisations } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import {
  assertGatewayAllowed,
  assertPortalAllows,
  bankTransferOf,
  can,
  effectiveFeatures,
  notificationPrefsOf,
  portalOptionsOf,
  visibleOrgContact,
} from "./portal-policy.js";

type OrgRow = typeof organisations.$inferSelect;
const org = (over: Partial<OrgRow> = {}): OrgRow =>
  ({
    name: "Acme",
    legalName: "Acme S.L.",
    addressLine1: "Calle Mayor 1",
    addressLine2: null,
    city: "Madrid",
    postalCode: "28001",
    region: null,
    country: "ES",
    phone: "+34 600 000 000",
    mobile: "+34 611 111 111",
    email: "hola@acme.test",
    website: "https://acme.test",
    socialLinks: ["https://social.test/acme"],
    iban: "ES9121000418450200051332",
    bic: "CAIXESBBXXX",
    portalOptions: {},
    notificationPrefs: {},
    ...over,
  }) as OrgRow;

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : "other";
  }
  return null;
};

describe("portal policy", () => {
  test("nothing stored: every option and preference takes its default", () => {
    expect(portalOptionsOf(org())).toEqual(DEFAULT_PORTAL_OPTIONS);
    expect(notificationPrefsOf(org())).toEqual(DEFAULT_NOTIFICATION_PREFS);
  });

  test("stored keys override the defaults; unknown keys and non-booleans are ignored", () => {
    const stored = { showPhones: false, nonsense: true, showAddress: "yes" } as never;
    const options = portalOptionsOf(org({ portalOptions: stored }));
    expect(options.showPhones).toBe(false);
    expect(options.showAddress).toBe(true);
    expect(options).not.toHaveProperty("nonsense");
  });

  test("can() follows each option; assertPortalAllows refuses with FEATURE_DISABLED", () => {
    for (const key of Object.keys(DEFAULT_PORTAL_OPTIONS) as PortalOptionKey[]) {
      if (key === "allowPaypal") continue;
      const on = { ...DEFAULT_PORTAL_OPTIONS, [key]: true };
      const off = { ...DEFAULT_PORTAL_OPTIONS, [key]: false };
      expect(can(on, key)).toBe(true);
      expect(can(off, key)).toBe(false);
      expect(refusal(() => assertPortalAllows(on, key))).toBeNull();
      expect(refusal(() => assertPortalAllows(off, key))).toBe("FEATURE_DISABLED");
    }
  });

  test('PayPal (issue 13) is offered only while "Allow PayPal" is on', () => {
    const on = { ...DEFAULT_PORTAL_OPTIONS, allowPaypal: true };
    const off = { ...DEFAULT_PORTAL_OPTIONS, allowPaypal: false };
    expect(can(on, "allowPaypal")).toBe(true);
    expect(effectiveFeatures(on).allowPaypal).toBe(true);
    expect(effectiveFeatures(off).allowPaypal).toBe(false);
    expect(refusal(() => assertGatewayAllowed(on, "paypal"))).toBeNull();
    expect(refusal(() => assertGatewayAllowed(off, "paypal"))).toBe("FEATURE_DISABLED");
    expect(refusal(() => assertGatewayAllowed(on, "sandbox"))).toBeNull();
    expect(refusal(() => assertGatewayAllowed(on, "unknown"))).toBe("FEATURE_DISABLED");
  });

  test("the organisation's contact details shown follow showAddress, showPhones and showSocial", () => {
    const all = visibleOrgContact(org(), DEFAULT_PORTAL_OPTIONS);
    expect(all.address?.line1).toBe("Calle Mayor 1");
    expect(all.phone).toBe("+34 600 000 000");
    expect(all.mobile).toBe("+34 611 111 111");
    expect(all.socialLinks).toEqual(["https://social.test/acme"]);
    const none = visibleOrgContact(org(), {
      ...DEFAULT_PORTAL_OPTIONS,
      showAddress: false,
      showPhones: false,
      showSocial: false,
    });
    expect(none).toMatchObject({ address: null, phone: null, mobile: null, socialLinks: [] });
    expect(none.email).toBe("hola@acme.test");
  });

  test("bank transfer instructions: only with showBankAccount, an IBAN and something due", () => {
    const due = { dueMinor: 100, status: "sent" };
    expect(bankTransferOf(org(), DEFAULT_PORTAL_OPTIONS, due)).toEqual({
      iban: "ES9121000418450200051332",
      bic: "CAIXESBBXXX",
      beneficiary: "Acme S.L.",
    });
    expect(bankTransferOf(org(), { ...DEFAULT_PORTAL_OPTIONS, showBankAccount: false }, due)).toBeNull();
    expect(bankTransferOf(org({ iban: null }), DEFAULT_PORTAL_OPTIONS, due)).toBeNull();
    expect(bankTransferOf(org(), DEFAULT_PORTAL_OPTIONS, { dueMinor: 0, status: "paid" })).toBeNull();
    expect(bankTransferOf(org(), DEFAULT_PORTAL_OPTIONS, { dueMinor: 100, status: "void" })).toBeNull();
  });
});
