import { useMutation } from "@tanstack/react-query";
import type { StaffChangePasswordBody, StaffResetBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";

type Ok = { ok: true };

export function useStaffForgotPassword() {
  return useMutation({ mutationFn: (email: string) => api.post<Ok>("/api/auth/password/forgot", { email }) });
}

export function useStaffResetPassword() {
  return useMutation({
    mutationFn: (body: StaffResetBody) => api.post<Ok>("/api/auth/password/reset", body),
  });
}

export function useStaffChangePassword() {
  return useMutation({
    mutationFn: (body: StaffChangePasswordBody) => api.post<Ok>("/api/auth/password/change", body),
  });
}
