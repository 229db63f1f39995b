// Validates reports against REPORT_SCHEMA with Ajv (JSON Schema draft 2020-12).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
// RFC 3339 UTC timestamps as the report writes them (Date#toISOString)
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

export const validateReport = ajv.compile(REPORT_SCHEMA);
