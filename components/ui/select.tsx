import type { Ref, SelectHTMLAttributes } from "react";
import { controlClass } from "./input";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  options: readonly SelectOption[];
  /** An empty first choice, e.g. "— choose —". */
  placeholder?: string;
  invalid?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

/** A native select (keyboard and screen-reader behaviour come from the browser). */
export function Select({ options, placeholder, invalid, className, ...props }: SelectProps) {
  return (
    <select aria-invalid={invalid || undefined} className={controlClass(invalid, className)} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>{option.label}</option>
      ))}
    </select>
  );
}
