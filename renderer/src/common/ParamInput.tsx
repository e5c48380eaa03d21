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

export function paramIsValid(spec: ParamSpec, value: unknown): boolean {
  if (spec.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (spec.type === 'number[]') return Array.isArray(value) && value.every((v) => typeof v === 'number');
  return true;
}

interface ParamInputProps {
  spec: ParamSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  testId?: string;
}

export function ParamInput({ spec, value, onChange, testId }: ParamInputProps) {
  const invalid = !paramIsValid(spec, value);
  const id = testId ?? `param-${spec.name}`;
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
    return <ListParamInput spec={spec} value={value} onChange={onChange} id={id} invalid={invalid} />;
  }
  return (
    <input
      type={spec.type === 'number' ? 'number' : 'text'}
      className={invalid ? 'param-input invalid' : 'param-input'}
      value={value == null ? '' : String(value)}
      onChange={(e) => onChange(parseParam(spec, e.target.value))}
      spellCheck={false}
      data-testid={id}
      aria-invalid={invalid}
    />
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
