/**
 * The statute as data: every duration of 《信访工作条例》 (2022) that docs/domain.md §2 lists, with its article and
 * counting rule, and the provincial profiles that replace some of them. Workflows and the API read durations
 * from here only; a bureau elsewhere selects or adds a profile, it does not change code.
 */
import { NATIONAL_2022, type RuleId, type StatuteRule } from './statute-table';

export type { RuleId, SourceStatus, StatuteRule } from './statute-table';

/** A jurisdiction's whole rule set: the statute table plus the local switches docs/domain.md asks for. */
export interface JurisdictionProfile {
  id: string;
  name: string;
  law: string;
  rules: readonly StatuteRule[];
  practice: LocalPractice;
}

/** The local practice of docs/domain.md §7: not in the statute, so every number is the jurisdiction's to set. */
export interface LocalPractice {
  /** Days before a deadline at which the warning (预警) and the automatic reminder (催办) fall. */
  warningDays: number;
  /** Days a unit has to answer a 督办 unless the supervisor sets others. */
  urgeAnswerDays: number;
  /** The most days a supervisor may give a unit to answer a 督办. */
  urgeAnswerMaxDays: number;
  /** A case overdue by more than this many days is proposed for 提级包案. */
  escalateWhenOverdueDays: number;
  /** …and so is a case urged (督办) this many times. */
  escalateWhenUrges: number;
  /** Days a unit has to handle a case again after a DISSATISFIED third-party verdict (重新办理). */
  rehandlingDays: number;
  /**
   * Days an appeal window (复查 Art. 35, 复核 Art. 36) stays open past its last day for a request the petitioner
   * made in time (posted, submitted online) that reaches the registrar later: a case closes that many days (rolled
   * to a working day) after its window's last day. A request is judged on when it was made, never on when it was
   * entered (docs/lifecycle.md, Appeals made in time).
   */
  appealGraceDays: number;
  /**
   * Working days a unit has to sign for (签收) a 转送/交办 item after routing. The statute counts the unit's 15-day
   * 告知 and 5-working-day 异议 from its receipt (Art. 23 ¶3) without saying when the unit must receive it.
   */
  receiptDays: number;
  /**
   * Calendar days a petitioner has to rate (满意度评价) an answer that no 复查 follows (a suggestion, (五), an
   * accusation's 反馈) before the case closes. The 条例 sets none (statute row 17); where 复查 follows, its window is
   * the time to rate.
   */
  ratingDays: number;
}

/** Fengqiao's defaults (docs/domain.md §7). */
const DEFAULT_PRACTICE: LocalPractice = {
  warningDays: 3,
  urgeAnswerDays: 5,
  urgeAnswerMaxDays: 60,
  escalateWhenOverdueDays: 15,
  escalateWhenUrges: 3,
  rehandlingDays: 30,
  // Art. 22's 15 days for a bureau to register and deal with what it receives: a letter that arrives on the
  // window's last day is entered in time by a bureau that keeps its own duty.
  appealGraceDays: 15,
  // Practice expects a routed item signed for within a working day, so the statute's clocks start at once.
  receiptDays: 1,
  // As long as the 复查 window a heard claim gets: every answered petition can be rated for the same time.
  ratingDays: 30,
};

function withOverrides(
  base: readonly StatuteRule[],
  overrides: Partial<Record<RuleId, Partial<StatuteRule>>>,
): StatuteRule[] {
  return base.map((rule) => ({ ...rule, ...overrides[rule.id] }));
}

export const PROFILES: Readonly<Record<string, JurisdictionProfile>> = {
  'national-2022': {
    id: 'national-2022',
    name: '全国 (国家《信访工作条例》2022)',
    law: '《信访工作条例》(2022年5月1日起施行)',
    rules: NATIONAL_2022,
    practice: DEFAULT_PRACTICE,
  },
  'zhejiang-2016': {
    id: 'zhejiang-2016',
    name: '浙江省 (《浙江省信访条例》2016)',
    law: '《浙江省信访条例》(2016)',
    rules: withOverrides(NATIONAL_2022, {
      REGISTER_AND_ROUTE: { days: 5, counting: 'WORKING_DAYS', article: '《浙江省信访条例》第二十条' },
      HANDLE: { days: 30, article: '《浙江省信访条例》第二十三条' },
      EXTENSION: { days: 60, article: '《浙江省信访条例》第二十三条' },
    }),
    practice: DEFAULT_PRACTICE,
  },
  // The statute stops only the 复核 clock for hearings (Art. 36); some bureaus also leave first-handling
  // hearing time uncounted. That is a local rule, so it is a profile, not a branch in the workflow.
  'national-2022-handling-hearing-pause': {
    id: 'national-2022-handling-hearing-pause',
    name: '全国 (2022) + 本地规则：初次办理的听证时间不计入办理期限',
    law: '《信访工作条例》(2022年5月1日起施行) + local rule',
    rules: withOverrides(NATIONAL_2022, {
      HANDLE: { pausedByHearing: true, stopOrExtend: 'extension, row 8; hearing time not counted (local rule)' },
    }),
    practice: DEFAULT_PRACTICE,
  },
};

export const DEFAULT_PROFILE_ID = 'national-2022';

export function getProfile(id: string = DEFAULT_PROFILE_ID): JurisdictionProfile {
  const profile = PROFILES[id];
  if (!profile) throw new Error(`unknown jurisdiction profile "${id}" (known: ${Object.keys(PROFILES).join(', ')})`);
  return profile;
}

export function ruleOf(profile: JurisdictionProfile, id: RuleId): StatuteRule {
  const rule = profile.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`profile ${profile.id} has no rule ${id}`);
  return rule;
}
