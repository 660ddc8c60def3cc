// Every problem the pipeline reports is an IssueMessage that names where it
// comes from (file, line, page), in the spirit of vfile-message.
import type { Stage } from "./types.js";

export interface IssueMessage {
  reason: string;
  /** Path relative to the issue folder where possible ("pages/05/01.md"). */
  file?: string;
  line?: number;
  page?: number;
  /** A short stable name of the rule that fired, e.g. "yaml-syntax". */
  ruleId: string;
  stage: Stage;
  /** true: the build stops; false: a warning. */
  fatal: boolean;
}

export function formatMessage(message: IssueMessage): string {
  const where = message.file ? `${message.file}${message.line ? `:${message.line}` : ""}: ` : "";
  return `${where}${message.reason}`;
}

/** Thrown by a stage when the build cannot go on; carries every fatal message found. */
export class BuildError extends Error {
  readonly messages: IssueMessage[];
  readonly exitCode: number;

  constructor(messages: IssueMessage[], exitCode: number = ExitCode.BadInput) {
    super(messages.map(formatMessage).join("\n"));
    this.name = "BuildError";
    this.messages = messages;
    this.exitCode = exitCode;
  }
}

/** Exit codes of the CLI; documented in README.md. */
export const ExitCode = {
  Ok: 0,
  /** The issue folder is invalid: YAML, front matter, images, page list. */
  BadInput: 2,
  /** Content does not fit its page, or a page spilled onto a second sheet. */
  Overflow: 3,
  /** Warnings under --strict. */
  Strict: 4,
  /** Browser missing, crashed or timed out, or a blocked request. */
  Render: 5,
  /** The finished PDF failed its own checks. */
  Check: 6,
  /** Wrong command-line usage. */
  Usage: 64,
} as const;

export function fail(message: Omit<IssueMessage, "fatal">, exitCode?: number): never {
  throw new BuildError([{ ...message, fatal: true }], exitCode);
}
