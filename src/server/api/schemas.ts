import { z } from "zod";
import { text } from "@/lib/input";

/** Input rules shared by routers and forms, with messages that say how to fix the value. */
export const emailInput = z
  .string()
  .trim()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."));

export const orgNameInput = text()
  .trim()
  .min(2, "Give the organization a name of at least 2 characters.")
  .max(80, "Keep the organization name under 80 characters.");

export const roleInput = z.enum(["owner", "admin", "member"]);

export const tokenInput = z.string().min(20).max(128);
