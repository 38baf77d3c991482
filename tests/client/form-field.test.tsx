import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field, Input, Select } from '../../client/src/components/ui/form-field';

/** The shared field names its control by the label's text alone (issue 17 item 21). */
describe('Field', () => {
  it('names a select by its label, not by its label and the chosen option', () => {
    render(
      <Field label="Year">
        <Select defaultValue="2025">
          <option>2024</option>
          <option>2025</option>
        </Select>
      </Field>,
    );
    expect(screen.getByRole('combobox', { name: 'Year' })).toHaveValue('2025');
  });

  it('describes the control by its hint and keeps a name given by the caller', () => {
    render(
      <>
        <Field label="Target value" hint="In the indicator's unit">
          <Input />
        </Field>
        <Field label="Ignored">
          <Input aria-labelledby="own" />
        </Field>
        <span id="own">Own name</span>
      </>,
    );
    const input = screen.getByRole('textbox', { name: 'Target value' });
    expect(input).toHaveAccessibleDescription("In the indicator's unit");
    expect(screen.getByRole('textbox', { name: 'Own name' })).toBeInTheDocument();
  });
});
