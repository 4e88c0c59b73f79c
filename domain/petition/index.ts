/**
 * The petition (信访事项) as a pure state machine: the state the workflow keeps (`state`), the commands that
 * change it (`COMMANDS`, each a check and an apply), and what the passing of time does (`clock`). No Temporal,
 * no I/O: the workflow drives it, and unit tests call it directly.
 */
export * from './state';
export { ALLOWED_FROM, TERMINAL_STATUSES, actingUnitId, isTerminal, type Command, type CommandName } from './lifecycle';
export * from './registration';
export * from './repeats';
export * from './handling';
export * from './appeals';
export * from './supervision';
export * from './unit-routing';
export * from './paths';
export * from './kind-paths';
export * from './materials';
export { COMMAND_ROLES, assertActorMayAct } from './actors';
export * from './reopening';
export * from './clock';
export * from './replanning';
export * from './commands';
export { effectiveDue } from '../pausable-deadline';
export { Refusal } from '../error-codes';
