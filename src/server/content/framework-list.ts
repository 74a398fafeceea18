import { FRAMEWORKS } from "./frameworks";
import { FRAMEWORK_IDS } from "./types";

/** What the UI needs to let a user pick frameworks (the sentence banks stay on the server). */
export function frameworkSummaries() {
  return FRAMEWORK_IDS.map((id) => {
    const { name, description, whenToUse } = FRAMEWORKS[id];
    return { id, name, description, whenToUse };
  });
}
