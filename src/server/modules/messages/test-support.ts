import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** Turns the C4 option allowMessages on or off, keeping the others. */
export const allowMessages = (ctx: TestContext, org: TestOrg, on: boolean) =>
  withOrg(ctx.database.db, org.orgId, async (tx) => {
    const [o] = await tx.select().from(organisations).where(eq(organisations.id, org.orgId));
    await tx
      .update(organisations)
      .set({ portalOptions: { ...(o?.portalOptions as object), allowMessages: on } })
      .where(eq(organisations.id, org.orgId));
  });

/** Small files of each kind, by their first bytes. */
export const FILES = {
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24, 1)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(24, 2)]),
  pdf: Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1"),
  webp: Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.alloc(4, 0), Buffer.from("WEBPVP8 ", "latin1")]),
  exe: Buffer.concat([Buffer.from("MZ", "latin1"), Buffer.alloc(60, 0)]),
};

export const attachment = (filename: string, data: Buffer) => ({ filename, data: data.toString("base64") });
