/**
 * A focused JSON schema (draft-07, for ajv) of the SARIF 2.1.0 subset playbook-lint writes, written
 * from the OASIS SARIF 2.1.0 standard and GitHub's "SARIF support for code scanning" page. The full
 * OASIS schema is not available offline; this one is stricter where GitHub is: the properties GitHub
 * marks as required must be present and non-empty, levels are SARIF's, lines and columns are 1-based,
 * and (as in the OASIS schema) objects accept no properties the standard does not define — here, only
 * those listed.
 */

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
