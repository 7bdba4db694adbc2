/**
 * The schemas a playbook-lint SARIF log is checked against:
 *
 * - the OASIS SARIF 2.1.0 JSON schema itself (draft-04; shipped in the `@microsoft/jest-sarif` package,
 *   the only npm package found that carries the standard's schema), and
 * - a focused schema (draft-07) of the subset playbook-lint writes, written from the standard and GitHub's
 *   "SARIF support for code scanning" page: stricter where GitHub is — the properties GitHub marks as
 *   required must be present and non-empty, levels are SARIF's, lines and columns are 1-based — and,
 *   like the OASIS schema, accepting no property it does not list.
 */
import oasisSarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

/**
 * The OASIS SARIF 2.1.0 schema as that package ships it (the standard's release candidate "rtm.5", whose
 * `version` is already "2.1.0"). One of its patterns has a stray `]` that only a non-Unicode regular
 * expression accepts: compile it with ajv's `unicodeRegExp: false`.
 */
export const OASIS_SARIF_SCHEMA: Record<string, unknown> = oasisSarifSchema;

const text = { type: 'string', minLength: 1 } as const;
const message = { type: 'object', required: ['text'], additionalProperties: false, properties: { text, markdown: text } } as const;
const positive = { type: 'integer', minimum: 1 } as const;
const level = { enum: ['none', 'note', 'warning', 'error'] } as const;
const propertyBag = { type: 'object' } as const;

const region = {
  type: 'object',
  required: ['startLine', 'startColumn', 'endLine', 'endColumn'],
  additionalProperties: false,
  properties: { startLine: positive, startColumn: positive, endLine: positive, endColumn: positive },
} as const;

const artifactLocation = {
  type: 'object',
  required: ['uri'],
  additionalProperties: false,
  properties: { uri: { type: 'string', minLength: 1, format: 'uri-reference' }, uriBaseId: text },
} as const;

const location = {
  type: 'object',
  required: ['physicalLocation'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 0 },
    physicalLocation: { type: 'object', required: ['artifactLocation', 'region'], additionalProperties: false, properties: { artifactLocation, region } },
    message,
  },
} as const;

const fix = {
  type: 'object',
  required: ['artifactChanges'],
  additionalProperties: false,
  properties: {
    description: message,
    artifactChanges: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['artifactLocation', 'replacements'],
        additionalProperties: false,
        properties: {
          artifactLocation,
          replacements: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['deletedRegion'],
              additionalProperties: false,
              properties: { deletedRegion: region, insertedContent: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string' } } } },
            },
          },
        },
      },
    },
    properties: propertyBag,
  },
} as const;

const rule = {
  type: 'object',
  required: ['id', 'shortDescription', 'fullDescription', 'help'],
  additionalProperties: false,
  properties: {
    id: text,
    name: { type: 'string', minLength: 1, maxLength: 255 },
    shortDescription: { ...message, properties: { text: { ...text, maxLength: 1024 } } },
    fullDescription: { ...message, properties: { text: { ...text, maxLength: 1024 } } },
    helpUri: { type: 'string', format: 'uri' },
    help: message,
    defaultConfiguration: { type: 'object', additionalProperties: false, properties: { level } },
    properties: {
      type: 'object',
      properties: {
        tags: { type: 'array', maxItems: 20, items: { type: 'string' }, uniqueItems: true },
        'problem.severity': { enum: ['error', 'warning', 'recommendation'] },
      },
    },
  },
} as const;

const result = {
  type: 'object',
  required: ['ruleId', 'message', 'locations', 'partialFingerprints'],
  additionalProperties: false,
  properties: {
    ruleId: text,
    ruleIndex: { type: 'integer', minimum: 0 },
    level,
    message,
    locations: { type: 'array', minItems: 1, maxItems: 10, items: location },
    relatedLocations: { type: 'array', maxItems: 1000, items: location },
    partialFingerprints: { type: 'object', minProperties: 1, additionalProperties: text },
    fixes: { type: 'array', items: fix },
  },
} as const;

/** The schema of a playbook-lint SARIF log. */
export const SARIF_SUBSET_SCHEMA = {
  type: 'object',
  required: ['$schema', 'version', 'runs'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        additionalProperties: false,
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            additionalProperties: false,
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'rules'],
                additionalProperties: false,
                properties: {
                  name: text,
                  version: text,
                  semanticVersion: text,
                  informationUri: { type: 'string', format: 'uri' },
                  rules: { type: 'array', maxItems: 25000, items: rule },
                },
              },
            },
          },
          invocations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['executionSuccessful'],
              additionalProperties: false,
              properties: {
                executionSuccessful: { type: 'boolean' },
                toolExecutionNotifications: { type: 'array', items: { type: 'object', required: ['message'], additionalProperties: false, properties: { level, message } } },
              },
            },
          },
          originalUriBaseIds: {
            type: 'object',
            additionalProperties: { type: 'object', additionalProperties: false, properties: { uri: { type: 'string', format: 'uri' }, uriBaseId: text, description: message } },
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          results: { type: 'array', maxItems: 25000, items: result },
        },
      },
    },
  },
} as const;
