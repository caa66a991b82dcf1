import { useCallback, useEffect, useState } from 'react';
import { fetchUnitList, fetchUserList } from '../../api/accounts-api';
import type { UnitRow, UserListRow } from '../../api/types';

/** Users and units as the admin pages show them, read again after every change. */
export function useAccounts() {
  const [users, setUsers] = useState<UserListRow[] | null>(null);
  const [units, setUnits] = useState<UnitRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(() => {
    setLoading(true);
    Promise.all([fetchUserList(), fetchUnitList()]).then(
      ([userRows, unitRows]) => {
        setUsers(userRows);
        setUnits(unitRows);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  }, []);

  useEffect(reload, [reload]);
  return { users, units, error, loading, reload };
}
