/**
 * How predictions compare with labels: precision/recall/F1 for "is a lead", how trustworthy the
 * alerts are, and whether true leads get the right intent. Pure, so the dev-set script and the
 * tests share one definition.
 */
import type { LeadIntent, LeadPriority } from "./types";

export interface Judgement {
  isLead: boolean;
  priority: LeadPriority;
  intent: LeadIntent | "none";
}

export interface Evaluation {
  n: number;
  /** isLead as a binary classification. */
  precision: number;
  recall: number;
  f1: number;
  /** Comments predicted high or critical: the ones the user would be alerted about. */
  alerts: number;
  /**
   * Of the alerts, the share labeled a lead at high or critical priority: the alert was right
   * about both "lead" and "urgent enough to interrupt you".
   */
  alertPrecision: number;
  /** Of the alerts, the share labeled a lead at any priority: no alert was wasted on a non-lead. */
  alertLeadPrecision: number;
  /** Of the labeled leads, the share whose predicted intent equals the label (a miss is wrong). */
  intentAccuracy: number;
  /** Label priority → predicted priority → count. */
  confusion: Record<LeadPriority, Record<LeadPriority, number>>;
}

const ALERT: ReadonlySet<LeadPriority> = new Set(["critical", "high"]);
const PRIORITIES: readonly LeadPriority[] = ["critical", "high", "medium", "low", "none"];

/** 0/0 is reported as 0: an empty set earns no credit. */
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(rows: readonly { label: Judgement; predicted: Judgement }[]): Evaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let alerts = 0;
  let alertsRight = 0;
  let alertsLeads = 0;
  let leads = 0;
  let intentsRight = 0;
  const confusion = Object.fromEntries(
    PRIORITIES.map((l) => [l, Object.fromEntries(PRIORITIES.map((p) => [p, 0]))]),
  ) as Evaluation["confusion"];

  for (const { label, predicted } of rows) {
    if (predicted.isLead && label.isLead) tp++;
    else if (predicted.isLead) fp++;
    else if (label.isLead) fn++;
    if (ALERT.has(predicted.priority)) {
      alerts++;
      if (label.isLead) alertsLeads++;
      if (label.isLead && ALERT.has(label.priority)) alertsRight++;
    }
    if (label.isLead) {
      leads++;
      if (predicted.intent === label.intent) intentsRight++;
    }
    confusion[label.priority][predicted.priority]++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    n: rows.length,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    alerts,
    alertPrecision: ratio(alertsRight, alerts),
    alertLeadPrecision: ratio(alertsLeads, alerts),
    intentAccuracy: ratio(intentsRight, leads),
    confusion,
  };
}
