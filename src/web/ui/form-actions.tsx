import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./page-states.js";

/**
 * The foot of a form or a confirmation: the action's error, then "Cancel" (when there is one) and the action's
 * button. Without `onConfirm` the button submits the form around it; `danger` is a red, focused confirmation.
 */
export function FormActions({
  error,
  pending,
  label,
  onCancel,
  onConfirm,
  disabled,
  danger,
  justify = "flex-end",
}: {
  error: unknown;
  pending: boolean;
  /** The action's button text ("Save" when not given). */
  label?: string;
  onCancel?: () => void;
  onConfirm?: () => void;
  disabled?: boolean;
  danger?: boolean;
  justify?: "flex-end" | "flex-start";
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify={justify}>
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        ) : null}
        <Button
          type={onConfirm ? undefined : "submit"}
          onClick={onConfirm}
          loading={pending}
          disabled={disabled}
          {...(danger ? { color: "red", "data-autofocus": true } : {})}
        >
          {label ?? t("common.save")}
        </Button>
      </Group>
    </>
  );
}
