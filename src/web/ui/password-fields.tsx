import { PasswordInput, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

export interface NewPasswordValues {
  password: string;
  confirm: string;
}

/** The form rules shared by reset, invitation and change: required and equal; the rest is the server's. */
export function newPasswordRules(t: TFunction) {
  return {
    password: (v: string) => (v ? null : t("portalAuth.required")),
    confirm: (v: string, values: NewPasswordValues) =>
      v === values.password ? null : t("portalAuth.mismatch"),
  };
}

/** "New password" and "Confirm password", with the policy explained up front. */
export function NewPasswordFields<T extends NewPasswordValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  const toggle = { "aria-label": t("portalAuth.showPassword") };
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t("portalAuth.newPassword")}
        description={t("portalAuth.passwordHint")}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps("password")}
      />
      <PasswordInput
        label={t("portalAuth.confirmPassword")}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps("confirm")}
      />
    </Stack>
  );
}
