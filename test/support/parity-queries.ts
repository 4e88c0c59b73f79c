/** The GraphQL the parity tests ask both dialects: a petition with every field the read model answers. */

/** Every field of a petition read from the read model (row, snapshot, timeline, units, panels); not `live`. */
export const PETITION_FIELDS = `id status stage summary content category channel receivedAt registeredAt acceptedAt
  routeMode declineReason handlingRoute forwardedTo direct respondentUnitId repeatOf isRepeat closedAt
  escalationProposed overdue dueSoon dueAt
  unit { id name kind parentId } reviewUnit { id name }
  petitioner { name idNumber phone address masked }
  possibleRepeats { petitionId status reasons }
  extension { daysGranted maxDays }
  reply { level unitId outcome text deliveredAt } opinions { level outcome text }
  appeals { level requestedAt receivedAt reason unit { id } }
  satisfaction { target level at }
  urges { id kind unitId message issuedAt dueAt answeredAt overdueAt issuedBy { id role } }
  escalation { leaderId reason at by { id role } instructions { text } }
  evaluations { panelId verdict votes at }
  deadlines { kind rule article startedAt dueAt lastDay pausedMs paused warnedAt metAt met overdue overdueAt
    lapsedAt closesAt provisional }
  timeline { seq type at actor { id role } note data }`;

/** The fields a list page answers from its lean rows alone. */
export const ROW_FIELDS = `id status stage summary category channel receivedAt registeredAt acceptedAt forwardedTo
  direct repeatOf isRepeat closedAt escalationProposed overdue dueSoon dueAt unit { id } reviewUnit { id }
  petitioner { name idNumber phone address masked }`;

export const PAGE = (fields: string) => `query($filter: PetitionFilter, $first: Int, $after: String,
    $sort: PetitionSort) {
  petitions(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount edges { cursor highlight node { ${fields} } } pageInfo { hasNextPage endCursor } } }`;
