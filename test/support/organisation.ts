import { ApiResponse, HttpClient } from './http-client';
import { TEST_ADMIN_PASSWORD } from './test-app';

export const PASSWORD = 'password-e2e';

/** A signed-in person: the token to send and who they are. */
export interface Person {
  id: string;
  token: string;
}

export interface Organisation {
  admin: Person;
  staff: Person;
  supervisor: Person;
  /** 张三 leads suggestions; 李四 and 王五 co-sign. */
  deputy1: Person;
  deputy2: Person;
  deputy3: Person;
  /** Unit accounts of units traffic, education, health, housing. */
  traffic: Person;
  education: Person;
  health: Person;
  housing: Person;
}

export const UNITS = {
  traffic: { id: 'traffic', name: '市交通运输局' },
  education: { id: 'education', name: '市教育局' },
  health: { id: 'health', name: '市卫生健康委员会' },
  housing: { id: 'housing', name: '市住房和城乡建设局' },
} as const;

export async function login(http: HttpClient, username: string, password: string): Promise<Person> {
  const response = await http.post('/api/auth/login', { username, password });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.user.id, token: response.body.accessToken };
}

/** Creates the units and people every end-to-end test works with, through the admin API. */
export async function createOrganisation(http: HttpClient): Promise<Organisation> {
  const admin = await login(http, 'admin', TEST_ADMIN_PASSWORD);
  for (const unit of Object.values(UNITS)) {
    expectCreated(await http.post('/api/units', unit, { token: admin.token }));
  }
  const people: [keyof Omit<Organisation, 'admin'>, string, string, string, string?][] = [
    ['staff', 'staff1', '赵工委', 'staff'],
    ['supervisor', 'super1', '钱督办', 'supervisor'],
    ['deputy1', 'deputy1', '张三', 'deputy'],
    ['deputy2', 'deputy2', '李四', 'deputy'],
    ['deputy3', 'deputy3', '王五', 'deputy'],
    ['traffic', 'traffic1', '交通局办理员', 'unit', UNITS.traffic.id],
    ['education', 'education1', '教育局办理员', 'unit', UNITS.education.id],
    ['health', 'health1', '卫健委办理员', 'unit', UNITS.health.id],
    ['housing', 'housing1', '住建局办理员', 'unit', UNITS.housing.id],
  ];
  const org: Partial<Organisation> = { admin };
  for (const [key, username, displayName, role, unitId] of people) {
    const body = unitId ? { username, password: PASSWORD, displayName, role, unitId } : { username, password: PASSWORD, displayName, role };
    expectCreated(await http.post('/api/users', body, { token: admin.token }));
    org[key] = await login(http, username, PASSWORD);
  }
  return org as Organisation;
}

function expectCreated(response: ApiResponse): void {
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status} ${JSON.stringify(response.body)}`);
}
