import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Customer, liveMessageEvent } from "../../../shared/contracts/index.js";
import { openStream, type TestStream } from "../../realtime/test-support.js";
import { buildCustomer } from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { allowMessages } from "./test-support.js";

const { ctx, org } = setUpTestApp("Live Messages");
let acme: Customer;
let acmeCookie: string;
let betaCookie: string;
let staff: TestStream;
let acmeStream: TestStream;
let betaStream: TestStream;

beforeAll(async () => {
  await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  await allowMessages(ctx, org, true);
  acme = await buildCustomer(ctx, org, "Acme Live");
  const beta = await buildCustomer(ctx, org, "Beta Live");
  acmeCookie = await contactSessionCookie(ctx, org, acme, "password");
  betaCookie = await contactSessionCookie(ctx, org, beta, "password");
  staff = await openStream(base, "/api/events", org.cookie);
  acmeStream = await openStream(base, `/api/portal/${org.slug}/events`, acmeCookie);
  betaStream = await openStream(base, `/api/portal/${org.slug}/events`, betaCookie);
});
afterAll(() => {
  for (const s of [staff, acmeStream, betaStream]) s?.close();
});

const withBody = (body: string) => (e: { event: string; data: { message?: { body: string } } }) =>
  e.event === "message" && e.data.message?.body === body;

describe("messages live (E10, G4)", () => {
  test("a contact's message reaches staff and the customer's streams; staff's reply comes back", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/messages`,
      headers: { cookie: acmeCookie },
      payload: { subject: "Live", body: "Are you there?" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const threadId = res.json().id;
    const got = await staff.next(withBody("Are you there?"));
    expect(liveMessageEvent.parse(got.data)).toMatchObject({ threadId, message: { authorKind: "contact" } });
    await acmeStream.next(withBody("Are you there?"));

    // Staff open it: their other tabs hear the unread count changed.
    await ctx.app.inject({ url: `/api/messages/${threadId}`, headers: { cookie: org.cookie } });
    await staff.next((e) => e.event === "messages_read" && e.data.threadId === threadId);

    const reply = await ctx.app.inject({
      method: "POST",
      url: `/api/messages/${threadId}/replies`,
      headers: { cookie: org.cookie },
      payload: { body: "Yes, here" },
    });
    expect(reply.statusCode).toBe(201);
    await acmeStream.next(withBody("Yes, here"));

    // Another customer's stream heard nothing of it.
    await new Promise((r) => setTimeout(r, 200));
    expect(betaStream.events.filter((e) => e.event !== "ready")).toEqual([]);
  });

  test("with messages switched off, the portal stream sends none", async () => {
    await allowMessages(ctx, org, false);
    try {
      const started = await ctx.app.inject({
        method: "POST",
        url: "/api/messages",
        headers: { cookie: org.cookie },
        payload: { customerId: acme.id, subject: "Off", body: "Nobody sees this live" },
      });
      expect(started.statusCode).toBe(201);
      await staff.next(withBody("Nobody sees this live"));
      await new Promise((r) => setTimeout(r, 200));
      expect(acmeStream.events.some(withBody("Nobody sees this live"))).toBe(false);
    } finally {
      await allowMessages(ctx, org, true);
    }
  });
});
