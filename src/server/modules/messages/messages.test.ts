import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import {
  type Customer,
  MAX_ATTACHMENT_BYTES,
  type Message,
  type MessageThreadDetail,
  type MessageThreadPage,
  type Notification,
} from "../../../shared/contracts/index.js";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer } from "../../test/factories.js";
import { contactSessionCookie, primaryContact, setUpTestApp } from "../../test/scenarios.js";
import { allowMessages, attachment, FILES } from "./test-support.js";

const { ctx, org, otherOrg } = setUpTestApp("Messages Org", "Messages Other Org");

type Method = "GET" | "POST";
const staff = (method: Method, url: string, payload?: unknown, cookie = org.cookie) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const portal = (cookie: string, method: Method, path: string, payload?: unknown, slug = org.slug) =>
  ctx.app.inject({
    method,
    url: `/api/portal/${slug}${path}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

interface World {
  customer: Customer;
  cookie: string;
  secondCookie: string;
}

async function world(name: string): Promise<World> {
  const customer = await buildCustomer(ctx, org, name);
  const cookie = await contactSessionCookie(ctx, org, customer, "password");
  const second = customer.contacts[1]?.id as string;
  const secondCookie = await contactSessionCookie(ctx, org, customer, "password", second);
  return { customer, cookie, secondCookie };
}

async function write(w: World, subject: string, body = "Hello", extra: object = {}) {
  const res = await portal(w.cookie, "POST", "/messages", { subject, body, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MessageThreadDetail;
}

const emailsOf = (kind: string, to?: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(to ? and(eq(emails.kind, kind), eq(emails.toAddress, to)) : eq(emails.kind, kind)),
  );

let acme: World;
let beta: World;

beforeAll(async () => {
  await allowMessages(ctx, org, true);
  acme = await world("Acme Messages");
  beta = await world("Beta Messages");
});

describe("messages between a customer and the organisation (E10)", () => {
  test("a contact writes; staff see it unread, open it, reply; the contact sees the reply unread", async () => {
    const thread = await write(acme, "Question about my invoice", "Can I pay in two parts?");
    expect(thread).toMatchObject({
      subject: "Question about my invoice",
      customerId: acme.customer.id,
      createdByKind: "contact",
      messageCount: 1,
      unread: 0,
    });
    expect(thread.messages[0]).toMatchObject({
      authorKind: "contact",
      authorName: primaryContact(acme.customer).name,
      body: "Can I pay in two parts?",
    });

    const unread = await staff("GET", "/api/messages/unread");
    expect(unread.json().unread).toBeGreaterThanOrEqual(1);
    const list = (
      await staff("GET", `/api/messages?customerId=${acme.customer.id}`)
    ).json() as MessageThreadPage;
    expect(list.items[0]).toMatchObject({ id: thread.id, unread: 1, customerName: "Acme Messages" });

    // Staff are notified (A13) and emailed (C5) with an excerpt and a link to the thread.
    const notes = (await staff("GET", "/api/notifications")).json().items as Notification[];
    const note = notes.find((n) => n.type === "message_received" && n.data.threadId === thread.id);
    expect(note?.data).toMatchObject({ customerName: "Acme Messages", excerpt: "Can I pay in two parts?" });
    const [staffEmail] = (await emailsOf("staff_notification")).filter((e) =>
      e.textBody.includes("Can I pay in two parts?"),
    );
    expect(staffEmail?.textBody).toContain(`/app/messages/${thread.id}`);

    // Opening marks it read for staff.
    const opened = (await staff("GET", `/api/messages/${thread.id}`)).json() as MessageThreadDetail;
    expect(opened.messages).toHaveLength(1);
    const after = (await staff("GET", `/api/messages?customerId=${acme.customer.id}`)).json();
    expect(after.items[0].unread).toBe(0);

    const reply = await staff("POST", `/api/messages/${thread.id}/replies`, { body: "Yes, of course." });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((reply.json() as Message).authorKind).toBe("staff");

    // Every contact of the customer sees the thread and the reply unread (read markers are per side).
    for (const cookie of [acme.cookie, acme.secondCookie]) {
      const page = (await portal(cookie, "GET", "/messages")).json() as MessageThreadPage;
      expect(page.items.find((t) => t.id === thread.id)?.unread).toBe(1);
    }
    expect((await portal(acme.cookie, "GET", "/messages/unread")).json().unread).toBe(1);
    const seen = (await portal(acme.secondCookie, "GET", `/messages/${thread.id}`)).json();
    expect(seen.messages.map((m: Message) => m.body)).toEqual(["Can I pay in two parts?", "Yes, of course."]);
    expect((await portal(acme.cookie, "GET", "/messages/unread")).json().unread).toBe(0);

    // The contacts with portal access were emailed in their language, with a link to the thread.
    const [mail] = await emailsOf("message_reply", primaryContact(acme.customer).email);
    expect(mail?.textBody).toContain("Yes, of course.");
    expect(mail?.textBody).toContain(`/p/${org.slug}/messages/${thread.id}`);
  });

  test("the contact's reply is unread for staff again; staff may start a thread with a customer", async () => {
    const thread = await write(acme, "Second question");
    await staff("GET", `/api/messages/${thread.id}`);
    const res = await portal(acme.secondCookie, "POST", `/messages/${thread.id}/replies`, {
      body: "And more",
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await staff("GET", `/api/messages?customerId=${acme.customer.id}`)).json();
    expect(list.items[0]).toMatchObject({ id: thread.id, unread: 1, messageCount: 2 });
    // "Unread only" lists it for staff; for the customer, who wrote last, it is read.
    const unreadOnly = (
      await staff("GET", "/api/messages?unread=true&limit=100")
    ).json() as MessageThreadPage;
    expect(unreadOnly.items.map((t) => t.id)).toContain(thread.id);
    expect(unreadOnly.items.every((t) => t.unread > 0)).toBe(true);
    const customerUnread = (await portal(acme.cookie, "GET", "/messages?unread=true&limit=100")).json();
    expect(customerUnread.items.map((t: { id: string }) => t.id)).not.toContain(thread.id);

    const started = await staff("POST", "/api/messages", {
      customerId: beta.customer.id,
      subject: "Your new contract",
      body: "Please have a look.",
    });
    expect(started.statusCode, started.body).toBe(201);
    const betaPage = (await portal(beta.cookie, "GET", "/messages")).json() as MessageThreadPage;
    expect(betaPage.items[0]).toMatchObject({
      subject: "Your new contract",
      createdByKind: "staff",
      unread: 1,
    });
  });

  test("keyset pages: newest activity first, no repeats, and a bad cursor is refused", async () => {
    const w = await world("Paging Messages");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await write(w, `Subject ${i}`)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = (await portal(w.cookie, "GET", `/messages${q}`)).json() as MessageThreadPage;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const bad = await portal(w.cookie, "GET", "/messages?cursor=nonsense");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("CURSOR_INVALID");
    // A reply moves the thread to the top.
    await portal(w.cookie, "POST", `/messages/${ids[0]}/replies`, { body: "bump" });
    const top = (await portal(w.cookie, "GET", "/messages?limit=1")).json() as MessageThreadPage;
    expect(top.items[0]?.id).toBe(ids[0]);
  });

  test("another customer's or organisation's thread is 404 everywhere", async () => {
    const thread = await write(acme, "Private");
    const file = await write(acme, "With file", "See attached", {
      attachments: [attachment("a.png", FILES.png)],
    });
    const fileId = file.messages[0]?.attachments[0]?.id;
    expect((await portal(beta.cookie, "GET", `/messages/${thread.id}`)).statusCode).toBe(404);
    expect(
      (await portal(beta.cookie, "POST", `/messages/${thread.id}/replies`, { body: "intrude" })).statusCode,
    ).toBe(404);
    expect((await portal(beta.cookie, "GET", `/messages/${file.id}/attachments/${fileId}`)).statusCode).toBe(
      404,
    );
    const betaList = (await portal(beta.cookie, "GET", "/messages")).json() as MessageThreadPage;
    expect(betaList.items.map((t) => t.id)).not.toContain(thread.id);

    const other = { cookie: otherOrg.cookie };
    expect((await staff("GET", `/api/messages/${thread.id}`, undefined, other.cookie)).statusCode).toBe(404);
    expect(
      (await staff("POST", `/api/messages/${thread.id}/replies`, { body: "x" }, other.cookie)).statusCode,
    ).toBe(404);
    expect(
      (await staff("GET", `/api/messages/${file.id}/attachments/${fileId}`, undefined, other.cookie))
        .statusCode,
    ).toBe(404);
    const otherList = (
      await staff("GET", "/api/messages", undefined, other.cookie)
    ).json() as MessageThreadPage;
    expect(otherList.items).toEqual([]);
    // Staff cannot start a thread with another organisation's customer.
    const foreign = await staff(
      "POST",
      "/api/messages",
      { customerId: acme.customer.id, subject: "x", body: "y" },
      other.cookie,
    );
    expect(foreign.statusCode).toBe(404);
    // An attachment of another thread of the same customer is not reachable through this thread's path.
    expect(
      (await portal(acme.cookie, "GET", `/messages/${thread.id}/attachments/${fileId}`)).statusCode,
    ).toBe(404);
  });

  test("attachments are typed by their bytes, limited in size and number, and download as stored", async () => {
    // PNG bytes named .pdf are a PNG; each allowed type is taken.
    const t = await write(acme, "Files", "Four kinds", {
      attachments: [
        attachment("scan.pdf", FILES.png),
        attachment("doc.pdf", FILES.pdf),
        attachment("photo.webp", FILES.webp),
      ],
    });
    const files = t.messages[0]?.attachments ?? [];
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ["scan.pdf", "image/png"],
      ["doc.pdf", "application/pdf"],
      ["photo.webp", "image/webp"],
    ]);
    const download = await staff("GET", `/api/messages/${t.id}/attachments/${files[0]?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("image/png");
    expect(download.headers["content-disposition"]).toContain("attachment;");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.rawPayload.equals(FILES.png)).toBe(true);
    const portalDownload = await portal(acme.cookie, "GET", `/messages/${t.id}/attachments/${files[1]?.id}`);
    expect(portalDownload.rawPayload.equals(FILES.pdf)).toBe(true);

    const before = (await portal(acme.cookie, "GET", "/messages?limit=100")).json().items.length;
    // An executable renamed .pdf is refused, whatever it claims.
    const exe = await portal(acme.cookie, "POST", "/messages", {
      subject: "Invoice",
      body: "see",
      attachments: [attachment("invoice.pdf", FILES.exe)],
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    // One byte over the limit is refused.
    const big = Buffer.concat([FILES.jpeg, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - FILES.jpeg.length)]);
    const tooBig = await portal(acme.cookie, "POST", `/messages/${t.id}/replies`, {
      body: "big",
      attachments: [attachment("big.jpg", big)],
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe("ATTACHMENT_TOO_LARGE");
    const many = await staff("POST", `/api/messages/${t.id}/replies`, {
      body: "many",
      attachments: Array.from({ length: 4 }, (_, i) => attachment(`${i}.png`, FILES.png)),
    });
    expect(many.statusCode).toBe(422);
    expect(many.json().code).toBe("TOO_MANY_ATTACHMENTS");
    // Not base64 at all: a validation error.
    const notBase64 = await portal(acme.cookie, "POST", `/messages/${t.id}/replies`, {
      body: "x",
      attachments: [{ filename: "a.pdf", data: "%%% not base64 %%%" }],
    });
    expect(notBase64.statusCode).toBe(400);
    // Bad input changes nothing.
    expect((await portal(acme.cookie, "GET", "/messages?limit=100")).json().items.length).toBe(before);
    const unchanged = (await staff("GET", `/api/messages/${t.id}`)).json() as MessageThreadDetail;
    expect(unchanged.messageCount).toBe(1);
  });

  test("a staff preview reads without marking anything read and cannot write", async () => {
    const thread = await write(acme, "Preview me");
    await staff("POST", `/api/messages/${thread.id}/replies`, { body: "Answer" });
    const preview = await contactSessionCookie(ctx, org, acme.customer, "preview");
    expect((await portal(preview, "GET", `/messages/${thread.id}`)).statusCode).toBe(200);
    const page = (await portal(acme.cookie, "GET", "/messages")).json() as MessageThreadPage;
    expect(page.items.find((t) => t.id === thread.id)?.unread).toBe(1);
    const refused = await portal(preview, "POST", `/messages/${thread.id}/replies`, { body: "no" });
    expect(refused.statusCode).toBe(403);
  });

  test("C4 off: the portal's routes answer FEATURE_DISABLED and /me hides messages; staff still work", async () => {
    const thread = await write(beta, "Before switching off");
    await allowMessages(ctx, org, false);
    try {
      for (const [method, path, body] of [
        ["GET", "/messages"],
        ["GET", "/messages/unread"],
        ["GET", `/messages/${thread.id}`],
        ["POST", "/messages", { subject: "x", body: "y" }],
        ["POST", `/messages/${thread.id}/replies`, { body: "y" }],
      ] as [Method, string, object?][]) {
        const res = await portal(beta.cookie, method, path, body);
        expect(res.statusCode, `${method} ${path}`).toBe(403);
        expect(res.json().code).toBe("FEATURE_DISABLED");
      }
      const me = (await portal(beta.cookie, "GET", "/me")).json();
      expect(me.features.allowMessages).toBe(false);
      // Staff may still answer; the email then has no portal link.
      const res = await staff("POST", `/api/messages/${thread.id}/replies`, { body: "By email then" });
      expect(res.statusCode).toBe(201);
      const [mail] = (await emailsOf("message_reply", primaryContact(beta.customer).email)).filter((e) =>
        e.textBody.includes("By email then"),
      );
      expect(mail?.textBody).not.toContain("/messages/");
    } finally {
      await allowMessages(ctx, org, true);
    }
    expect((await portal(beta.cookie, "GET", "/me")).json().features.allowMessages).toBe(true);
  });

  test("the reply email follows the contact's language", async () => {
    const w = await (async () => {
      const customer = await buildCustomer(ctx, org, "Idioma", [
        { name: "Ana", email: "ana-messages@example.com", language: "es", isPrimary: true },
        { name: "Bob", email: "bob-messages@example.com", language: "en" },
      ]);
      return { customer, cookie: await contactSessionCookie(ctx, org, customer, "password") };
    })();
    const started = await staff("POST", "/api/messages", {
      customerId: w.customer.id,
      subject: "Hola",
      body: "Un saludo",
    });
    expect(started.statusCode).toBe(201);
    const [es] = await emailsOf("message_reply", "ana-messages@example.com");
    const [en] = await emailsOf("message_reply", "bob-messages@example.com");
    expect(es?.textBody).toContain("Leer y responder");
    expect(en?.textBody).toContain("Read and reply");
  });

  test("bad input: blank subject or body, unknown customer", async () => {
    expect((await portal(acme.cookie, "POST", "/messages", { subject: " ", body: "x" })).statusCode).toBe(
      400,
    );
    expect((await portal(acme.cookie, "POST", "/messages", { subject: "x", body: "" })).statusCode).toBe(400);
    const unknown = await staff("POST", "/api/messages", {
      customerId: "00000000-0000-4000-8000-000000000000",
      subject: "x",
      body: "y",
    });
    expect(unknown.statusCode).toBe(404);
  });
});
