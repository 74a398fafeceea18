"use client";

import { Building2, User } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { PendingButton } from "@/components/pending-button";
import { errorMessage, fieldError } from "@/components/trpc-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { api } from "@/trpc/react";

type Kind = "standard" | "agency";

const KINDS = [
  {
    value: "standard",
    label: "I work for myself",
    description: "One workspace for your own LinkedIn posts and leads.",
    Icon: User,
  },
  {
    value: "agency",
    label: "I'm an agency managing clients",
    description: "Run LinkedIn for several consultants or clients as a team.",
    Icon: Building2,
  },
] as const;

/** Creates an organization (which also makes it active) and reloads into it. */
export function CreateOrganizationForm() {
  const id = useId();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<Kind>("standard");
  const create = api.organization.create.useMutation({
    // A full load, so the whole app (server components included) switches to the new organization.
    onSuccess: () => window.location.assign("/"),
    onError: (error) => {
      if (!fieldError(error, "name")) toast.error(errorMessage(error));
    },
  });
  const nameError = fieldError(create.error, "name");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: name.trim(), kind });
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <div className="space-y-2">
        <Label htmlFor={`${id}-name`}>Organization name</Label>
        <Input
          id={`${id}-name`}
          name="name"
          autoComplete="organization"
          placeholder={kind === "agency" ? "e.g. Northwind Advisory" : "e.g. Ana Ruiz Consulting"}
          maxLength={80}
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${id}-name-hint`}
        />
        <p
          id={`${id}-name-hint`}
          className={nameError ? "text-sm text-destructive" : "text-sm text-muted-foreground"}
        >
          {nameError ?? "Your teammates and invitees will see this name. You can change it later."}
        </p>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">How will you use TechLead AutoPilot?</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {KINDS.map(({ value, label, description, Icon }) => (
            <label
              key={value}
              className="flex cursor-pointer gap-3 rounded-lg border p-4 transition-colors hover:bg-accent/50 has-checked:border-primary has-checked:bg-primary/5 has-focus-visible:ring-[3px] has-focus-visible:ring-ring/50"
            >
              <input
                type="radio"
                name={`${id}-kind`}
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
                className="mt-0.5 size-4 shrink-0 accent-primary outline-none"
              />
              <span className="space-y-1">
                <span className="flex items-center gap-2 text-sm font-medium">
                  <Icon className="size-4 text-muted-foreground" aria-hidden="true" />
                  {label}
                </span>
                <span className="block text-sm text-muted-foreground">{description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <PendingButton
        type="submit"
        className="w-full"
        // Stays busy after success while the app reloads into the new organization.
        pending={create.isPending || create.isSuccess}
      >
        Create organization
      </PendingButton>
    </form>
  );
}
