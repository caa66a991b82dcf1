import { request } from './client';
import type { LoginResponse, User } from './types';

export const login = (username: string, password: string): Promise<LoginResponse> =>
  request<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password }, anonymous: true });

export const fetchMe = (): Promise<User> => request<User>('/api/auth/me');
