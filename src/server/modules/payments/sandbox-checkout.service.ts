import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { checkoutSessions } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { resolveContactSession } from "../contact-sessions/contact-sessions.service.js";

export type SandboxCheckout = typeof checkoutSessions.$inferSelect;

/**
 * The hosted page acts only for the contact who started the checkout, in a live (non-preview) portal
 * session of that organisation: knowing a checkout id is not enough to mark an invoice paid. The session
 * cookie is per organisation, so the caller names the token for the checkout's organisation.
 */
export async function loadOwnSandboxCheckout(
  db: Db,
  checkoutId: string,
  sessionTokenFor: (orgId: string) => string | undefined,
): Promise<SandboxCheckout> {
  const [c] = await withSystem(db, (tx) =>
    tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, checkoutId)),
  );
  if (!c) throw new AppError("NOT_FOUND");
  const token = sessionTokenFor(c.orgId);
  const principal = token ? await resolveContactSession(db, c.orgId, token) : null;
  if (
    !principal ||
    principal.preview ||
    principal.contactId !== c.contactId ||
    principal.customerId !== c.customerId
  )
    throw new AppError("CHECKOUT_NOT_YOURS");
  return c;
}
