/** Lead detection: pure, deterministic, no network. One call per comment. */
export { INTENT_LABELS } from "./intent";
export { PRIORITY_THRESHOLDS, REPEAT_ENGAGEMENTS, scoreComment } from "./score";
export {
  LEAD_INTENTS,
  LEAD_PRIORITIES,
  type LeadInput,
  type LeadIntent,
  type LeadPriority,
  type LeadScore,
} from "./types";
