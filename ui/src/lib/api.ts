import { invoke } from "@tauri-apps/api/core";
import type { CommandError, Overview } from "./types";

/** Loads the built-in example with its platform comparison and costs. */
export async function loadExampleOverview(): Promise<Overview> {
  return invoke<Overview>("example_overview");
}

/** The message to show for a failed command, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (typeof e === "object" && e !== null && "message" in e) {
    const msg = (e as CommandError).message;
    if (typeof msg === "string" && msg.length > 0) return msg;
  }
  if (typeof e === "string" && e.length > 0) return e;
  return "Something went wrong, and no reason was given.";
}
