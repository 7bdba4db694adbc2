/**
 * The part of the SARIF 2.1.0 object model that playbook-lint writes (OASIS SARIF 2.1.0, §3). Property
 * names follow the standard; optional properties are left out rather than written empty.
 */

/** `message` / `multiformatMessageString`: plain text, optionally Markdown. */
export interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

/** `region`: 1-based lines and columns; `endColumn` is the column after the last character. */
export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** `artifactLocation`: a URI reference, relative to `uriBaseId` when one is given. */
export interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/** `location` with its `physicalLocation`. */
export interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation: { readonly artifactLocation: SarifArtifactLocation; readonly region: SarifRegion };
  readonly message?: SarifMessage;
}

/** `replacement`: a region deleted and the text put there. */
export interface SarifReplacement {
  readonly deletedRegion: SarifRegion;
  readonly insertedContent: { readonly text: string };
}

/** `fix`: changes to one or more files. */
export interface SarifFix {
  readonly description: SarifMessage;
  readonly artifactChanges: ReadonlyArray<{ readonly artifactLocation: SarifArtifactLocation; readonly replacements: readonly SarifReplacement[] }>;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** SARIF levels: `note` is our `info`. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** `reportingDescriptor`: one rule. */
export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly helpUri: string;
  readonly help: SarifMessage;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly tags: readonly string[]; readonly 'problem.severity': 'error' | 'warning' | 'recommendation' };
}

/** `result`: one finding. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly fixes?: readonly SarifFix[];
}

/** `notification`: something the tool says about the run itself. */
export interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifMessage;
}

/** `run`: one tool's results. */
export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version: string;
      readonly semanticVersion: string;
      readonly informationUri: string;
      readonly rules: readonly SarifRule[];
    };
  };
  readonly invocations: ReadonlyArray<{ readonly executionSuccessful: boolean; readonly toolExecutionNotifications?: readonly SarifNotification[] }>;
  readonly originalUriBaseIds?: Readonly<Record<string, { readonly uri: string; readonly description?: SarifMessage }>>;
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
}

/** `sarifLog`: the file. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
