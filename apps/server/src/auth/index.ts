/** @factcheck/server/auth: tokens and roles without the rest of the server (for the CLI). */
export {
  issueToken,
  verifyToken,
  TokenError,
  MIN_SECRET_LENGTH,
  type Principal,
  type TokenRequest,
} from './tokens.js';
export { ROLES, roleAllows, isRole, type Role, type Permission } from './permissions.js';
