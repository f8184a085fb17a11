import { describe, expect, test } from "vitest";
import { apiKeyStatus, expiryOf } from "./api-keys-model.js";

describe("an API key's status", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  test("is active until its expiry, expired from it, revoked whenever revoked", () => {
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: "2026-03-10T12:00:01.000Z" }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: "2026-03-10T12:00:00.000Z" }, now)).toBe("expired");
    expect(
      apiKeyStatus({ revokedAt: "2026-03-01T00:00:00.000Z", expiresAt: "2026-01-01T00:00:00.000Z" }, now),
    ).toBe("revoked");
  });
});

describe("the expiry sent for a picked day", () => {
  test("is the end of that day in the browser's zone, or none", () => {
    const at = expiryOf("2026-03-10");
    expect(at).not.toBeNull();
    const local = new Date(at ?? "");
    expect([local.getFullYear(), local.getMonth() + 1, local.getDate()]).toEqual([2026, 3, 10]);
    expect([local.getHours(), local.getMinutes(), local.getSeconds()]).toEqual([23, 59, 59]);
    expect(expiryOf("")).toBeNull();
  });
});
