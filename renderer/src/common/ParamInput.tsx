// Edits one analytic parameter according to its declared type. Lists are edited one item per line, because
// list items (tool names, activity names) may themselves contain commas.
import { useEffect, useState } from 'react';
import type { ParamSpec } from '../../../shared/api';
import './ParamInput.css';

function listToText(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => String(v)).join('\n') : value == null ? '' : String(value);
}

export function parseParam(spec: ParamSpec, text: string): unknown {
  switch (spec.type) {
    case 'number': {
      const n = Number(text);
      return text.trim() === '' || Number.isNaN(n) ? text : n;
    }
    case 'boolean':
      return text === 'true';
    case 'string':
      return text;
    case 'string[]':
      return text
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    case 'number[]':
      return text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
        .map((s) => (Number.isNaN(Number(s)) ? s : Number(s)));
    default: {
      const unreachable: never = spec.type;
      return unreachable;
    }
  }
}

function rangeProblem(spec: ParamSpec, n: number): string | null {
  if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
  if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
  return null;
}

/** What is wrong with a value, in words, or null: the same rules the engine's setSettings applies. */
export function paramProblem(spec: ParamSpec, value: unknown): string | null {
  if (spec.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
    if (!Number.isInteger(value)) return 'must be a whole number';
    return rangeProblem(spec, value);
  }
  if (spec.type === 'number[]') {
    if (!Array.isArray(value)) return 'must be a list of numbers';
    for (const v of value) {
      if (typeof v !== 'number' || !Number.isInteger(v)) return `“${String(v)}” is not a whole number`;
      const problem = rangeProblem(spec, v);
      if (problem) return `each ${problem} (${v})`;
    }
  }
  return null;
}

export function paramIsValid(spec: ParamSpec, value: unknown): boolean {
  return paramProblem(spec, value) === null;
}

interface ParamInputProps {
  spec: ParamSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  testId?: string;
}

export function ParamInput({ spec, value, onChange, testId }: ParamInputProps) {
  const problem = paramProblem(spec, value);
  const invalid = problem !== null;
  const id = testId ?? `param-${spec.name}`;
  const note = problem && (
    <div className="param-problem error-text small" role="alert" data-testid={`${id}-problem`}>
      {spec.name} {problem}
    </div>
  );
  if (spec.type === 'boolean') {
    return (
      <label className="check">
        <input
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={id}
        />
        {value === true ? 'on' : 'off'}
      </label>
    );
  }
  if (spec.type === 'string[]' || spec.type === 'number[]') {
    return (
      <>
        <ListParamInput spec={spec} value={value} onChange={onChange} id={id} invalid={invalid} />
        {note}
      </>
    );
  }
  return (
    <>
      <input
        type={spec.type === 'number' ? 'number' : 'text'}
        className={invalid ? 'param-input invalid' : 'param-input'}
        value={value == null ? '' : String(value)}
        onChange={(e) => onChange(parseParam(spec, e.target.value))}
        spellCheck={false}
        min={spec.type === 'number' ? spec.min : undefined}
        max={spec.type === 'number' ? spec.max : undefined}
        step={spec.type === 'number' ? 1 : undefined}
        data-testid={id}
        aria-invalid={invalid}
      />
      {note}
    </>
  );
}

/** Keeps the text as typed (blank lines, half-typed items) and only re-reads the value when it changes elsewhere. */
function ListParamInput({
  spec,
  value,
  onChange,
  id,
  invalid,
}: ParamInputProps & { id: string; invalid: boolean }) {
  const [text, setText] = useState(() => listToText(value));
  useEffect(() => {
    setText((current) =>
      JSON.stringify(parseParam(spec, current)) === JSON.stringify(value) ? current : listToText(value),
    );
  }, [spec, value]);
  const lines = Array.isArray(value) ? value.length : 1;
  return (
    <textarea
      className={invalid ? 'param-input invalid' : 'param-input'}
      rows={Math.min(8, Math.max(2, lines))}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseParam(spec, e.target.value));
      }}
      spellCheck={false}
      data-testid={id}
      aria-invalid={invalid}
    />
  );
}
