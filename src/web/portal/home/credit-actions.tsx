import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerBalance } from "../../../shared/contracts/index.js";
import { isApiError } from "../../ui/api-client.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { portal } from "../slug.js";

/** Credit notes, unapplied payments and retainer balance: what decision 017 calls available credit. */
export const availableCredit = (b: CustomerBalance) => b.creditsMinor + b.retainerBalanceMinor;

function useApplyCredit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (b: CustomerBalance) =>
      portal.post("/api/portal/:slug/apply-credit", {
        body: {
          currency: b.currency,
          expectedCreditMinor: availableCredit(b),
          expectedOutstandingMinor: b.outstandingMinor,
        },
      }),
    // Home, invoice lists and statement all change; a stale answer also needs the fresh figures.
    onSettled: () => client.invalidateQueries(),
  });
}

/**
 * Decision 017: credit is never applied silently nor promised. Next to "Pay everything" the contact is
 * told its credit is not included, and may apply it to its oldest invoices first (after confirming), so
 * "Pay everything" then charges only what is left. Nothing shows without both credit and something due.
 */
export function CreditActions({ balance, canApply }: { balance: CustomerBalance; canApply: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [opened, setOpened] = useState(false);
  const apply = useApplyCredit();
  const credit = availableCredit(balance);
  if (credit <= 0 || balance.outstandingMinor <= 0) return null;
  const money = (minor: number) => f.money(minor, balance.currency);
  const amount = Math.min(credit, balance.outstandingMinor);
  const label =
    credit <= balance.outstandingMinor
      ? t("moneyFigures.applyAll", { amount: money(amount) })
      : t("moneyFigures.applyPart", { amount: money(amount) });
  const close = () => {
    setOpened(false);
    apply.reset();
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t("moneyFigures.creditNotIncluded", { credit: money(credit) })}</Text>
      {canApply ? (
        <Button
          variant="light"
          onClick={() => setOpened(true)}
          data-testid={`apply-credit-${balance.currency}`}
        >
          {label}
        </Button>
      ) : null}
      <Modal opened={opened} onClose={close} title={t("moneyFigures.confirmTitle")}>
        <Stack>
          <Text size="sm">{t("moneyFigures.confirmBody", { amount: money(amount) })}</Text>
          {credit > amount ? (
            <Text size="sm">{t("moneyFigures.confirmRest", { rest: money(credit - amount) })}</Text>
          ) : null}
          <ErrorAlert error={apply.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              loading={apply.isPending}
              // A stale answer means the figures changed: the dialog closes on the refreshed ones.
              disabled={isApiError(apply.error) && apply.error.code === "STALE_STATE"}
              onClick={() =>
                apply.mutate(balance, {
                  onSuccess: (r) => {
                    notifications.show({
                      color: "green",
                      message: t("moneyFigures.applied", {
                        count: r.invoices.length,
                        amount: money(r.appliedMinor),
                      }),
                    });
                    setOpened(false);
                  },
                })
              }
            >
              {t("moneyFigures.confirm", { amount: money(amount) })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
