/**
 * `holidayCalendars` and `publishHolidayCalendar` (docs/calendar.md): the notices per year, and a year's notice
 * published — checked, stored (a corrected notice replaces the year), then carried to every open petition.
 */
import { GraphQLError } from 'graphql';
import {
  listedCalendars,
  publishedYearOf,
  recordFanOut,
  calendarYearOf,
  storeNotice,
  type PublishedCalendarYear,
} from '../db/holiday-calendars';
import { Refusal } from '../domain/error-codes';
import { checkHolidayNotice } from '../domain/holiday-notice';
import { requireRole, requireSignedIn } from './auth';
import { fanOutCalendarYear, fanOutId } from './calendar-publication';
import type { ApiContext } from './context';
import { apiError, fromTemporal } from './errors';
import type {
  HolidayCalendar,
  MutationResolvers,
  PublishHolidayCalendarInput,
  QueryResolvers,
} from './generated/resolvers-types';
import { TEXT, optionalText, requiredText } from './input-rules';

function calendarView(year: PublishedCalendarYear): HolidayCalendar {
  return {
    year: year.year,
    holidays: [...year.holidays],
    workingWeekends: [...year.workingWeekends],
    source: year.source,
    provisional: year.provisional,
    publishedAt: year.publishedAt,
    publishedBy: year.publishedBy,
  };
}

function checked(input: PublishHolidayCalendarInput) {
  const source = requiredText('input.source', input.source, TEXT.title);
  try {
    return checkHolidayNotice({ ...input, source });
  } catch (err) {
    if (err instanceof Refusal) throw apiError(err.code, err.message, err.details);
    throw err;
  }
}

/**
 * Nothing reached Temporal, or it refused: the notice is stored (new petitions count on it), the open ones were
 * not told. The same publication again starts the fan-out; it is never started twice.
 */
function notCarried(year: number, err: unknown): GraphQLError | unknown {
  const typed = fromTemporal(err);
  const resourceExhausted = (err as { code?: unknown } | null)?.code === 8;
  if (!(typed instanceof GraphQLError && typed.extensions.code === 'UNAVAILABLE') && !resourceExhausted) return typed;
  return apiError(
    'UNAVAILABLE',
    `the notice of ${year} is stored and new petitions count on it, but the open petitions could not be told (${
      resourceExhausted ? 'Temporal runs as many batch operations as it allows' : 'Temporal is unreachable'
    }): publish the same notice again later`,
    { year },
  );
}

export const calendarQueryResolvers: Pick<QueryResolvers, 'holidayCalendars'> = {
  holidayCalendars: async (_, __, ctx) => {
    requireSignedIn(ctx.principal);
    return (await listedCalendars(ctx.db, Date.now())).map(calendarView);
  },
};

export const calendarMutationResolvers: Pick<MutationResolvers, 'publishHolidayCalendar'> = {
  publishHolidayCalendar: async (_, { input }, ctx: ApiContext) => {
    const principal = requireRole(ctx.principal, 'ADMIN');
    // A retry is recognised by the notice and its requestId (the fan-out's id): it starts nothing more.
    const requestId = optionalText('input.requestId', input.requestId, TEXT.requestId);
    const year = checked(input);
    const { row, supersededFanOutId } = await storeNotice(ctx.db, year, principal.id, Date.now());
    const id = fanOutId(year, row.revision, requestId && `${principal.id}:${requestId}`);
    // The year as stored, with its revision: petitions keep the newest revision of a year they receive.
    const stored = calendarYearOf(row);
    const fanOut = await fanOutCalendarYear(ctx, stored, id, supersededFanOutId).catch((err: unknown) => {
      throw notCarried(year.year, err);
    });
    await recordFanOut(ctx.db, year.year, row.revision, id);
    return {
      calendar: calendarView(publishedYearOf(row)),
      replanRequested: fanOut.started,
      batchJobId: fanOut.batchJobId,
      fanOutWorkflowId: fanOut.workflowId,
    };
  },
};
