/** Every workflow the worker registers. */
export { petitionWorkflow } from './petition-workflow';
export { evaluationPanelWorkflow } from './panel-workflow';
export { holidayCalendarPublicationWorkflow } from './holiday-calendar-publication';
export { noticeDeliveryWorkflow } from './notice-delivery';
