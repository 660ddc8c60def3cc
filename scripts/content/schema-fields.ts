// zod field builders shared by issue.yaml and article front matter, with
// messages written for editors: they name the key and quote the bad value.
import { z } from "zod";
import { describeValue } from "./problems.js";

const nullToUndefined = (value: unknown): unknown => (value === null ? undefined : value);

/** "title must be text, not 1949 (write it in quotes: title: "1949")". */
function notText(name: string, input: unknown): string {
  const quoteHint = typeof input === "number" || typeof input === "boolean" ? ` (write it in quotes: ${name.split(".").pop()}: "${String(input)}")` : "";
  return `${name} must be text, not ${describeValue(input)}${quoteHint}`;
}

/** A required text value; `key:` with nothing after it counts as empty. */
export function requiredText(name: string, missing = `${name} is missing`) {
  return z.preprocess(
    (value) => (value === null ? "" : value),
    z
      .string({ error: (issue) => (issue.input === undefined ? missing : notText(name, issue.input)) })
      .trim()
      .min(1, { error: `${name} is empty` }),
  );
}

/**
 * An optional text value; blank counts as absent. `numbersAsText` accepts
 * unquoted numbers for codes such as a postal code that may be all digits.
 */
export function optionalText(name: string, numbersAsText = false) {
  return z
    .preprocess(
      (value) => (numbersAsText && typeof value === "number" ? String(value) : nullToUndefined(value)),
      z
        .string({ error: (issue) => notText(name, issue.input) })
        .trim()
        .optional(),
    )
    .transform((value) => (value === "" ? undefined : value))
    .optional();
}

/** A whole number in [min, max] (max may be Infinity); `what` explains the key, e.g. "columns (module width)". */
export function wholeNumber(name: string, min: number, max: number, what = name) {
  const range = max === Infinity ? (min === 1 ? "a positive whole number" : `a whole number of at least ${min}`) : `a whole number from ${min} to ${max}`;
  const message = (input: unknown): string => (input === undefined ? `${name} is missing` : `${what} must be ${range}, not ${describeValue(input)}`);
  const base = z
    .number({ error: (issue) => message(issue.input) })
    .int({ error: (issue) => message(issue.input) })
    .min(min, { error: (issue) => message(issue.input) });
  return max === Infinity ? base : base.max(max, { error: (issue) => message(issue.input) });
}

export function optionalWholeNumber(name: string, min: number, max: number, what = name) {
  return z.preprocess(nullToUndefined, wholeNumber(name, min, max, what).optional()).optional();
}
