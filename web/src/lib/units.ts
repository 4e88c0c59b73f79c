/** The units (单位) the API knows, for the forms and filters that name one; read once per page. */
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { graphql } from '../gql';
import type { UnitsQuery } from '../gql/graphql';

const UnitsDocument = graphql(`
  query Units {
    units {
      id
      name
      kind
      parentId
    }
  }
`);

export type UnitRow = UnitsQuery['units'][number];

export function useUnits(): UnitRow[] {
  const [units, setUnits] = useState<UnitRow[]>([]);
  useEffect(() => {
    request(UnitsDocument)
      .then((data) => setUnits(data.units))
      // Without the list the forms still take a unit code typed in.
      .catch(() => setUnits([]));
  }, []);
  return units;
}

export function unitOptions(units: readonly UnitRow[]) {
  return units.map((unit) => ({ value: unit.id, label: `${unit.name}（${unit.id}）` }));
}
