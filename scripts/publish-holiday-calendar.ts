/**
 * `npm run calendar:publish -- <notice.json>`: publishes a year's holiday notice to the running API
 * (`publishHolidayCalendar`, docs/calendar.md) and prints what it answered. The file holds
 * `{ "year", "holidays", "workingWeekends", "source" }` and may hold a `requestId`; docs/examples/ has one.
 *
 * FENGQIAO_API_URL is the API (default http://localhost:${PORT:-4000}/graphql), FENGQIAO_TOKEN an ADMIN token
 * (`npm run token -- --role ADMIN`). Exits 0 when published, 1 when the API refused it or could not be reached
 * (the error's code, field and message are printed), 2 on bad usage or a file that is not a notice.
 */
import { readFileSync } from 'node:fs';

const MUTATION = `mutation Publish($input: PublishHolidayCalendarInput!) {
  publishHolidayCalendar(input: $input) {
    calendar { year holidays workingWeekends source provisional publishedAt publishedBy }
    replanRequested batchJobId fanOutWorkflowId
  }
}`;

const NOTICE_FIELDS = ['year', 'holidays', 'workingWeekends', 'source', 'requestId'] as const;

interface Answer {
  data?: { publishHolidayCalendar?: unknown } | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

function fail(status: number, message: string): never {
  console.error(message);
  process.exit(status);
}

function readNotice(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(2, `${file}: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    fail(2, `${file}: a notice is a JSON object { "year", "holidays", "workingWeekends", "source" }`);
  // Anything else in the file (a comment field, a typo) would be refused by GraphQL as an unknown input field.
  const unknown = Object.keys(parsed).filter((key) => !(NOTICE_FIELDS as readonly string[]).includes(key));
  if (unknown.length)
    fail(2, `${file}: unknown field(s) ${unknown.join(', ')}; a notice has ${NOTICE_FIELDS.join(', ')}`);
  return parsed as Record<string, unknown>;
}

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length) fail(2, 'usage: npm run calendar:publish -- <notice.json>');
const token = process.env.FENGQIAO_TOKEN;
if (!token) fail(2, 'FENGQIAO_TOKEN must hold an ADMIN token (npm run token -- --role ADMIN)');
const url = process.env.FENGQIAO_API_URL ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`;
const input = readNotice(file);

let answer: Answer;
try {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: MUTATION, variables: { input } }),
  });
  answer = (await response.json()) as Answer;
} catch (err) {
  fail(1, `UNAVAILABLE: the API at ${url} did not answer (${(err as Error).message}); nothing was published`);
}

if (answer.errors?.length) {
  for (const error of answer.errors) {
    const { code = 'ERROR', field } = error.extensions ?? {};
    console.error(`${code}${field ? ` ${field}` : ''}: ${error.message}`);
  }
  process.exit(1);
}
console.log(JSON.stringify(answer.data?.publishHolidayCalendar, null, 2));
