import { useEffect, useState } from 'react';
import { onEvent } from '../../api/client';

const TABLES = ['distributions', 'distribution_recipients', 'distribution_settings'];

/** A number that grows whenever the core reports a change to distribution data: put it in effect deps to reload. */
export function useDistributionVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      onEvent('data.changed', ({ tables }) => {
        if (tables.some((t) => TABLES.includes(t))) setVersion((v) => v + 1);
      }),
    [],
  );
  return version;
}
