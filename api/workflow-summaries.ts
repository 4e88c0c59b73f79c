/**
 * What the Temporal UI shows of a workflow before anyone decodes its payloads: the SDK's static summary and
 * details, set when the API starts it. Words for what the workflow is and what it waits for,
 * built only from the petition's or panel's id, category, channel and the statute's step — never a petitioner's
 * name, ID number, phone, address or what they wrote, nor a panel's free-text title or its members' names.
 * (The codec encrypts these payloads too; the UI decodes them through the codec endpoint.)
 */
import { formatShanghai } from '../domain/calendar';
import type { Category, Channel } from '../domain/petition';
import { CATEGORY_WORDS, CHANNEL_WORDS } from '../domain/petition/ui-words';
import { getProfile, ruleOf } from '../domain/statute';

export interface StartMetadata {
  staticSummary: string;
  staticDetails: string;
}

/** A petition's workflow at 登记: it waits for the bureau to route (转送/交办) or decline it within the statute's days. */
export function petitionStartMetadata(facts: {
  petitionId: string;
  category: Category;
  channel: Channel;
  profileId: string;
}): StartMetadata {
  const rule = ruleOf(getProfile(facts.profileId), 'REGISTER_AND_ROUTE');
  const category = CATEGORY_WORDS[facts.category];
  const days = rule.days === null ? '' : ` (${rule.days} 日内转送/受理)`;
  return {
    staticSummary: `信访事项 ${facts.petitionId} · ${category} · 登记${days}`,
    staticDetails: [
      `信访事项 ${facts.petitionId}`,
      `类别: ${category}`,
      `渠道: ${CHANNEL_WORDS[facts.channel]}`,
      `起始步骤: 登记，等待转送、交办或不予受理 (${rule.article}${days})`,
      '信访人信息与内容已加密，仅经授权的解码端点可读。',
    ].join('\n'),
  };
}

/** A 满意度评议 panel's workflow: it waits for its members' verdicts until its deadline. */
export function panelStartMetadata(facts: {
  panelId: string;
  petitionCount: number;
  memberCount: number;
  quorum: number;
  deadlineAt: number | null;
  deadlineDays: number;
}): StartMetadata {
  const until =
    facts.deadlineAt === null ? `召集后 ${facts.deadlineDays} 日内` : `至 ${formatShanghai(facts.deadlineAt)}`;
  return {
    staticSummary: `评议组 ${facts.panelId} · ${facts.petitionCount} 件信访事项 · 等待评议意见${until}`,
    staticDetails: [
      `评议组 ${facts.panelId}`,
      `评议事项: ${facts.petitionCount} 件`,
      `成员: ${facts.memberCount} 人，法定人数 ${facts.quorum}`,
      `等待: 成员评议意见，${until}`,
    ].join('\n'),
  };
}
