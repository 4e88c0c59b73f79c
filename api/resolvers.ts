/** The resolvers of the SDL (schema/), typed by the types GraphQL Code Generator makes from it. */
import { accessLogQueryResolvers } from './access-log-resolvers';
import { calendarMutationResolvers, calendarQueryResolvers } from './calendar-resolvers';
import type { Resolvers } from './generated/resolvers-types';
import { mutationResolvers } from './mutation-resolvers';
import { panelMutationResolvers } from './panel-resolvers';
import { evaluationPanelResolvers, panelCaseResolvers, petitionResolvers } from './petition-resolvers';
import {
  notificationConnectionResolvers,
  notificationMutationResolvers,
  notificationQueryResolvers,
  notificationSubscriptionResolvers,
} from './notification-resolvers';
import { maskingQuotes } from './quoted-resolvers';
import { queryResolvers } from './query-resolvers';
import { DateTimeScalar, JsonScalar } from './scalars';
import { stuckWorkflowResolvers } from './stuck-workflow-resolvers';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JsonScalar,
  Query: {
    ...queryResolvers,
    ...stuckWorkflowResolvers,
    ...calendarQueryResolvers,
    ...accessLogQueryResolvers,
    ...notificationQueryResolvers,
  },
  Mutation: {
    ...mutationResolvers,
    ...calendarMutationResolvers,
    ...panelMutationResolvers,
    ...notificationMutationResolvers,
  },
  Subscription: notificationSubscriptionResolvers,
  NotificationConnection: notificationConnectionResolvers,
  Petition: maskingQuotes(petitionResolvers),
  EvaluationPanel: evaluationPanelResolvers,
  PanelCase: panelCaseResolvers,
};
