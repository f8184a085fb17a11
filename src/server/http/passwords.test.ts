import { expect, test } from "vitest";
import { productionCost } from "../test/argon2.js";
import { hashPassword, verifyPassword } from "./passwords.js";

const PASSWORD = "correct horse battery staple";

test("passwords are hashed with argon2id at m=19 MiB, t=2, p=1 (the OWASP minimum)", async () => {
  const hashed = await productionCost(() => hashPassword(PASSWORD));
  expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(hashed, PASSWORD)).toBe(true);
  expect(await verifyPassword(hashed, "correct horse battery stapler")).toBe(false);
});

test("the rest of the suite hashes at argon2's smallest cost (vitest.config.ts), still argon2id", async () => {
  const hashed = await hashPassword(PASSWORD);
  expect(hashed).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
  expect(await verifyPassword(hashed, PASSWORD)).toBe(true);
  expect(await verifyPassword(hashed, "wrong")).toBe(false);
  expect(await verifyPassword(null, PASSWORD)).toBe(false);
});
