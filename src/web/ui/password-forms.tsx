import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "./api-client.js";
import { applyProblemToForm } from "./form-errors.js";
import { ErrorAlert } from "./page-states.js";
import { NewPasswordFields, type NewPasswordValues, newPasswordRules } from "./password-fields.js";

type Submit = (event?: FormEvent<HTMLFormElement>) => void;

/** Whose texts: the back office's (`staffPasswords.*`) or the portal's (`portalAuth.*`), both with the same keys. */
export type PasswordTexts = "staffPasswords" | "portalAuth";

/** The request the form sends: its error and whether it is on its way. */
interface Sending {
  error: unknown;
  isPending: boolean;
}

const signInTexts = {
  staffPasswords: {
    email: "admin.login.email",
    password: "admin.login.password",
    showPassword: "admin.login.showPassword",
    submit: "admin.login.submit",
    forgot: "staffPasswords.forgotLink",
  },
  portalAuth: {
    email: "portalAuth.email",
    password: "portalAuth.password",
    showPassword: "portalAuth.showPassword",
    submit: "portalAuth.signIn.submit",
    forgot: "portalAuth.signIn.forgot",
  },
} as const;

const changeTexts = {
  staffPasswords: { current: "staffPasswords.change.current", showPassword: "admin.login.showPassword" },
  portalAuth: { current: "portalAuth.currentPassword", showPassword: "portalAuth.showPassword" },
} as const;

/** The address a person signs in with (sign-in and "forgot password" of both apps). */
export function EmailField<T extends { email: string }>({
  form,
  label,
}: {
  form: UseFormReturnType<T>;
  label: string;
}) {
  return (
    <TextInput label={label} type="email" autoComplete="username" required {...form.getInputProps("email")} />
  );
}

/** The password typed to prove who one is: at sign-in (`path` "password", required) and to change it. */
export function CurrentPasswordField<T>({
  form,
  path,
  label,
  toggleLabel,
  required,
}: {
  form: UseFormReturnType<T>;
  path: "password" | "currentPassword";
  label: string;
  /** The accessible name of the show/hide button. */
  toggleLabel: string;
  required?: boolean;
}) {
  return (
    <PasswordInput
      label={label}
      autoComplete="current-password"
      required={required}
      visibilityToggleButtonProps={{ "aria-label": toggleLabel }}
      {...form.getInputProps(path)}
    />
  );
}

/** Signing in: address, password, the button and the "forgot password" link (inside the page's form). */
export function SignInFields<T extends { email: string; password: string }>({
  form,
  pending,
  texts,
  extra,
}: {
  form: UseFormReturnType<T>;
  pending: boolean;
  texts: PasswordTexts;
  /** Fields after the password, before the button (the staff sign-in's two-factor code). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = signInTexts[texts];
  return (
    <>
      <EmailField form={form} label={t(text.email)} />
      <CurrentPasswordField
        form={form}
        path="password"
        label={t(text.password)}
        toggleLabel={t(text.showPassword)}
        required
      />
      {extra}
      <Button type="submit" loading={pending} fullWidth>
        {t(text.submit)}
      </Button>
      <Anchor component={Link} to="/forgot-password" size="sm">
        {t(text.forgot)}
      </Anchor>
    </>
  );
}

/** "Forgot password": an intro, the address and the button; the page shows the same confirmation for any address. */
export function ForgotPasswordForm<T extends { email: string }>(props: {
  form: UseFormReturnType<T>;
  onSubmit: Submit;
  sending: Sending;
  texts: PasswordTexts;
}) {
  const { t } = useTranslation();
  const { texts } = props;
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t(`${texts}.forgot.intro`)}</Text>
        <ErrorAlert error={props.sending.error} />
        <EmailField form={props.form} label={t(`${texts}.email`)} />
        <Button type="submit" loading={props.sending.isPending} fullWidth>
          {t(`${texts}.forgot.submit`)}
        </Button>
      </Stack>
    </form>
  );
}

/** From an emailed link: a new password twice; a missing or dead token says so and links to ask again. */
export function ResetPasswordForm<T extends NewPasswordValues>(props: {
  form: UseFormReturnType<T>;
  onSubmit: Submit;
  token: string;
  sending: Sending;
  texts: PasswordTexts;
}) {
  const { t } = useTranslation();
  const { token, texts } = props;
  const { error } = props.sending;
  const deadToken = !token || (isApiError(error) && error.code === "TOKEN_INVALID");
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack>
        {token ? (
          <ErrorAlert error={error} />
        ) : (
          <Alert color="red" role="alert">
            {t(`${texts}.reset.missingToken`)}
          </Alert>
        )}
        {deadToken ? (
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t(`${texts}.reset.askAgain`)}
          </Anchor>
        ) : null}
        <NewPasswordFields form={props.form} />
        <Button type="submit" loading={props.sending.isPending} disabled={!token} fullWidth>
          {t(`${texts}.reset.submit`)}
        </Button>
      </Stack>
    </form>
  );
}

/** Changing one's password: the request, with the current password checked by the server. */
interface ChangeSending extends Sending {
  mutate(
    body: { currentPassword: string; newPassword: string; confirm: string },
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ): void;
}

/** For a signed-in person: the current password, the new one twice (`hint` sits under the error). */
export function ChangePasswordForm(props: {
  sending: ChangeSending;
  texts: PasswordTexts;
  hint?: ReactNode;
  disabled?: boolean;
  fullWidth?: boolean;
}) {
  const { t } = useTranslation();
  const { texts, sending } = props;
  const form = useForm({
    initialValues: { currentPassword: "", password: "", confirm: "" },
    validate: newPasswordRules(t),
  });
  const submit = form.onSubmit((values) =>
    sending.mutate(
      { currentPassword: values.currentPassword, newPassword: values.password, confirm: values.confirm },
      {
        onSuccess: () => form.reset(),
        onError: (error) => applyProblemToForm(form, error, (f) => (f === "newPassword" ? "password" : f)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={sending.error} />
        {props.hint}
        <CurrentPasswordField
          form={form}
          path="currentPassword"
          label={t(changeTexts[texts].current)}
          toggleLabel={t(changeTexts[texts].showPassword)}
        />
        <NewPasswordFields form={form} />
        <Button
          type="submit"
          loading={sending.isPending}
          disabled={props.disabled}
          fullWidth={props.fullWidth}
        >
          {t(`${texts}.change.submit`)}
        </Button>
      </Stack>
    </form>
  );
}
