import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchRulebook, fetchUnits, fetchUsers } from '../api/directory-api';
import type { AnswerCategory, RulebookView, UnitRow, UserRow } from '../api/types';
import { useAuth } from '../auth/auth-context';

interface Directory {
  units: UnitRow[];
  deputies: UserRow[];
  supervisors: UserRow[];
  rulebook: RulebookView | null;
  unitName: (id: string | undefined) => string;
  userName: (id: string | undefined) => string;
  categoryLabel: (code: string) => string;
  /** Reads units and people again: after an admin renames a unit, this tab shows the new name at once. */
  reload: () => void;
}

const DirectoryContext = createContext<Directory | null>(null);

// The national scheme, used for labels until the rulebook has loaded (or if it cannot be read).
const NATIONAL_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '已经解决或者基本解决', requiresCommitments: false },
  { code: 'B', label: '正在解决或者列入规划逐步解决', requiresCommitments: true },
  { code: 'C', label: '因目前条件限制需待以后解决', requiresCommitments: true },
  { code: 'D', label: '留作参考', requiresCommitments: false },
];

/** Names of units and people, loaded once per sign-in; a list the role may not read stays empty. */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [users, setUsers] = useState<UserRow[]>([]);
  const [rulebook, setRulebook] = useState<RulebookView | null>(null);

  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!token) return;
    const ignore = () => undefined;
    fetchUnits().then(setUnits, ignore);
    fetchUsers().then(setUsers, ignore);
    if (generation === 0) fetchRulebook().then(setRulebook, ignore);
  }, [token, generation]);

  const value = useMemo<Directory>(() => {
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const userNames = new Map(users.map((u) => [u.id, u.displayName]));
    const deputies = users.filter((u) => u.role === 'deputy');
    const supervisors = users.filter((u) => u.role === 'supervisor');
    const categories = rulebook?.answerCategories ?? NATIONAL_CATEGORIES;
    return {
      units,
      deputies,
      supervisors,
      rulebook,
      unitName: (id) => (id ? (unitNames.get(id) ?? id) : '—'),
      userName: (id) => (id ? (userNames.get(id) ?? id) : '—'),
      reload: () => setGeneration((g) => g + 1),
      categoryLabel: (code) => {
        const found = categories.find((c) => c.code === code);
        return found ? `${code} 类：${found.label}` : `${code} 类`;
      },
    };
  }, [units, users, rulebook]);

  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory outside DirectoryProvider');
  return value;
}

export function answerCategories(directory: Directory): AnswerCategory[] {
  return directory.rulebook?.answerCategories ?? NATIONAL_CATEGORIES;
}
