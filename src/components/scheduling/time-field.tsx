import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A labelled "Time" input to the minute; the rest of the input's props pass through. */
export function TimeField({
  id,
  className,
  inputClassName,
  ...input
}: Omit<ComponentProps<typeof Input>, "type" | "step" | "required" | "className"> & {
  id: string;
  /** The wrapper's classes (label above input). */
  className: string;
  inputClassName?: string;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id}>Time</Label>
      <Input id={id} type="time" step={60} required className={inputClassName} {...input} />
    </div>
  );
}
