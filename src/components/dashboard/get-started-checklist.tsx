import { ArrowRight, Check } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

export interface ChecklistStep {
  title: string;
  description: string;
  done: boolean;
  /** Where the step is done (or, once done, where to see it). */
  action: { href: string; label: string };
}

export function GetStartedChecklist({ steps }: { steps: ChecklistStep[] }) {
  const done = steps.filter((step) => step.done).length;
  const percent = Math.round((done / steps.length) * 100);

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">Get started</h2>
        </CardTitle>
        <CardDescription>
          Four steps to a LinkedIn presence that brings in work while you do the work.
        </CardDescription>
        <div className="col-span-full mt-2 flex items-center gap-3">
          <div
            role="progressbar"
            aria-label="Setup progress"
            aria-valuemin={0}
            aria-valuemax={steps.length}
            aria-valuenow={done}
            aria-valuetext={`${done} of ${steps.length} steps done`}
            className="h-2 flex-1 overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full rounded-full bg-primary transition-all"
              style={{ width: `${percent}%` }}
            />
          </div>
          <span className="text-sm text-muted-foreground tabular-nums">
            {done} of {steps.length} done
          </span>
        </div>
      </CardHeader>
      <CardContent>
        <ol className="divide-y rounded-lg border">
          {steps.map((step, index) => (
            <li key={step.title} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
              <div className="flex flex-1 gap-3">
                {/* The list is ordered already; the circle is a visual cue. */}
                <span
                  aria-hidden="true"
                  className={cn(
                    "grid size-7 shrink-0 place-items-center rounded-full border text-sm font-medium tabular-nums",
                    step.done
                      ? "border-primary bg-primary text-primary-foreground"
                      : "text-muted-foreground",
                  )}
                >
                  {step.done ? <Check className="size-4" /> : index + 1}
                </span>
                <div className="space-y-1">
                  <h3
                    className={cn(
                      "text-sm font-medium",
                      step.done && "text-muted-foreground line-through decoration-1",
                    )}
                  >
                    {step.done && <span className="sr-only">Done: </span>}
                    {step.title}
                  </h3>
                  <p className="text-sm text-muted-foreground text-pretty">{step.description}</p>
                </div>
              </div>
              <div className="pl-10 sm:pl-0">
                <Button variant={step.done ? "ghost" : "default"} size="sm" asChild>
                  <Link href={step.action.href}>
                    {step.action.label}
                    <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
