/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      role\n      unitId\n      memberId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation AttachMaterial($id: ID!, $file: File!, $kind: MaterialKind, $requestId: String) {\n    attachMaterial(id: $id, file: $file, kind: $kind, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.AttachMaterialDocument,
    "\n  query Case($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      summary\n      content\n      category\n      channel\n      receivedAt\n      registeredAt\n      acceptedAt\n      closedAt\n      overdue\n      dueSoon\n      direct\n      routeMode\n      handlingRoute\n      isRepeat\n      repeatOf\n      escalationProposed\n      unit {\n        id\n        name\n      }\n      reviewUnit {\n        id\n        name\n      }\n      path {\n        id\n        article\n        outcomes\n        appeals\n        agreement\n      }\n      petitioner {\n        name\n        idNumber\n        phone\n        address\n        masked\n      }\n      possibleRepeats {\n        petitionId\n        status\n        reasons\n      }\n      extension {\n        daysGranted\n        maxDays\n        requests {\n          days\n          reason\n          requestedAt\n          approved\n        }\n      }\n      hearings {\n        level\n        startedAt\n        endedAt\n      }\n      reply {\n        level\n        unitId\n        outcome\n        text\n        basis\n        issuedAt\n        deliveredAt\n      }\n      urges {\n        id\n        kind\n        message\n        issuedAt\n        dueAt\n        answeredAt\n        answer\n      }\n      escalation {\n        leaderId\n        reason\n        at\n        instructions {\n          text\n          at\n        }\n      }\n      deadlines {\n        kind\n        article\n        startedAt\n        dueAt\n        lastDay\n        met\n        overdue\n        paused\n      }\n      materials {\n        hash\n        size\n        mediaType\n        name\n        kind\n        note\n        uploadedAt\n        uploadedBy {\n          id\n          role\n        }\n      }\n      timeline {\n        seq\n        type\n        at\n        note\n        actor {\n          id\n          role\n        }\n      }\n    }\n  }\n": typeof types.CaseDocument,
    "\n  mutation Urge($id: ID!, $message: String!, $respondWithinDays: Int, $requestId: String) {\n    urge(id: $id, message: $message, respondWithinDays: $respondWithinDays, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.UrgeDocument,
    "\n  mutation Escalate($id: ID!, $leaderId: ID!, $reason: String!, $requestId: String) {\n    escalate(id: $id, leaderId: $leaderId, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.EscalateDocument,
    "\n  mutation Instruct($id: ID!, $text: String!, $requestId: String) {\n    instruct(id: $id, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.InstructDocument,
    "\n  mutation AcceptPetition($id: ID!, $unitId: String, $note: String, $requestId: String) {\n    acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptPetitionDocument,
    "\n  mutation RoutePetition(\n    $id: ID!\n    $unitId: String!\n    $mode: RouteMode!\n    $note: String\n    $dueDays: Int\n    $requestId: String\n  ) {\n    routePetition(id: $id, unitId: $unitId, mode: $mode, note: $note, dueDays: $dueDays, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.RoutePetitionDocument,
    "\n  mutation DeclinePetition($id: ID!, $reason: DeclineReason!, $note: String, $requestId: String) {\n    declinePetition(id: $id, reason: $reason, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.DeclinePetitionDocument,
    "\n  mutation ConfirmRepeat($id: ID!, $repeatOf: ID!, $note: String, $requestId: String) {\n    confirmRepeat(id: $id, repeatOf: $repeatOf, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.ConfirmRepeatDocument,
    "\n  mutation DismissRepeat($id: ID!, $candidateId: ID!, $note: String, $requestId: String) {\n    dismissRepeat(id: $id, candidateId: $candidateId, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.DismissRepeatDocument,
    "\n  mutation DecideObjection($id: ID!, $agree: Boolean!, $note: String, $requestId: String) {\n    decideObjection(id: $id, agree: $agree, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.DecideObjectionDocument,
    "\n  mutation RecordSatisfaction($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget, $requestId: String) {\n    recordSatisfaction(id: $id, level: $level, target: $target, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.RecordSatisfactionDocument,
    "\n  mutation RequestReview(\n    $id: ID!\n    $reason: String\n    $reviewUnitId: String\n    $requestedAt: DateTime\n    $requestedVia: RequestedVia\n    $requestId: String\n  ) {\n    requestReview(\n      id: $id\n      reason: $reason\n      reviewUnitId: $reviewUnitId\n      requestedAt: $requestedAt\n      requestedVia: $requestedVia\n      requestId: $requestId\n    ) {\n      id\n      status\n    }\n  }\n": typeof types.RequestReviewDocument,
    "\n  mutation SignForReceipt($id: ID!, $requestId: String) {\n    signForReceipt(id: $id, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.SignForReceiptDocument,
    "\n  mutation RaiseObjection($id: ID!, $reason: String!, $requestId: String) {\n    raiseObjection(id: $id, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.RaiseObjectionDocument,
    "\n  mutation ChooseRoute($id: ID!, $route: HandlingRoute!, $note: String, $requestId: String) {\n    chooseRoute(id: $id, route: $route, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.ChooseRouteDocument,
    "\n  mutation ReplyPetition(\n    $id: ID!\n    $outcome: ReplyOutcome!\n    $text: String!\n    $basis: String\n    $deliveredAt: DateTime\n    $requestId: String\n  ) {\n    replyPetition(\n      id: $id\n      outcome: $outcome\n      text: $text\n      basis: $basis\n      deliveredAt: $deliveredAt\n      requestId: $requestId\n    ) {\n      id\n    }\n  }\n": typeof types.ReplyPetitionDocument,
    "\n  mutation RequestExtension($id: ID!, $days: Int!, $reason: String!, $requestId: String) {\n    requestExtension(id: $id, days: $days, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.RequestExtensionDocument,
    "\n  mutation DecideExtension($id: ID!, $approve: Boolean!, $note: String, $requestId: String) {\n    decideExtension(id: $id, approve: $approve, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.DecideExtensionDocument,
    "\n  mutation StartHearing($id: ID!, $note: String, $requestId: String) {\n    startHearing(id: $id, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.StartHearingDocument,
    "\n  mutation EndHearing($id: ID!, $note: String, $requestId: String) {\n    endHearing(id: $id, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.EndHearingDocument,
    "\n  mutation AnswerUrge($id: ID!, $urgeId: ID!, $text: String!, $requestId: String) {\n    answerUrge(id: $id, urgeId: $urgeId, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.AnswerUrgeDocument,
    "\n  mutation RecordAgreement($id: ID!, $kind: AgreementKind!, $text: String!, $requestId: String) {\n    recordAgreement(id: $id, kind: $kind, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.RecordAgreementDocument,
    "\n  mutation SubmitAssignmentReport($id: ID!, $text: String!, $requestId: String) {\n    submitAssignmentReport(id: $id, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.SubmitAssignmentReportDocument,
    "\n  query Units {\n    units {\n      id\n      name\n      kind\n      parentId\n    }\n  }\n": typeof types.UnitsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    petitionId\n    kind\n    message\n    at\n    read\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query UnreadNotifications {\n    notifications(unread: true, first: 20) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query Board($filter: PetitionFilter, $after: String, $sort: PetitionSort) {\n    petitions(filter: $filter, first: 50, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          summary\n          dueAt\n          overdue\n          dueSoon\n          escalationProposed\n          unit {\n            name\n          }\n          urges {\n            id\n            answeredAt\n            kind\n          }\n          escalation {\n            leaderId\n            at\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  mutation RecordEvaluation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {\n    recordEvaluation(\n      panelId: $panelId\n      petitionId: $petitionId\n      verdict: $verdict\n      comment: $comment\n      requestId: $requestId\n    ) {\n      id\n    }\n  }\n": typeof types.RecordEvaluationDocument,
    "\n  mutation RecordAttendance($panelId: ID!, $memberIds: [ID!]!, $requestId: String) {\n    recordAttendance(panelId: $panelId, memberIds: $memberIds, requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.RecordAttendanceDocument,
    "\n  mutation RegisterPetition($input: RegisterPetitionInput!) {\n    registerPetition(input: $input) {\n      id\n      status\n      possibleRepeats {\n        petitionId\n      }\n    }\n  }\n": typeof types.RegisterPetitionDocument,
    "\n  mutation ReplayHistory($history: JSON!) {\n    replayHistory(history: $history) {\n      ok\n      runId\n      events\n    }\n  }\n": typeof types.ReplayHistoryDocument,
    "\n  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {\n    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        highlight\n        node {\n          id\n          status\n          summary\n          category\n          receivedAt\n          dueAt\n          overdue\n          dueSoon\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.TodoListDocument,
    "\n  mutation ConveneEvaluationPanel($input: ConveneEvaluationPanelInput!) {\n    conveneEvaluationPanel(input: $input) {\n      id\n    }\n  }\n": typeof types.ConveneEvaluationPanelDocument,
    "\n  query Panels($filter: PanelFilter) {\n    panels(filter: $filter, first: 100) {\n      id\n      title\n      status\n      quorum\n      convenedAt\n      deadlineAt\n      closedAt\n      members {\n        memberId\n      }\n      cases {\n        votes\n      }\n    }\n  }\n": typeof types.PanelsDocument,
    "\n  query Panel($id: ID!) {\n    panel(id: $id) {\n      id\n      title\n      status\n      quorum\n      convenedAt\n      deadlineAt\n      closedAt\n      members {\n        memberId\n        name\n        kind\n        attended\n        voted\n      }\n      cases {\n        verdict\n        votes\n        petition {\n          id\n          summary\n          status\n          reply {\n            outcome\n            text\n          }\n        }\n      }\n      evaluations {\n        memberId\n        petitionId\n        verdict\n        comment\n        at\n      }\n    }\n  }\n": typeof types.PanelDocument,
    "\n  query StatisticsFigures($filter: StatisticsFilter!) {\n    statistics(filter: $filter) {\n      from\n      to\n      unitId\n      rounding\n      registered\n      delivered\n      overdueNow\n      urgesIssued\n      urgesOverdue\n      panelsHeld\n      panelAttendances\n      evaluationSatisfactionRate {\n        ...RatioFields\n      }\n      completionRate {\n        ...RatioFields\n      }\n      receivedCompletionRate {\n        ...RatioFields\n      }\n      notAccepted {\n        ...RatioFields\n      }\n      onTimeCompletionRate {\n        ...RatioFields\n      }\n      unitSatisfactionRate {\n        ...RatioFields\n      }\n      bureauSatisfactionRate {\n        ...RatioFields\n      }\n      ratingParticipationRate {\n        ...RatioFields\n      }\n      firstTimeResolutionRate {\n        ...RatioFields\n      }\n      repeatRate {\n        ...RatioFields\n      }\n      timelyNoticeRate {\n        ...RatioFields\n      }\n      ratingExclusions {\n        id\n        description\n        source\n        excluded\n      }\n    }\n  }\n  fragment RatioFields on Ratio {\n    numerator\n    denominator\n    value\n    percent\n    definition\n  }\n": typeof types.StatisticsFiguresDocument,
    "\n  query StatisticsBrief($filter: StatisticsFilter!) {\n    statistics(filter: $filter) {\n      registered\n      delivered\n      overdueNow\n      completionRate {\n        percent\n        value\n      }\n      onTimeCompletionRate {\n        percent\n        value\n      }\n      unitSatisfactionRate {\n        percent\n        value\n      }\n    }\n  }\n": typeof types.StatisticsBriefDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      role\n      unitId\n      memberId\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation AttachMaterial($id: ID!, $file: File!, $kind: MaterialKind, $requestId: String) {\n    attachMaterial(id: $id, file: $file, kind: $kind, requestId: $requestId) {\n      id\n    }\n  }\n": types.AttachMaterialDocument,
    "\n  query Case($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      summary\n      content\n      category\n      channel\n      receivedAt\n      registeredAt\n      acceptedAt\n      closedAt\n      overdue\n      dueSoon\n      direct\n      routeMode\n      handlingRoute\n      isRepeat\n      repeatOf\n      escalationProposed\n      unit {\n        id\n        name\n      }\n      reviewUnit {\n        id\n        name\n      }\n      path {\n        id\n        article\n        outcomes\n        appeals\n        agreement\n      }\n      petitioner {\n        name\n        idNumber\n        phone\n        address\n        masked\n      }\n      possibleRepeats {\n        petitionId\n        status\n        reasons\n      }\n      extension {\n        daysGranted\n        maxDays\n        requests {\n          days\n          reason\n          requestedAt\n          approved\n        }\n      }\n      hearings {\n        level\n        startedAt\n        endedAt\n      }\n      reply {\n        level\n        unitId\n        outcome\n        text\n        basis\n        issuedAt\n        deliveredAt\n      }\n      urges {\n        id\n        kind\n        message\n        issuedAt\n        dueAt\n        answeredAt\n        answer\n      }\n      escalation {\n        leaderId\n        reason\n        at\n        instructions {\n          text\n          at\n        }\n      }\n      deadlines {\n        kind\n        article\n        startedAt\n        dueAt\n        lastDay\n        met\n        overdue\n        paused\n      }\n      materials {\n        hash\n        size\n        mediaType\n        name\n        kind\n        note\n        uploadedAt\n        uploadedBy {\n          id\n          role\n        }\n      }\n      timeline {\n        seq\n        type\n        at\n        note\n        actor {\n          id\n          role\n        }\n      }\n    }\n  }\n": types.CaseDocument,
    "\n  mutation Urge($id: ID!, $message: String!, $respondWithinDays: Int, $requestId: String) {\n    urge(id: $id, message: $message, respondWithinDays: $respondWithinDays, requestId: $requestId) {\n      id\n    }\n  }\n": types.UrgeDocument,
    "\n  mutation Escalate($id: ID!, $leaderId: ID!, $reason: String!, $requestId: String) {\n    escalate(id: $id, leaderId: $leaderId, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n": types.EscalateDocument,
    "\n  mutation Instruct($id: ID!, $text: String!, $requestId: String) {\n    instruct(id: $id, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": types.InstructDocument,
    "\n  mutation AcceptPetition($id: ID!, $unitId: String, $note: String, $requestId: String) {\n    acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.AcceptPetitionDocument,
    "\n  mutation RoutePetition(\n    $id: ID!\n    $unitId: String!\n    $mode: RouteMode!\n    $note: String\n    $dueDays: Int\n    $requestId: String\n  ) {\n    routePetition(id: $id, unitId: $unitId, mode: $mode, note: $note, dueDays: $dueDays, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.RoutePetitionDocument,
    "\n  mutation DeclinePetition($id: ID!, $reason: DeclineReason!, $note: String, $requestId: String) {\n    declinePetition(id: $id, reason: $reason, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.DeclinePetitionDocument,
    "\n  mutation ConfirmRepeat($id: ID!, $repeatOf: ID!, $note: String, $requestId: String) {\n    confirmRepeat(id: $id, repeatOf: $repeatOf, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.ConfirmRepeatDocument,
    "\n  mutation DismissRepeat($id: ID!, $candidateId: ID!, $note: String, $requestId: String) {\n    dismissRepeat(id: $id, candidateId: $candidateId, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.DismissRepeatDocument,
    "\n  mutation DecideObjection($id: ID!, $agree: Boolean!, $note: String, $requestId: String) {\n    decideObjection(id: $id, agree: $agree, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.DecideObjectionDocument,
    "\n  mutation RecordSatisfaction($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget, $requestId: String) {\n    recordSatisfaction(id: $id, level: $level, target: $target, requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.RecordSatisfactionDocument,
    "\n  mutation RequestReview(\n    $id: ID!\n    $reason: String\n    $reviewUnitId: String\n    $requestedAt: DateTime\n    $requestedVia: RequestedVia\n    $requestId: String\n  ) {\n    requestReview(\n      id: $id\n      reason: $reason\n      reviewUnitId: $reviewUnitId\n      requestedAt: $requestedAt\n      requestedVia: $requestedVia\n      requestId: $requestId\n    ) {\n      id\n      status\n    }\n  }\n": types.RequestReviewDocument,
    "\n  mutation SignForReceipt($id: ID!, $requestId: String) {\n    signForReceipt(id: $id, requestId: $requestId) {\n      id\n    }\n  }\n": types.SignForReceiptDocument,
    "\n  mutation RaiseObjection($id: ID!, $reason: String!, $requestId: String) {\n    raiseObjection(id: $id, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n": types.RaiseObjectionDocument,
    "\n  mutation ChooseRoute($id: ID!, $route: HandlingRoute!, $note: String, $requestId: String) {\n    chooseRoute(id: $id, route: $route, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": types.ChooseRouteDocument,
    "\n  mutation ReplyPetition(\n    $id: ID!\n    $outcome: ReplyOutcome!\n    $text: String!\n    $basis: String\n    $deliveredAt: DateTime\n    $requestId: String\n  ) {\n    replyPetition(\n      id: $id\n      outcome: $outcome\n      text: $text\n      basis: $basis\n      deliveredAt: $deliveredAt\n      requestId: $requestId\n    ) {\n      id\n    }\n  }\n": types.ReplyPetitionDocument,
    "\n  mutation RequestExtension($id: ID!, $days: Int!, $reason: String!, $requestId: String) {\n    requestExtension(id: $id, days: $days, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n": types.RequestExtensionDocument,
    "\n  mutation DecideExtension($id: ID!, $approve: Boolean!, $note: String, $requestId: String) {\n    decideExtension(id: $id, approve: $approve, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": types.DecideExtensionDocument,
    "\n  mutation StartHearing($id: ID!, $note: String, $requestId: String) {\n    startHearing(id: $id, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": types.StartHearingDocument,
    "\n  mutation EndHearing($id: ID!, $note: String, $requestId: String) {\n    endHearing(id: $id, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n": types.EndHearingDocument,
    "\n  mutation AnswerUrge($id: ID!, $urgeId: ID!, $text: String!, $requestId: String) {\n    answerUrge(id: $id, urgeId: $urgeId, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": types.AnswerUrgeDocument,
    "\n  mutation RecordAgreement($id: ID!, $kind: AgreementKind!, $text: String!, $requestId: String) {\n    recordAgreement(id: $id, kind: $kind, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": types.RecordAgreementDocument,
    "\n  mutation SubmitAssignmentReport($id: ID!, $text: String!, $requestId: String) {\n    submitAssignmentReport(id: $id, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n": types.SubmitAssignmentReportDocument,
    "\n  query Units {\n    units {\n      id\n      name\n      kind\n      parentId\n    }\n  }\n": types.UnitsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    petitionId\n    kind\n    message\n    at\n    read\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query UnreadNotifications {\n    notifications(unread: true, first: 20) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      ...NotificationFields\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query Board($filter: PetitionFilter, $after: String, $sort: PetitionSort) {\n    petitions(filter: $filter, first: 50, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          summary\n          dueAt\n          overdue\n          dueSoon\n          escalationProposed\n          unit {\n            name\n          }\n          urges {\n            id\n            answeredAt\n            kind\n          }\n          escalation {\n            leaderId\n            at\n          }\n        }\n      }\n    }\n  }\n": types.BoardDocument,
    "\n  mutation RecordEvaluation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {\n    recordEvaluation(\n      panelId: $panelId\n      petitionId: $petitionId\n      verdict: $verdict\n      comment: $comment\n      requestId: $requestId\n    ) {\n      id\n    }\n  }\n": types.RecordEvaluationDocument,
    "\n  mutation RecordAttendance($panelId: ID!, $memberIds: [ID!]!, $requestId: String) {\n    recordAttendance(panelId: $panelId, memberIds: $memberIds, requestId: $requestId) {\n      id\n    }\n  }\n": types.RecordAttendanceDocument,
    "\n  mutation RegisterPetition($input: RegisterPetitionInput!) {\n    registerPetition(input: $input) {\n      id\n      status\n      possibleRepeats {\n        petitionId\n      }\n    }\n  }\n": types.RegisterPetitionDocument,
    "\n  mutation ReplayHistory($history: JSON!) {\n    replayHistory(history: $history) {\n      ok\n      runId\n      events\n    }\n  }\n": types.ReplayHistoryDocument,
    "\n  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {\n    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        highlight\n        node {\n          id\n          status\n          summary\n          category\n          receivedAt\n          dueAt\n          overdue\n          dueSoon\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.TodoListDocument,
    "\n  mutation ConveneEvaluationPanel($input: ConveneEvaluationPanelInput!) {\n    conveneEvaluationPanel(input: $input) {\n      id\n    }\n  }\n": types.ConveneEvaluationPanelDocument,
    "\n  query Panels($filter: PanelFilter) {\n    panels(filter: $filter, first: 100) {\n      id\n      title\n      status\n      quorum\n      convenedAt\n      deadlineAt\n      closedAt\n      members {\n        memberId\n      }\n      cases {\n        votes\n      }\n    }\n  }\n": types.PanelsDocument,
    "\n  query Panel($id: ID!) {\n    panel(id: $id) {\n      id\n      title\n      status\n      quorum\n      convenedAt\n      deadlineAt\n      closedAt\n      members {\n        memberId\n        name\n        kind\n        attended\n        voted\n      }\n      cases {\n        verdict\n        votes\n        petition {\n          id\n          summary\n          status\n          reply {\n            outcome\n            text\n          }\n        }\n      }\n      evaluations {\n        memberId\n        petitionId\n        verdict\n        comment\n        at\n      }\n    }\n  }\n": types.PanelDocument,
    "\n  query StatisticsFigures($filter: StatisticsFilter!) {\n    statistics(filter: $filter) {\n      from\n      to\n      unitId\n      rounding\n      registered\n      delivered\n      overdueNow\n      urgesIssued\n      urgesOverdue\n      panelsHeld\n      panelAttendances\n      evaluationSatisfactionRate {\n        ...RatioFields\n      }\n      completionRate {\n        ...RatioFields\n      }\n      receivedCompletionRate {\n        ...RatioFields\n      }\n      notAccepted {\n        ...RatioFields\n      }\n      onTimeCompletionRate {\n        ...RatioFields\n      }\n      unitSatisfactionRate {\n        ...RatioFields\n      }\n      bureauSatisfactionRate {\n        ...RatioFields\n      }\n      ratingParticipationRate {\n        ...RatioFields\n      }\n      firstTimeResolutionRate {\n        ...RatioFields\n      }\n      repeatRate {\n        ...RatioFields\n      }\n      timelyNoticeRate {\n        ...RatioFields\n      }\n      ratingExclusions {\n        id\n        description\n        source\n        excluded\n      }\n    }\n  }\n  fragment RatioFields on Ratio {\n    numerator\n    denominator\n    value\n    percent\n    definition\n  }\n": types.StatisticsFiguresDocument,
    "\n  query StatisticsBrief($filter: StatisticsFilter!) {\n    statistics(filter: $filter) {\n      registered\n      delivered\n      overdueNow\n      completionRate {\n        percent\n        value\n      }\n      onTimeCompletionRate {\n        percent\n        value\n      }\n      unitSatisfactionRate {\n        percent\n        value\n      }\n    }\n  }\n": types.StatisticsBriefDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      role\n      unitId\n      memberId\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachMaterial($id: ID!, $file: File!, $kind: MaterialKind, $requestId: String) {\n    attachMaterial(id: $id, file: $file, kind: $kind, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').AttachMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Case($id: ID!) {\n    petition(id: $id) {\n      id\n      status\n      summary\n      content\n      category\n      channel\n      receivedAt\n      registeredAt\n      acceptedAt\n      closedAt\n      overdue\n      dueSoon\n      direct\n      routeMode\n      handlingRoute\n      isRepeat\n      repeatOf\n      escalationProposed\n      unit {\n        id\n        name\n      }\n      reviewUnit {\n        id\n        name\n      }\n      path {\n        id\n        article\n        outcomes\n        appeals\n        agreement\n      }\n      petitioner {\n        name\n        idNumber\n        phone\n        address\n        masked\n      }\n      possibleRepeats {\n        petitionId\n        status\n        reasons\n      }\n      extension {\n        daysGranted\n        maxDays\n        requests {\n          days\n          reason\n          requestedAt\n          approved\n        }\n      }\n      hearings {\n        level\n        startedAt\n        endedAt\n      }\n      reply {\n        level\n        unitId\n        outcome\n        text\n        basis\n        issuedAt\n        deliveredAt\n      }\n      urges {\n        id\n        kind\n        message\n        issuedAt\n        dueAt\n        answeredAt\n        answer\n      }\n      escalation {\n        leaderId\n        reason\n        at\n        instructions {\n          text\n          at\n        }\n      }\n      deadlines {\n        kind\n        article\n        startedAt\n        dueAt\n        lastDay\n        met\n        overdue\n        paused\n      }\n      materials {\n        hash\n        size\n        mediaType\n        name\n        kind\n        note\n        uploadedAt\n        uploadedBy {\n          id\n          role\n        }\n      }\n      timeline {\n        seq\n        type\n        at\n        note\n        actor {\n          id\n          role\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Urge($id: ID!, $message: String!, $respondWithinDays: Int, $requestId: String) {\n    urge(id: $id, message: $message, respondWithinDays: $respondWithinDays, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').UrgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Escalate($id: ID!, $leaderId: ID!, $reason: String!, $requestId: String) {\n    escalate(id: $id, leaderId: $leaderId, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').EscalateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Instruct($id: ID!, $text: String!, $requestId: String) {\n    instruct(id: $id, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').InstructDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptPetition($id: ID!, $unitId: String, $note: String, $requestId: String) {\n    acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AcceptPetitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoutePetition(\n    $id: ID!\n    $unitId: String!\n    $mode: RouteMode!\n    $note: String\n    $dueDays: Int\n    $requestId: String\n  ) {\n    routePetition(id: $id, unitId: $unitId, mode: $mode, note: $note, dueDays: $dueDays, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RoutePetitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclinePetition($id: ID!, $reason: DeclineReason!, $note: String, $requestId: String) {\n    declinePetition(id: $id, reason: $reason, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DeclinePetitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmRepeat($id: ID!, $repeatOf: ID!, $note: String, $requestId: String) {\n    confirmRepeat(id: $id, repeatOf: $repeatOf, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ConfirmRepeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissRepeat($id: ID!, $candidateId: ID!, $note: String, $requestId: String) {\n    dismissRepeat(id: $id, candidateId: $candidateId, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DismissRepeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideObjection($id: ID!, $agree: Boolean!, $note: String, $requestId: String) {\n    decideObjection(id: $id, agree: $agree, note: $note, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DecideObjectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSatisfaction($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget, $requestId: String) {\n    recordSatisfaction(id: $id, level: $level, target: $target, requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RecordSatisfactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReview(\n    $id: ID!\n    $reason: String\n    $reviewUnitId: String\n    $requestedAt: DateTime\n    $requestedVia: RequestedVia\n    $requestId: String\n  ) {\n    requestReview(\n      id: $id\n      reason: $reason\n      reviewUnitId: $reviewUnitId\n      requestedAt: $requestedAt\n      requestedVia: $requestedVia\n      requestId: $requestId\n    ) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RequestReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignForReceipt($id: ID!, $requestId: String) {\n    signForReceipt(id: $id, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').SignForReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseObjection($id: ID!, $reason: String!, $requestId: String) {\n    raiseObjection(id: $id, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RaiseObjectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChooseRoute($id: ID!, $route: HandlingRoute!, $note: String, $requestId: String) {\n    chooseRoute(id: $id, route: $route, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').ChooseRouteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyPetition(\n    $id: ID!\n    $outcome: ReplyOutcome!\n    $text: String!\n    $basis: String\n    $deliveredAt: DateTime\n    $requestId: String\n  ) {\n    replyPetition(\n      id: $id\n      outcome: $outcome\n      text: $text\n      basis: $basis\n      deliveredAt: $deliveredAt\n      requestId: $requestId\n    ) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReplyPetitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestExtension($id: ID!, $days: Int!, $reason: String!, $requestId: String) {\n    requestExtension(id: $id, days: $days, reason: $reason, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RequestExtensionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideExtension($id: ID!, $approve: Boolean!, $note: String, $requestId: String) {\n    decideExtension(id: $id, approve: $approve, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').DecideExtensionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartHearing($id: ID!, $note: String, $requestId: String) {\n    startHearing(id: $id, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').StartHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndHearing($id: ID!, $note: String, $requestId: String) {\n    endHearing(id: $id, note: $note, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').EndHearingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerUrge($id: ID!, $urgeId: ID!, $text: String!, $requestId: String) {\n    answerUrge(id: $id, urgeId: $urgeId, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').AnswerUrgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAgreement($id: ID!, $kind: AgreementKind!, $text: String!, $requestId: String) {\n    recordAgreement(id: $id, kind: $kind, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RecordAgreementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAssignmentReport($id: ID!, $text: String!, $requestId: String) {\n    submitAssignmentReport(id: $id, text: $text, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').SubmitAssignmentReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units {\n    units {\n      id\n      name\n      kind\n      parentId\n    }\n  }\n"): typeof import('./graphql').UnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    petitionId\n    kind\n    message\n    at\n    read\n  }\n"): typeof import('./graphql').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    notifications(unread: true, first: 20) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').UnreadNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      ...NotificationFields\n    }\n  }\n"): typeof import('./graphql').NotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      unreadCount\n    }\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($filter: PetitionFilter, $after: String, $sort: PetitionSort) {\n    petitions(filter: $filter, first: 50, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          summary\n          dueAt\n          overdue\n          dueSoon\n          escalationProposed\n          unit {\n            name\n          }\n          urges {\n            id\n            answeredAt\n            kind\n          }\n          escalation {\n            leaderId\n            at\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordEvaluation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {\n    recordEvaluation(\n      panelId: $panelId\n      petitionId: $petitionId\n      verdict: $verdict\n      comment: $comment\n      requestId: $requestId\n    ) {\n      id\n    }\n  }\n"): typeof import('./graphql').RecordEvaluationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($panelId: ID!, $memberIds: [ID!]!, $requestId: String) {\n    recordAttendance(panelId: $panelId, memberIds: $memberIds, requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RecordAttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPetition($input: RegisterPetitionInput!) {\n    registerPetition(input: $input) {\n      id\n      status\n      possibleRepeats {\n        petitionId\n      }\n    }\n  }\n"): typeof import('./graphql').RegisterPetitionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayHistory($history: JSON!) {\n    replayHistory(history: $history) {\n      ok\n      runId\n      events\n    }\n  }\n"): typeof import('./graphql').ReplayHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodoList($filter: PetitionFilter, $first: Int, $after: String) {\n    petitions(filter: $filter, first: $first, after: $after, sort: DUE_ASC) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        highlight\n        node {\n          id\n          status\n          summary\n          category\n          receivedAt\n          dueAt\n          overdue\n          dueSoon\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TodoListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConveneEvaluationPanel($input: ConveneEvaluationPanelInput!) {\n    conveneEvaluationPanel(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').ConveneEvaluationPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Panels($filter: PanelFilter) {\n    panels(filter: $filter, first: 100) {\n      id\n      title\n      status\n      quorum\n      convenedAt\n      deadlineAt\n      closedAt\n      members {\n        memberId\n      }\n      cases {\n        votes\n      }\n    }\n  }\n"): typeof import('./graphql').PanelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Panel($id: ID!) {\n    panel(id: $id) {\n      id\n      title\n      status\n      quorum\n      convenedAt\n      deadlineAt\n      closedAt\n      members {\n        memberId\n        name\n        kind\n        attended\n        voted\n      }\n      cases {\n        verdict\n        votes\n        petition {\n          id\n          summary\n          status\n          reply {\n            outcome\n            text\n          }\n        }\n      }\n      evaluations {\n        memberId\n        petitionId\n        verdict\n        comment\n        at\n      }\n    }\n  }\n"): typeof import('./graphql').PanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatisticsFigures($filter: StatisticsFilter!) {\n    statistics(filter: $filter) {\n      from\n      to\n      unitId\n      rounding\n      registered\n      delivered\n      overdueNow\n      urgesIssued\n      urgesOverdue\n      panelsHeld\n      panelAttendances\n      evaluationSatisfactionRate {\n        ...RatioFields\n      }\n      completionRate {\n        ...RatioFields\n      }\n      receivedCompletionRate {\n        ...RatioFields\n      }\n      notAccepted {\n        ...RatioFields\n      }\n      onTimeCompletionRate {\n        ...RatioFields\n      }\n      unitSatisfactionRate {\n        ...RatioFields\n      }\n      bureauSatisfactionRate {\n        ...RatioFields\n      }\n      ratingParticipationRate {\n        ...RatioFields\n      }\n      firstTimeResolutionRate {\n        ...RatioFields\n      }\n      repeatRate {\n        ...RatioFields\n      }\n      timelyNoticeRate {\n        ...RatioFields\n      }\n      ratingExclusions {\n        id\n        description\n        source\n        excluded\n      }\n    }\n  }\n  fragment RatioFields on Ratio {\n    numerator\n    denominator\n    value\n    percent\n    definition\n  }\n"): typeof import('./graphql').StatisticsFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatisticsBrief($filter: StatisticsFilter!) {\n    statistics(filter: $filter) {\n      registered\n      delivered\n      overdueNow\n      completionRate {\n        percent\n        value\n      }\n      onTimeCompletionRate {\n        percent\n        value\n      }\n      unitSatisfactionRate {\n        percent\n        value\n      }\n    }\n  }\n"): typeof import('./graphql').StatisticsBriefDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
