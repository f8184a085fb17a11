import { Button, Checkbox, Radio, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalInvoiceDetail } from "../../shared/contracts/index.js";
import { parseMoney } from "../../shared/money/index.js";
import { ApiError } from "../ui/api-client.js";
import { useFormat } from "../ui/format.js";
import { ErrorAlert } from "../ui/page-states.js";
import { usePayInvoice } from "./payments/payments-api.js";

/** Refusals about the amount itself: shown on the amount field rather than above the button. */
const AMOUNT_ERRORS = new Set(["PARTIAL_PAYMENT_NOT_ALLOWED", "ALLOCATION_EXCEEDS_DUE", "CP4001"]);

/** A fresh key per intent to pay; shared by every "Pay now" button. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; plain http on a LAN address still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * "How do you want to pay?" among the gateways offered (one invoice's, or what everything paid at once
 * shares): several → the contact picks one each time (nothing is remembered); one → no question.
 */
export function GatewayChooser({
  gateways,
  value,
  onChange,
}: {
  gateways: string[];
  value: string | undefined;
  onChange: (gateway: string) => void;
}) {
  const { t } = useTranslation();
  if (gateways.length < 2) return null;
  return (
    <Radio.Group label={t("gateways.choose")} value={value ?? null} onChange={onChange}>
      <Stack gap="xs" mt={4}>
        {gateways.map((g) => (
          <Radio key={g} value={g} label={t(`gateways.names.${g}`, { defaultValue: g })} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

type Payable = Pick<
  PortalInvoiceDetail,
  "id" | "dueMinor" | "currency" | "allowPartialPayments" | "minimumPaymentMinor" | "gateways"
>;

/** Gateways that keep a card for later (E12), so the contact may ask to save it. */
const SAVES_METHODS = new Set(["stripe"]);

/**
 * Pay now (F2): everything due, or part of it when the invoice allows. One idempotency key per intent:
 * a double click or a retry reuses the same checkout, while another amount is a new request.
 */
export function PayButton({ invoice }: { invoice: Payable }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, invoice.currency);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [mode, setMode] = useState<"all" | "part">("all");
  const [gateway, setGateway] = useState(invoice.gateways[0]);
  const [saveMethod, setSaveMethod] = useState(false);
  const [input, setInput] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const pay = usePayInvoice(invoice.id);
  const busy = pay.isPending || pay.isSuccess;
  const canPayPart = invoice.allowPartialPayments && invoice.dueMinor > invoice.minimumPaymentMinor;
  const amount = mode === "part" ? parseMoney(input, invoice.currency) : null;

  const changeIntent = () => {
    setIdempotencyKey(newIdempotencyKey());
    setFieldError(null);
    pay.reset();
  };

  const validate = (value: number | null): string | null => {
    if (value === null) return t("receipts.pay.invalid");
    if (value <= 0) return t("receipts.pay.notPositive");
    if (value < invoice.minimumPaymentMinor)
      return t("receipts.pay.tooSmall", { min: money(invoice.minimumPaymentMinor) });
    if (value > invoice.dueMinor) return t("receipts.pay.tooLarge", { max: money(invoice.dueMinor) });
    return null;
  };

  const submit = () => {
    const save = gateway !== undefined && SAVES_METHODS.has(gateway) && saveMethod;
    if (mode === "all") return pay.mutate({ idempotencyKey, gateway, saveMethod: save });
    const problem = validate(amount);
    setFieldError(problem);
    if (problem || amount === null) return;
    pay.mutate(
      { idempotencyKey, amountMinor: amount, gateway, saveMethod: save },
      {
        onError: (error) => {
          if (error instanceof ApiError && AMOUNT_ERRORS.has(error.code)) setFieldError(error.detail);
        },
      },
    );
  };

  const amountError = pay.error instanceof ApiError && AMOUNT_ERRORS.has(pay.error.code) && mode === "part";
  return (
    <Stack gap="xs">
      <GatewayChooser
        gateways={invoice.gateways}
        value={gateway}
        onChange={(value) => {
          setGateway(value);
          changeIntent();
        }}
      />
      {canPayPart ? (
        <Radio.Group
          label={t("receipts.pay.choice")}
          value={mode}
          onChange={(value) => {
            setMode(value === "part" ? "part" : "all");
            changeIntent();
          }}
        >
          <Stack gap="xs" mt={4}>
            <Radio value="all" label={t("receipts.pay.all", { amount: money(invoice.dueMinor) })} />
            <Radio value="part" label={t("receipts.pay.part")} />
          </Stack>
        </Radio.Group>
      ) : null}
      {canPayPart && mode === "part" ? (
        <TextInput
          label={t("receipts.pay.amountLabel")}
          description={t("receipts.pay.amountHint", {
            min: money(invoice.minimumPaymentMinor),
            max: money(invoice.dueMinor),
          })}
          inputMode="decimal"
          autoComplete="off"
          value={input}
          onChange={(e) => {
            setInput(e.currentTarget.value);
            changeIntent();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") submit();
          }}
          error={fieldError}
          required
        />
      ) : null}
      {gateway !== undefined && SAVES_METHODS.has(gateway) ? (
        <Checkbox
          label={t("gateways.saveMethod")}
          description={t("gateways.saveMethodHint")}
          checked={saveMethod}
          onChange={(e) => {
            setSaveMethod(e.currentTarget.checked);
            changeIntent();
          }}
        />
      ) : null}
      <Button size="md" loading={busy} disabled={busy} onClick={submit}>
        {mode === "part" && amount !== null && validate(amount) === null
          ? t("receipts.pay.payAmount", { amount: money(amount) })
          : t("portal.detail.payNow")}
      </Button>
      {amountError ? null : <ErrorAlert error={pay.error} />}
    </Stack>
  );
}
