import { Check } from 'lucide-react';
import { Checkbox, RadioGroup } from 'radix-ui';
import { useId, type ReactNode } from 'react';
import { formatMoney } from '../../shared/format/money';
import type { ModifierGroup, ModifierOption } from '../catalog';
import { canAddMore, groupHint, groupProblem, toggleOption, type Selection } from './modifier-rules';

type Props = { group: ModifierGroup; selection: Selection; onChange(selection: Selection): void; showProblem?: boolean };

const NONE = '__none__';

function OptionLabel({ option }: { option: ModifierOption }) {
  return (
    <span className="flex flex-1 items-center justify-between gap-3">
      <span>{option.name}</span>
      {option.priceDelta.amount !== 0 && (
        <span className="text-sm text-stone-600">
          {option.priceDelta.amount > 0 ? '+' : '−'}
          {formatMoney({ ...option.priceDelta, amount: Math.abs(option.priceDelta.amount) })}
        </span>
      )}
    </span>
  );
}

/**
 * One modifier group: a radio group when at most one option may be chosen (with "None" when the
 * group is optional), otherwise checkboxes that stop at `maxSelect`. Its problem ("Choose at
 * least 2") is announced with the group.
 */
export function ModifierGroupField({ group, selection, onChange, showProblem = true }: Props) {
  const id = useId();
  const chosen = selection[group.id] ?? [];
  const problem = groupProblem(selection, group);
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hintId, problem && showProblem ? problemId : null].filter(Boolean).join(' ');

  const header = (
    <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
      <h3 id={`${id}-label`} className="font-semibold">
        {group.name}
      </h3>
      <span id={hintId} className="text-sm text-stone-600">
        {groupHint(group)}
      </span>
    </div>
  );
  const problemText = problem && showProblem && (
    <p id={problemId} className="mt-2 text-sm font-medium text-red-700">
      {problem}
    </p>
  );

  if (group.maxSelect === 1) {
    const value = chosen[0] ?? (group.minSelect === 0 ? NONE : '');
    return (
      <section className="rounded-lg border border-stone-200 p-3">
        {header}
        <RadioGroup.Root
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-required={group.minSelect > 0}
          value={value}
          onValueChange={(v) => onChange(v === NONE ? { ...selection, [group.id]: [] } : toggleOption(selection, group, v))}
          className="space-y-1"
        >
          {group.minSelect === 0 && <RadioRow id={`${id}-none`} value={NONE} label={<span className="flex-1">No {group.name.toLowerCase()}</span>} />}
          {group.options.map((option) => (
            <RadioRow key={option.id} id={`${id}-${option.id}`} value={option.id} label={<OptionLabel option={option} />} />
          ))}
        </RadioGroup.Root>
        {problemText}
      </section>
    );
  }

  const full = !canAddMore(selection, group);
  return (
    <section className="rounded-lg border border-stone-200 p-3">
      {header}
      <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="space-y-1">
        {group.options.map((option) => {
          const checked = chosen.includes(option.id);
          const disabled = !checked && full;
          const optionId = `${id}-${option.id}`;
          return (
            <label
              key={option.id}
              htmlFor={optionId}
              className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 hover:bg-stone-50 ${disabled ? 'cursor-not-allowed opacity-55' : ''}`}
            >
              <Checkbox.Root
                id={optionId}
                checked={checked}
                disabled={disabled}
                onCheckedChange={() => onChange(toggleOption(selection, group, option.id))}
                className="flex h-5 w-5 shrink-0 items-center justify-center rounded border border-stone-400 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-600 data-[state=checked]:border-orange-600 data-[state=checked]:bg-orange-600"
              >
                <Checkbox.Indicator>
                  <Check aria-hidden="true" className="h-4 w-4 text-white" />
                </Checkbox.Indicator>
              </Checkbox.Root>
              <OptionLabel option={option} />
            </label>
          );
        })}
      </div>
      {full && group.maxSelect > 1 && <p className="mt-2 text-sm text-stone-600">You have chosen the most this allows ({group.maxSelect}).</p>}
      {problemText}
    </section>
  );
}

function RadioRow({ id, value, label }: { id: string; value: string; label: ReactNode }) {
  return (
    <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 hover:bg-stone-50">
      <RadioGroup.Item
        id={id}
        value={value}
        className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full border border-stone-400 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-600 data-[state=checked]:border-orange-600"
      >
        <RadioGroup.Indicator className="h-2.5 w-2.5 rounded-full bg-orange-600" />
      </RadioGroup.Item>
      {label}
    </label>
  );
}
