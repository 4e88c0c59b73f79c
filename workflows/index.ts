/** Every workflow the worker registers. */
export { petitionWorkflow } from './petition-workflow';
