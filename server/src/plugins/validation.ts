import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema';
import type { ErrorDetail } from '../errors';

/** The validator settings; the fuzz tests' validator imports them (tests/helpers/hostile-requests.ts). */
export const COMMON_OPTIONS: Options = {
  allErrors: true,
  // Unknown fields are an error (schemas say additionalProperties: false), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  // NaN and ±Infinity are not numbers a user can mean.
  strictNumbers: true,
  strict: false,
};

/** Query strings, path parameters and headers are text: coerced. */
export const PARAMETER_OPTIONS: Options = { ...COMMON_OPTIONS, coerceTypes: 'array' };
/** Bodies are JSON: never coerced. */
export const BODY_OPTIONS: Options = { ...COMMON_OPTIONS, coerceTypes: false };

/**
 * Builds the validator compiler: query strings, path parameters and headers
 * are text, so they are coerced (`?year=2020` → 2020); bodies are JSON and are
 * never coerced, because Fastify's default would turn `null` into 0 and `true`
 * into 1 and silently corrupt data entry.
 */
export function installValidators(app: FastifyInstance): void {
  const coercing = new Ajv(PARAMETER_OPTIONS);
  const strictBody = new Ajv(BODY_OPTIONS);
  addFormats.default(coercing);
  addFormats.default(strictBody);
  app.setValidatorCompiler(
    ({ schema, httpPart }: FastifyRouteSchemaDef<FastifySchema>): FastifyValidationResult => {
      if (httpPart === 'body')
        return strictBody.compile(schema as object) as ValidateFunction & FastifyValidationResult;
      return finiteOnly(coercing.compile(schema as object));
    },
  );
}

/** The JSON pointer of the first number that is not finite in coerced data, or null. */
function nonFinite(data: unknown, pointer: string): string | null {
  if (typeof data === 'number') return Number.isFinite(data) ? null : pointer || '/';
  if (data === null || typeof data !== 'object') return null;
  for (const [key, value] of Object.entries(data)) {
    const found = nonFinite(value, `${pointer}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Text coerced to numbers ("?limit=Infinity", "/years/-Infinity") passes
 * Ajv's integer and range checks as ±Infinity: no such number is a year, a
 * limit or an id, so it is refused like any other invalid parameter.
 */
function finiteOnly(validate: ValidateFunction): FastifyValidationResult {
  const wrapped = ((data: unknown): boolean => {
    const ok = validate(data);
    wrapped.errors = validate.errors;
    if (!ok) return false;
    const pointer = nonFinite(data, '');
    if (pointer === null) return true;
    wrapped.errors = [
      {
        keyword: 'finite',
        instancePath: pointer === '/' ? '' : pointer,
        schemaPath: '#',
        params: {},
        message: 'must be a finite number',
      },
    ];
    return false;
  }) as ((data: unknown) => boolean) & { errors: ValidateFunction['errors'] };
  wrapped.errors = null;
  return wrapped as unknown as FastifyValidationResult;
}

export interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty (null)',
};

function fieldName(context: string, instancePath: string): string {
  const pointer = instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (pointer === '') return context === 'body' ? 'the request body' : context;
  return context === 'body' ? pointer : `${context} parameter "${pointer}"`;
}

function describeOne(error: AjvErrorLike, context: string): ErrorDetail {
  const field = fieldName(context, error.instancePath);
  const p = error.params;
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `${fieldName(context, `${error.instancePath}/${String(p.missingProperty)}`)} is required`;
      return { path: `${error.instancePath}/${String(p.missingProperty)}`, message };
    case 'additionalProperties':
      message = `"${String(p.additionalProperty)}" is not a field we know here; remove it`;
      return { path: `${error.instancePath}/${String(p.additionalProperty)}`, message };
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      message = `${field} must be ${types.join(' or ')}`;
      break;
    }
    case 'enum':
      message = `${field} must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      message = `${field} must be ${JSON.stringify(p.allowedValue)}`;
      break;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      message = `${field} must be ${String(p.comparison)} ${String(p.limit)}`;
      break;
    case 'minLength':
      message =
        Number(p.limit) === 1
          ? `${field} must not be empty`
          : `${field} must be at least ${String(p.limit)} characters`;
      break;
    case 'maxLength':
      message = `${field} must be at most ${String(p.limit)} characters`;
      break;
    case 'minItems':
      message = `${field} must have at least ${String(p.limit)} entries`;
      break;
    case 'maxItems':
      message = `${field} must have at most ${String(p.limit)} entries`;
      break;
    case 'pattern':
      message = `${field} has an invalid format`;
      break;
    case 'format':
      message = `${field} must be a valid ${String(p.format)}`;
      break;
    case 'anyOf':
    case 'oneOf':
      message = `${field} does not match any accepted form`;
      break;
    default:
      message = `${field} ${error.message ?? 'is invalid'}`;
  }
  return { path: error.instancePath === '' ? '/' : error.instancePath, message };
}

/**
 * Turns Ajv errors into one readable line per problem. `anyOf` failures are
 * dropped when a more specific error about the same field exists.
 */
export function describeValidationErrors(
  errors: readonly AjvErrorLike[],
  context: string,
): ErrorDetail[] {
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const chosen: AjvErrorLike[] = [];
  // Branches of a union each report their own type error; merge them per field
  // ("must be a number or empty (null)").
  const typeErrorAt = new Map<string, AjvErrorLike>();
  const constErrorAt = new Map<string, AjvErrorLike>();
  for (const error of specific.length > 0 ? specific : errors) {
    if (error.keyword === 'const') {
      // A union of literals: one "must be one of" listing every allowed value.
      const existing = constErrorAt.get(error.instancePath);
      if (existing === undefined) {
        const merged = {
          ...error,
          keyword: 'enum',
          params: { allowedValues: [error.params.allowedValue] },
        };
        constErrorAt.set(error.instancePath, merged);
        chosen.push(merged);
      } else {
        (existing.params.allowedValues as unknown[]).push(error.params.allowedValue);
      }
      continue;
    }
    if (error.keyword !== 'type') {
      chosen.push(error);
      continue;
    }
    const existing = typeErrorAt.get(error.instancePath);
    if (existing === undefined) {
      const copy = { ...error, params: { ...error.params } };
      typeErrorAt.set(error.instancePath, copy);
      chosen.push(copy);
    } else {
      existing.params.type = `${String(existing.params.type)},${String(error.params.type)}`;
    }
  }
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of chosen) {
    const detail = describeOne(error, context);
    const key = `${detail.path ?? ''}|${detail.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  return details;
}
