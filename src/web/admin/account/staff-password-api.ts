import { useMutation } from "@tanstack/react-query";
import type { StaffChangePasswordBody, StaffResetBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";

export function useStaffForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => api.post("/api/auth/password/forgot", { body: { email } }),
  });
}

export function useStaffResetPassword() {
  return useMutation({
    mutationFn: (body: StaffResetBody) => api.post("/api/auth/password/reset", { body }),
  });
}

export function useStaffChangePassword() {
  return useMutation({
    mutationFn: (body: StaffChangePasswordBody) => api.post("/api/auth/password/change", { body }),
  });
}
