import { IncidentCategorySchema, IncidentSeveritySchema } from '../../protocol/incidents.js';

/** Every category and severity, in the protocol's order (severities low to critical). */
export const INCIDENT_CATEGORIES = IncidentCategorySchema.options;
export const INCIDENT_SEVERITIES = IncidentSeveritySchema.options;
