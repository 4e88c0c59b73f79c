/**
 * The rules every argument of the API is held to, in one place so that every operation refuses a bad value the
 * same way. Each rule answers the value as it will be stored, or refuses with BAD_USER_INPUT whose `field` is the
 * argument path as the client wrote it (`id`, `input.petitioner.name`, `filter.unitId`, `input.members[2].name`).
 * Refusals of GraphQL itself (types, enum values, required fields, the DateTime scalar) get their field in
 * ./input-paths.ts.
 *
 * Stored text is NFC, so that search, the repeat key and equality agree however the client's keyboard composed a
 * character. Nothing is removed silently beyond trimming and whitespace: a character that has no business in a
 * field is refused with its code point and position, since a petition is a legal record and must read as given.
 */
export * from './input-rules/text';
export * from './input-rules/ids';
export * from './input-rules/personal';
export * from './input-rules/values';
