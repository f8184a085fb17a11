import { describe, expect, test } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotpStep, otpauthUri, totpStepAt } from "./totp.js";

// RFC 6238 Appendix B, SHA-1 seed "12345678901234567890" (8 digits there; the last 6 are the 6-digit code).
const SEED = Buffer.from("12345678901234567890");
const VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  test.each(VECTORS)("the published code at %i s", (seconds, code) => {
    expect(hotp(SEED, totpStepAt(seconds * 1000), 8)).toBe(code);
    expect(hotp(SEED, totpStepAt(seconds * 1000))).toBe(code.slice(2));
  });

  test("base32 round trip", () => {
    const secret = base32Encode(SEED);
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(secret)).toEqual(SEED);
  });

  test("a code matches its step and one either side, no further", () => {
    const secret = base32Encode(SEED);
    const at = 1111111111 * 1000;
    const step = totpStepAt(at);
    const code = hotp(SEED, step);
    expect(matchTotpStep(secret, code, at)).toBe(step);
    expect(matchTotpStep(secret, code, at + 30_000)).toBe(step);
    expect(matchTotpStep(secret, code, at - 30_000)).toBe(step);
    expect(matchTotpStep(secret, code, at + 90_000)).toBeNull();
    expect(matchTotpStep(secret, "12345", at)).toBeNull();
  });

  test("the otpauth URI", () => {
    expect(otpauthUri("ABC", "ana@example.com")).toBe(
      "otpauth://totp/Portico%3Aana%40example.com?secret=ABC&issuer=Portico&algorithm=SHA1&digits=6&period=30",
    );
  });
});
